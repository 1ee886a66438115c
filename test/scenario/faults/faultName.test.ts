/** A fault's optional `name`: kept on the fault, unique among the faults, a name by the rules of every name. */
import { describe, expect, it } from 'vitest';
import { parse, problemsOf, withSpec } from '../fixtures.js';

const CLUSTERS = `  horizon: 30d
  datacenters: [{ name: az-a }, { name: az-b }]
  clusters:
    - { name: prod, model: multi-master, datacenters: [az-a, az-b] }
`;

function faults(...lines: string[]): string {
  return withSpec(`${CLUSTERS}  faults:\n${lines.map((l) => `    - ${l}\n`).join('')}`);
}

describe('a fault name', () => {
  it('should be kept on the fault that has one, and absent on the fault that has none', () => {
    // Act
    const s = parse(faults('{ at: 1d, name: az-b down, outage: az-b, for: 2h }', '{ at: 2d, outage: az-a, for: 1h }'));

    // Assert
    expect(s.faults.map((f) => f.name)).toEqual(['az-b down', undefined]);
    expect(Object.hasOwn(s.faults[1]!, 'name')).toBe(false);
  });

  it('should be unique among the faults, and the message should point at the second one', () => {
    // Act
    const problems = problemsOf(faults('{ at: 1d, name: dc, outage: az-b, for: 2h }', '{ at: 2d, name: dc, outage: az-a, for: 1h }'));

    // Assert
    expect(problems).toEqual([
      "x.yaml:12: spec.faults[1].name: expected a name no other fault has, found 'dc' (also the name of faults[0])",
    ]);
  });

  it.each([
    ['an empty name', "''"],
    ['a name with a slash', 'a/b'],
    ['a number', '7'],
  ])('should refuse %s', (_what, value) => {
    // Act
    const problems = problemsOf(faults(`{ at: 1d, name: ${value}, outage: az-b, for: 2h }`));

    // Assert
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^x\.yaml:11: spec\.faults\[0\]\.name: expected /);
  });
});
