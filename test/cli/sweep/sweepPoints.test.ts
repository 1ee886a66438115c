/** buildSweepPoints: every point of the grid is validated with all of its --set values together, and a refused grid is explained in a few lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/cli/errors.js';
import { buildSweepPoints, grid } from '../../../src/cli/sweep/sweepPoints.js';
import type { SweepParameter } from '../../../src/experiment/sweep/index.js';
import { parseScenarioDocument, scenarioFromRaw, setPath, ScenarioError } from '../../../src/scenario/index.js';
import { runs } from '../../runs.js';

/** etcd-sizing.yaml in small: three control-plane nodes beside an external etcd of five members. */
function sizing(etcd = '{ members: 5, topology: external }'): string {
  return `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: sizing }
spec:
  horizon: 2d
  replications: 2
  seed: 3
  datacenters: [{ name: a }, { name: b }, { name: c }]
  clusters:
    - { name: prod, model: multi-master, controlPlane: { nodes: 3 }, etcd: ${etcd}, workers: { nodes: 10 } }
`;
}
const SOURCE = { file: 'sizing.yaml', text: sizing() };

/** The lines of the InputError that buildSweepPoints throws (a ScenarioError's problems, formatted), or undefined when it accepts the grid. */
function refusal(parameters: SweepParameter[], source = SOURCE): string[] | undefined {
  try {
    buildSweepPoints(source, parameters, {});
    return undefined;
  } catch (e) {
    if (e instanceof InputError) return [...e.lines];
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    throw e;
  }
}

/** Whether the file with these values set, and nothing else, is a valid scenario: the second, simpler computation. */
function validAlone(source: { file: string; text: string }, values: Record<string, unknown>): boolean {
  let doc = parseScenarioDocument(source.text, source.file);
  for (const [path, v] of Object.entries(values)) doc = setPath(doc, path, v);
  try {
    scenarioFromRaw(doc, source.file);
    return true;
  } catch (e) {
    if (e instanceof ScenarioError) return false;
    throw e;
  }
}

const STACKED_5_OVER_3 = 'spec.clusters[0].etcd.members: stacked etcd runs member i on control-plane node i, so members + learners (5 + 0) must not exceed controlPlane.nodes (3); add control-plane nodes or use etcd.topology: external';

describe('buildSweepPoints', () => {
  it('should accept a grid whose every point is valid although a value is invalid beside the file alone', () => {
    // etcd.topology=stacked alone is 5 members on 3 nodes; with etcd.members=3 beside it, it is valid.
    const { points } = buildSweepPoints(
      SOURCE,
      [
        { path: 'etcd.members', values: [3] },
        { path: 'etcd.topology', values: ['stacked', 'external'] },
      ],
      {},
    );
    expect(points.map((p) => p.label)).toEqual(['etcd.members=3, etcd.topology=stacked', 'etcd.members=3, etcd.topology=external']);
    expect(points.map((p) => [p.scenario.clusters[0]!.etcd.members, p.scenario.clusters[0]!.etcd.topology])).toEqual([
      [3, 'stacked'],
      [3, 'external'],
    ]);
  });

  it('should accept a grid that raises the control plane at every point', () => {
    const { points } = buildSweepPoints(
      SOURCE,
      [
        { path: 'controlPlane.nodes', values: [5] },
        { path: 'etcd.topology', values: ['stacked'] },
        { path: 'etcd.members', values: [3, 5] },
      ],
      {},
    );
    expect(points.map((p) => p.scenario.clusters[0]!.etcd.members)).toEqual([3, 5]);
  });

  it('should refuse a grid with one impossible combination, naming the point, the rule and what to set', () => {
    const lines = refusal([
      { path: 'etcd.topology', values: ['stacked', 'external'] },
      { path: 'etcd.members', values: [3, 5] },
    ]);
    expect(lines).toEqual([
      `sweep point etcd.topology=stacked, etcd.members=5: ${STACKED_5_OVER_3}`,
      'sweep: 1 of 4 points is invalid and nothing ran: a sweep runs every point of its grid or none; drop the values that cannot go together, split the grid over several sweeps, or also --set controlPlane.nodes=...',
    ]);
  });

  it('should say a reason once for many points, naming them as a sub-grid', () => {
    const workers = Array.from({ length: 40 }, (_, i) => 10 * (i + 1));
    const lines = refusal([
      { path: 'etcd.topology', values: ['stacked', 'external'] },
      { path: 'etcd.members', values: [1, 3, 5, 7, 9] },
      { path: 'workers.nodes', values: workers },
    ]);
    expect(lines).toHaveLength(2);
    expect(lines![0]).toBe(
      `sweep points with etcd.topology=stacked, etcd.members=5|7|9 (120 of 400): ${STACKED_5_OVER_3} (at etcd.topology=stacked, etcd.members=5, workers.nodes=10; alike at the others)`,
    );
    expect(lines![1]).toMatch(/^sweep: 120 of 400 points are invalid and nothing ran/);
  });

  it('should name the first points and a count when the invalid ones are not a sub-grid', () => {
    const lines = refusal([
      { path: 'controlPlane.nodes', values: [1, 3] },
      { path: 'etcd.topology', values: ['stacked'] },
      { path: 'etcd.members', values: [1, 3, 5] },
    ]);
    expect(lines![0]).toMatch(
      /^sweep points controlPlane\.nodes=1, etcd\.topology=stacked, etcd\.members=3; controlPlane\.nodes=1, etcd\.topology=stacked, etcd\.members=5; controlPlane\.nodes=3, etcd\.topology=stacked, etcd\.members=5 \(3 of 6\): spec\.clusters\[0\]\.etcd\.members: stacked etcd/,
    );
    // controlPlane.nodes is swept already: no --set of it to suggest.
    expect(lines![1]).toMatch(/or change the other values the message names$/);
  });

  it('should name every point when the whole grid is invalid for one reason', () => {
    const lines = refusal([
      { path: 'etcd.topology', values: ['stacked'] },
      { path: 'etcd.members', values: [5, 7] },
    ]);
    expect(lines![0]).toBe(`sweep: all 2 points: ${STACKED_5_OVER_3} (at etcd.topology=stacked, etcd.members=5; alike at the others)`);
  });

  // values, why: a value wrong whatever it goes with is still named by its flag.
  const alone: [SweepParameter[], string[], string][] = [
    [
      [
        { path: 'etcd.members', values: ['abc', 3] },
        { path: 'etcd.topology', values: ['stacked', 'external'] },
      ],
      ['--set etcd.members=abc: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found "abc"'],
      'a wrong type is wrong beside any topology',
    ],
    [
      [{ path: 'etcd.members', values: [0, 3, 10] }],
      ['--set etcd.members=0: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found 0', '--set etcd.members=10: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found 10'],
      'every wrong value is named, one line each, in flag order',
    ],
    [
      [
        { path: 'etcd.topology', values: ['stacked'] },
        { path: 'workers.nodes', values: [10, 20] },
      ],
      [`--set etcd.topology=stacked: ${STACKED_5_OVER_3}`],
      'stacked is wrong on this file whatever the worker count: the same problem at every point that has it',
    ],
  ];
  for (const [parameters, want, why] of alone) {
    it(`should name the flag when ${why}`, () => {
      expect(refusal(parameters)).toEqual(want);
    });
  }

  it('should refuse an unknown path with the --set problem of setPath', () => {
    expect(refusal([{ path: 'etcd.memberz', values: [3] }])).toEqual(["--set: etcd.memberz: unknown field 'memberz' in spec.clusters[*].etcd; did you mean 'members'?"]);
  });

  it('should accept a grid if and only if every point is valid as a scenario by itself, in a bounded number of lines', () => {
    const members = fc.uniqueArray(fc.constantFrom<unknown>(0, 1, 2, 3, 4, 5, 7, 9, 'abc'), { minLength: 1, maxLength: 4 });
    const topology = fc.uniqueArray(fc.constantFrom('stacked', 'external'), { minLength: 1, maxLength: 2 });
    const nodes = fc.uniqueArray(fc.constantFrom<unknown>(1, 2, 3, 5, 7), { minLength: 1, maxLength: 3 });
    const file = fc.constantFrom(sizing(), sizing('{ members: 3, topology: stacked }'));
    const parameters = fc
      .tuple(members, topology, nodes, fc.shuffledSubarray([0, 1, 2], { minLength: 1 }))
      .map(([m, t, n, order]) => order.map((i) => [{ path: 'etcd.members', values: m }, { path: 'etcd.topology', values: t }, { path: 'controlPlane.nodes', values: n }][i]!));
    fc.assert(
      fc.property(parameters, file, (params, text) => {
        const source = { file: 'sizing.yaml', text };
        const combos = grid(params);
        const lines = refusal(params, source);
        expect(lines === undefined, String(lines)).toBe(combos.every((c) => validAlone(source, c.values)));
        if (lines === undefined) return;
        // A value named by its flag is invalid at every point that has it.
        for (const line of lines.filter((l) => l.startsWith('--set '))) {
          const [, path, value] = /^--set ([^=]+)=([^:]+):/.exec(line)!;
          const having = combos.filter((c) => String(c.values[path!]) === value);
          expect(having.length).toBeGreaterThan(0);
          expect(having.every((c) => !validAlone(source, c.values)), line).toBe(true);
        }
        // Never more lines than wrong values, or five reasons, a count of the rest and the last line.
        expect(lines.length).toBeLessThanOrEqual(Math.max(params.reduce((n, p) => n + p.values.length, 0), 7));
      }),
      { numRuns: runs(60) },
    );
  });
});
