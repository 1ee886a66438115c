import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignalStats } from '../../src/kernel/index.js';
import { runs } from '../runs.js';

interface History {
  readonly start: number;
  readonly initiallyUp: boolean;
  readonly changes: readonly (readonly [time: number, up: boolean])[];
  readonly end: number;
}

/** Random histories: many changes share an instant (zero steps), some repeat the current value. */
const history: fc.Arbitrary<History> = fc
  .record({
    start: fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e9, noNaN: true })),
    initiallyUp: fc.boolean(),
    steps: fc.array(
      fc.tuple(fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1e5, noNaN: true })), fc.boolean()),
      { maxLength: 60 },
    ),
    tail: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true })),
  })
  .map(({ start, initiallyUp, steps, tail }) => {
    let t = start;
    const changes = steps.map(([dt, up]) => [(t += dt), up] as const);
    return { start, initiallyUp, changes, end: t + tail };
  });

/**
 * The second computation: build the signal as segments (the value at an instant is the last one
 * set then), merge equal neighbours, drop empty ones, and read the statistics off the segments.
 */
function reference(h: History): { up: number; down: number; outages: number; longest: number; longestThree: number[] } {
  const segments: { from: number; up: boolean }[] = [{ from: h.start, up: h.initiallyUp }];
  for (const [t, up] of h.changes) {
    const last = segments[segments.length - 1]!;
    if (t === last.from) last.up = up;
    else segments.push({ from: t, up });
  }
  const spans = segments
    .map((s, i) => ({ up: s.up, from: s.from, to: i + 1 < segments.length ? segments[i + 1]!.from : h.end }))
    .filter((s) => s.to > s.from);
  const merged: { up: boolean; from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.up === s.up) last.to = s.to;
    else merged.push({ ...s });
  }
  const downs = merged.filter((s) => !s.up);
  return {
    up: merged.filter((s) => s.up).reduce((a, s) => a + (s.to - s.from), 0),
    down: downs.reduce((a, s) => a + (s.to - s.from), 0),
    outages: downs.length,
    longest: Math.max(0, ...downs.map((s) => s.to - s.from)),
    longestThree: downs
      .map((s) => s.to - s.from)
      .sort((a, b) => b - a)
      .slice(0, 3),
  };
}

function replay(h: History): SignalStats {
  const stats = new SignalStats(h.start, h.initiallyUp);
  for (const [t, up] of h.changes) stats.set(t, up);
  stats.finish(h.end);
  return stats;
}

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

describe('SignalStats', () => {
  it('should make up time plus down time equal end - start, for any history', () => {
    fc.assert(
      fc.property(history, (h) => {
        // Arrange / Act
        const stats = replay(h);
        // Assert
        expect(close(stats.upTime + stats.downTime, h.end - h.start, h.end - h.start)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it('should agree with a segment-by-segment reference on up time, down time, outages and the longest ones', () => {
    fc.assert(
      fc.property(history, (h) => {
        // Arrange
        const expected = reference(h);
        // Act
        const stats = replay(h);
        // Assert
        const span = h.end - h.start;
        expect(close(stats.upTime, expected.up, span)).toBe(true);
        expect(close(stats.downTime, expected.down, span)).toBe(true);
        expect(stats.outages).toBe(expected.outages);
        expect(stats.longestOutage).toBe(expected.longest);
        expect(stats.longestOutages).toEqual(expected.longestThree);
        expect(stats.outageLengths.total).toBe(expected.outages);
      }),
      { numRuns: runs(1000) },
    );
  });

  it.each<[string, boolean, [number, boolean][], number, { outages: number; longest: number; down: number }]>([
    ['one outage', true, [[10, false], [15, true]], 20, { outages: 1, longest: 5, down: 5 }],
    ['down and up at the same instant: no outage', true, [[10, false], [10, true]], 20, { outages: 0, longest: 0, down: 0 }],
    ['up for no time inside an outage: still one outage', true, [[10, false], [12, true], [12, false], [15, true]], 20, { outages: 1, longest: 5, down: 5 }],
    ['down at the start counts', false, [[4, true]], 20, { outages: 1, longest: 4, down: 4 }],
    ['down at the start but up at once: no outage', false, [[0, true]], 20, { outages: 0, longest: 0, down: 0 }],
    ['an outage open at the end is counted, cut at the end', true, [[15, false]], 20, { outages: 1, longest: 5, down: 5 }],
    ['going down at the very end is no outage', true, [[20, false]], 20, { outages: 0, longest: 0, down: 0 }],
    ['repeated values are ignored', true, [[5, true], [10, false], [11, false], [12, true], [13, true]], 20, { outages: 1, longest: 2, down: 2 }],
    ['two outages, the longest kept', true, [[1, false], [2, true], [5, false], [9, true]], 20, { outages: 2, longest: 4, down: 5 }],
  ])('should count %s', (_label, initiallyUp, changes, end, expected) => {
    // Arrange / Act
    const stats = replay({ start: 0, initiallyUp, changes, end });
    // Assert
    expect({ outages: stats.outages, longest: stats.longestOutage, down: stats.downTime }).toEqual(expected);
    expect(stats.upTime).toBe(end - expected.down);
  });

  it('should keep the shortest and longest outages, undoing a close that a down at the same instant reopens', () => {
    // Outages 1-6 (5 s), 10-13 (3 s), 20-27 (7 s), then 40-41 (1 s) reopened at 41 and closed at
    // 45: one outage of 5 s, so the 1 s one never was and the shortest is 3 s again.
    const stats = replay({
      start: 0,
      initiallyUp: true,
      changes: [[1, false], [6, true], [10, false], [13, true], [20, false], [27, true], [40, false], [41, true], [41, false], [45, true]],
      end: 50,
    });
    expect({ outages: stats.outages, shortest: stats.shortestOutage, longest: stats.longestOutage, down: stats.downTime }).toEqual({ outages: 4, shortest: 3, longest: 7, down: 20 });
    // The 3 longest: 7, 5 and 5 (the reopened one counts at its full 5 s, the 1 s piece is gone).
    expect(stats.longestOutages).toEqual([7, 5, 5]);
  });

  it('should count the outage in progress before it ends', () => {
    // Arrange
    const stats = new SignalStats(0, true);
    // Act
    stats.set(10, false);
    // Assert
    expect(stats.outages).toBe(1);
    expect(stats.isUp).toBe(false);
  });

  it('should report availability, NaN for an empty span', () => {
    // Arrange
    const stats = replay({ start: 0, initiallyUp: true, changes: [[90, false]], end: 100 });
    const empty = replay({ start: 5, initiallyUp: true, changes: [], end: 5 });
    // Act / Assert
    expect(stats.availability).toBeCloseTo(0.9, 12);
    expect(empty.availability).toBeNaN();
  });

  it('should tell every change, including the initial state, to onChange', () => {
    // Arrange
    const seen: [number, boolean][] = [];
    const stats = new SignalStats(0, true, (t, up) => seen.push([t, up]));
    // Act
    stats.set(3, false);
    stats.set(4, false);
    stats.set(6, true);
    stats.finish(10);
    // Assert
    expect(seen).toEqual([
      [0, true],
      [3, false],
      [6, true],
    ]);
  });

  it('should refuse a change before the last one and a change after finish', () => {
    // Arrange
    const stats = new SignalStats(0, true);
    stats.set(10, false);
    // Act / Assert
    expect(() => stats.set(5, true)).toThrow(new RangeError('SignalStats.set: time 5 is before the last change 10'));
    stats.finish(20);
    expect(() => stats.set(25, true)).toThrow('SignalStats.set: the signal is already finished');
    stats.finish(30); // a second finish is ignored
    expect(stats.downTime).toBe(10);
  });
});
