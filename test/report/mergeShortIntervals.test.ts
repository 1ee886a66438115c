import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeShortIntervals } from '../../src/report/mergeShortIntervals.js';
import type { Interval } from '../../src/report/traceIntervals.js';

const span = (lane: string, start: number, end: number, state = 'down'): Interval => ({ lane, start, end, state, detail: '' });
const shape = (list: readonly Interval[]) => list.map((i) => [i.lane, i.start, i.end, i.state]);

describe('mergeShortIntervals', () => {
  it.each([
    // [why, input, below, expected [lane, start, end, state]]
    ['two short spans less than `below` apart merge', [span('a', 0, 2), span('a', 5, 7)], 10, [['a', 0, 7, 'down']]],
    ['a gap of `below` or more keeps them apart', [span('a', 0, 2), span('a', 12, 14)], 10, [['a', 0, 2, 'down'], ['a', 12, 14, 'down']]],
    ['a short span after a long one starts a new run, however close', [span('a', 0, 2), span('a', 3, 30), span('a', 4, 5)], 10, [['a', 0, 2, 'down'], ['a', 3, 30, 'down'], ['a', 4, 5, 'down']]],
    ['a long span ends a run and stays whole', [span('a', 0, 2), span('a', 3, 30), span('a', 31, 32)], 10, [['a', 0, 2, 'down'], ['a', 3, 30, 'down'], ['a', 31, 32, 'down']]],
    ['overlapping spans (folded workers) merge to the last end', [span('w', 0, 8), span('w', 1, 3), span('w', 4, 9)], 10, [['w', 0, 9, 'down']]],
    ['rows never mix', [span('a', 0, 2), span('b', 3, 4)], 10, [['a', 0, 2, 'down'], ['b', 3, 4, 'down']]],
    ['"not recorded" never merges', [span('a', 0, 2), span('a', 2, 4, 'not recorded'), span('a', 4, 6)], 10, [['a', 0, 2, 'down'], ['a', 2, 4, 'not recorded'], ['a', 4, 6, 'down']]],
  ] as const)('%s', (_, input, below, expected) => {
    expect(shape(mergeShortIntervals(input, below))).toEqual(expected);
  });

  it('should colour a mixed run by the preferred state, and say what it holds', () => {
    // Arrange: a signal down for 1 s, up for 3 s, down for 2 s, with one pixel = 10 s.
    const input = [span('s', 0, 1, 'down'), span('s', 1, 4, 'up'), span('s', 4, 6, 'down')];

    // Act
    const [merged, ...rest] = mergeShortIntervals(input, 10, { prefer: ['down'] });
    const [plain] = mergeShortIntervals(input, 10);

    // Assert
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ start: 0, end: 6, state: 'down', detail: '3 spans shorter than 10s merged: down ×2 (3s in all), up ×1 (3s in all)' });
    // Without a preference, the state with most time wins (up and down tie at 3 s: the first seen).
    expect(plain!.state).toBe('down');
  });

  it('should cover every span by a span of its row, never add spans, and leave nothing to merge a second time', () => {
    const arb = fc.array(
      fc.record({ lane: fc.constantFrom('a', 'b'), start: fc.integer({ min: 0, max: 1000 }), length: fc.integer({ min: 0, max: 60 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 50 }), (raw, below) => {
        const input = raw.map((r) => span(r.lane, r.start, r.start + r.length));
        const out = mergeShortIntervals(input, below);
        for (const i of input) {
          const covering = out.filter((o) => o.lane === i.lane && o.start <= i.start && i.end <= o.end);
          expect(covering.length).toBeGreaterThanOrEqual(1);
        }
        expect(out.length).toBeLessThanOrEqual(input.length);
        // Whatever is still short lies `below` or more from the next short span, or a longer one is between them.
        expect(shape(mergeShortIntervals(out, below))).toEqual(shape(out));
      }),
    );
  });
});
