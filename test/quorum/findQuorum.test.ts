import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuorum } from '../../src/quorum/index.js';

describe('findQuorum', () => {
  it('should give an empty configuration no quorum (by convention)', () => {
    expect(findQuorum([], [])).toEqual({ kind: 'lost', largest: 0 });
  });

  const cases: { why: string; up: boolean[]; group: number[]; held: boolean }[] = [
    { why: 'all three up, one network', up: [true, true, true], group: [0, 0, 0], held: true },
    { why: 'one of three down still leaves two of three', up: [true, false, true], group: [0, 0, 0], held: true },
    { why: 'two of three down: one is not a majority', up: [true, false, false], group: [0, 0, 0], held: false },
    { why: 'two up but cut apart: neither side has two', up: [true, true, false], group: [0, 1, 0], held: false },
    { why: 'the even-size trap: 2 of 4 is not a majority', up: [true, true, false, false], group: [0, 0, 0, 0], held: false },
    { why: 'a 2+2 split of four loses quorum on both sides', up: [true, true, true, true], group: [0, 0, 1, 1], held: false },
    { why: 'a 3+2 split of five keeps it on the three side', up: [true, true, true, true, true], group: [1, 1, 0, 0, 1], held: true },
    { why: 'a single member is its own quorum', up: [true], group: [7], held: true },
  ];
  for (const c of cases) {
    it(`should decide: ${c.why}`, () => {
      expect(findQuorum(c.up, c.group).kind).toBe(c.held ? 'held' : 'lost');
    });
  }

  it('should hold exactly when a majority of voters is up and mutually reachable (vs brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.tuple(fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n })),
        ),
        ([up, group]) => {
          const n = up.length;
          // Reference: the largest set of live voters sharing a group, counted per group.
          const sizes = new Map<number, number>();
          up.forEach((u, i) => u && sizes.set(group[i]!, (sizes.get(group[i]!) ?? 0) + 1));
          const best = Math.max(0, ...sizes.values());
          const q = findQuorum(up, group);
          expect(q.kind === 'held').toBe(best > n / 2);
          if (q.kind === 'held') expect(sizes.get(q.group)).toBe(q.members);
          else expect(q.largest).toBe(best);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
