import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_GAP_SECONDS, quantile, summarize, writeGap } from '../../calibrate/stats.mjs';

describe('quantile', () => {
  it.each([
    // [sample, q, expected, why] — numpy.quantile's default (linear, R type 7) gives the same.
    [[1, 2, 3, 4], 0.5, 2.5, 'an even sample: the mean of the middle two'],
    [[3, 1, 2], 0.5, 2, 'an odd sample, unsorted: the middle one'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1, 'p90 of 1..10 interpolates between 9 and 10'],
    [[5], 0.9, 5, 'one value is every quantile'],
    [[1, 2], 0, 1, 'q = 0 is the minimum'],
    [[1, 2], 1, 2, 'q = 1 is the maximum'],
  ])('should give %j at q=%s the value %s (%s)', (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 12);
  });

  it('should give NaN for an empty sample and refuse a q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow('quantile: q should be in [0, 1], found 1.5');
  });

  it('should lie between the minimum and the maximum and grow with q', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quantile(xs, lo)).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(quantile(xs, hi)).toBeLessThanOrEqual(Math.max(...xs));
        expect(quantile(xs, lo)).toBeLessThanOrEqual(quantile(xs, hi) + 1e-9);
      }),
    );
  });
});

describe('writeGap', () => {
  it('should find the leaderless gap in a synthetic series of completions every 5 ms', () => {
    // Arrange: writes complete every 5 ms from 9 s to 10 s, none until 11.3 s, then again every 5 ms.
    const before = Array.from({ length: 201 }, (_, k) => 9 + k * 0.005);
    const after = Array.from({ length: 200 }, (_, k) => 11.3 + k * 0.005);
    // Act
    const gap = writeGap([...after, ...before], 9.5, 12);
    // Assert: from the last write before the fault (10.0 s) to the first after it (11.3 s).
    expect(gap).toBeCloseTo(1.3, 9);
  });

  it('should see only the completions inside the window', () => {
    // A long pause before the window (1 to 5 s) is another round's business.
    expect(writeGap([1, 5, 5.1, 5.2, 5.4], 4.9, 6)).toBeCloseTo(0.2, 9);
  });

  it('should give NaN when fewer than two completions fall in the window', () => {
    expect(writeGap([1, 2, 3], 10, 20)).toBeNaN();
    expect(writeGap([15], 10, 20)).toBeNaN();
  });

  it('should equal the largest difference between consecutive sorted completions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 2 }), (ts) => {
        const sorted = [...ts].sort((a, b) => a - b);
        const diffs = sorted.slice(1).map((t, k) => t - sorted[k]!);
        expect(writeGap(ts, 0, 60)).toBe(Math.max(...diffs));
      }),
    );
  });
});

describe('summarize', () => {
  it('should give median, p90, max and the share over 2 s, leaving unmeasured rounds apart', () => {
    // Arrange: ten measured rounds, two of them over LONG_GAP_SECONDS, and one censored (NaN).
    const gaps = [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2.5, 3.0, NaN];
    // Act
    const s = summarize(gaps);
    // Assert
    expect(LONG_GAP_SECONDS).toBe(2);
    expect(s.rounds).toBe(10);
    expect(s.unmeasured).toBe(1);
    expect(s.median).toBeCloseTo(1.45, 12);
    expect(s.p90).toBeCloseTo(2.55, 12);
    expect(s.max).toBe(3.0);
    expect(s.shareOver2s).toBeCloseTo(0.2, 12);
  });

  it('should give NaN statistics for no measured round', () => {
    const s = summarize([NaN]);
    expect(s.rounds).toBe(0);
    expect(s.median).toBeNaN();
    expect(s.max).toBeNaN();
    expect(s.shareOver2s).toBeNaN();
  });
});
