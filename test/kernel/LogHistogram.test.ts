import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/kernel/index.js';
import { runs } from '../runs.js';

/** Positive values spread over ten decades (10 ms to ~3 years), as outage lengths are. */
const value = fc.double({ min: -2, max: 8, noNaN: true }).map((e) => 10 ** e);
const quantile = fc.oneof(fc.constantFrom(0, 0.01, 0.1, 0.5, 0.9, 0.99, 1), fc.double({ min: 0, max: 1, noNaN: true }));

/** The exact q-quantile by the histogram's own rule: the smallest value with at least q of the weight at or below it. */
function exactQuantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

function histogramOf(values: readonly number[]): LogHistogram {
  const h = new LogHistogram();
  for (const v of values) h.add(v);
  return h;
}

describe('LogHistogram', () => {
  it('should give quantiles within 6% of the exact ones, for any data', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), quantile, (values, q) => {
        // Arrange
        const h = histogramOf(values);
        const sorted = [...values].sort((a, b) => a - b);
        // Act
        const estimate = h.quantile(q);
        // Assert
        const exact = exactQuantile(sorted, q);
        expect(Math.abs(estimate / exact - 1)).toBeLessThanOrEqual(0.06);
      }),
      { numRuns: runs(500) },
    );
  });

  it('should make merging the same as adding every value to one histogram', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.array(value, { maxLength: 200 }), (a, b) => {
        // Arrange
        const merged = histogramOf(a);
        // Act
        merged.merge(histogramOf(b));
        // Assert
        const together = histogramOf([...a, ...b]);
        expect(Array.from(merged.counts)).toEqual(Array.from(together.counts));
        expect(merged.total).toBe(together.total);
      }),
    );
  });

  it('should return NaN for the quantile of an empty histogram', () => {
    // Arrange / Act / Assert
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });

  it('should weigh values, and take a weight back when it is added negated', () => {
    // Arrange
    const h = new LogHistogram();
    // Act
    h.add(10, 3);
    h.add(1000, 1);
    const p50 = h.quantile(0.5);
    h.add(10, -3);
    // Assert
    expect(p50 / 10).toBeCloseTo(1, 1);
    expect(h.total).toBe(1);
    expect(h.quantile(0.5) / 1000).toBeCloseTo(1, 1);
  });

  it('should put values outside 1 ms to ~31 years into the first or the last bucket', () => {
    // Arrange / Act / Assert
    const last = LogHistogram.PER_DECADE * LogHistogram.DECADES - 1;
    expect([LogHistogram.bucket(0), LogHistogram.bucket(-5), LogHistogram.bucket(1e-6), LogHistogram.bucket(1e12)]).toEqual([0, 0, 0, last]);
  });

  it('should keep its memory fixed, whatever it is given', () => {
    // Arrange
    const h = new LogHistogram();
    const size = h.counts.length;
    // Act
    for (let i = 0; i < 100_000; i++) h.add(1 + i);
    // Assert
    expect(h.counts.length).toBe(size);
    expect(size).toBe(480);
  });
});
