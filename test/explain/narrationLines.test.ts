/** Printed lines tell a cluster's state only when it is not the one the last printed line told. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrationLines, type NarratedStep } from '../../src/report/narrate/narrate.js';

/** A step with what it said and, per cluster, its state as [text, key]. */
function step(said: string, states: readonly (readonly [string, string])[], changes = ''): NarratedStep {
  return { said, states: states.map(([text, key]) => ({ text, key })), changes } as unknown as NarratedStep;
}

describe('narrationLines', () => {
  it.each([
    // [steps, lines, why]
    [[step('t=0 start', [['A', 'A']]), step('t=1 x', [['A', 'A']])], ['t=0 start: A', 't=1 x'], 'the same state is not repeated'],
    [[step('t=0 start', [['A', 'A']]), step('t=1 x', [['B', 'B']], ' (apiWrite down)')], ['t=0 start: A', 't=1 x: B (apiWrite down)'], 'a new state is told, before the changes'],
    [[step('t=0 start', [['A', 'A']]), step('t=1 x', [['A', 'A']], ' (workloads down)')], ['t=0 start: A', 't=1 x (workloads down)'], 'changes are told without the state'],
    [[step('t=0 start', [['A', 'A']]), step('t=1 x', [['still A', 'A']])], ['t=0 start: A', 't=1 x'], '"still writable" is the same state'],
    [
      [step('t=0 start', [['[p] A', 'A'], ['[q] C', 'C']]), step('t=1 x', [['[p] A', 'A'], ['[q] D', 'D']])],
      ['t=0 start: [p] A [q] C', 't=1 x: [q] D'],
      'with several clusters, only those whose state changed',
    ],
  ])('should print %j as %j (%s)', (steps, lines) => {
    expect(narrationLines(steps)).toEqual(lines);
  });

  it('should leave the reader knowing every cluster state of every step from the lines printed so far', () => {
    // Keys are states; a line tells the text of those that changed, and the text here is the key.
    const keys = fc.array(fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(keys, (rows) => {
        const steps = rows.map((r, i) => step(`t=${i}`, r.map((k, c) => [`[${c}]${k}`, k] as const)));
        const known: string[] = [];
        narrationLines(steps).forEach((line, i) => {
          for (const m of line.matchAll(/\[(\d)\]([ABC])/g)) known[Number(m[1])] = m[2]!;
          expect(known, `after line ${i}`).toEqual(rows[i]);
        });
      }),
    );
  });
});
