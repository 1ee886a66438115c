import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate, tQuantile975 } from '../../src/experiment/statistics.js';

describe('tQuantile975', () => {
  // Published two-sided 95% quantiles of Student's t (NIST/SEMATECH e-Handbook, table 1.3.6.7.2;
  // beyond the table, R's qt(0.975, df)), and why each row is there.
  const cases: [number, number, number][] = [
    // df = 1: the widest, where 1.96 would be most wrong.
    [1, 12.706, 1e-3],
    [2, 4.303, 1e-3],
    [4, 2.776, 1e-3],
    [10, 2.228, 1e-3],
    // The last row of the table, as printed there.
    [30, 2.042, 1e-12],
    // The first value from the expansion, which must join the table smoothly: the expansion's
    // error is below 2e-6 from here on (its 1/df³ term alone is worth about 1e-4 at df = 31).
    [31, 2.0395134, 1e-5],
    [40, 2.0210754, 1e-5],
    [100, 1.9839715, 1e-6],
    // Large df tends to the normal quantile 1.959964.
    [1000, 1.9623391, 1e-6],
  ];
  it.each(cases)('should give t(0.975, %i) = %f', (df, t, tolerance) => {
    expect(Math.abs(tQuantile975(df) - t)).toBeLessThan(tolerance);
  });

  it('should have no quantile below one degree of freedom', () => {
    expect(tQuantile975(0)).toBeNaN();
  });
});

describe('estimate', () => {
  it('should give a Student-t interval on the standard error for three observations', () => {
    // 1, 2, 6: mean 3; squared deviations 4 + 1 + 9 = 14; s² = 14 / 2 = 7; standard error
    // sqrt(7 / 3) = 1.5275252; half-width t(0.975, 2) × 1.5275252 = 4.303 × 1.5275252 = 6.5729411.
    // (1.96 would give 2.99, the standard deviation instead of the error 11.38.)
    const e = estimate([1, 2, 6]);
    expect(e.mean).toBe(3);
    expect(e.ci95![0]).toBeCloseTo(-3.5729411, 6);
    expect(e.ci95![1]).toBeCloseTo(9.5729411, 6);
  });

  it('should give a Student-t interval on the standard error for five observations', () => {
    // 10, 12, 14, 16, 18: mean 14; squared deviations 16 + 4 + 0 + 4 + 16 = 40; s² = 40 / 4 = 10;
    // standard error sqrt(10 / 5) = 1.4142136; half-width 2.776 × 1.4142136 = 3.9258569.
    const e = estimate([10, 12, 14, 16, 18]);
    expect(e.mean).toBe(14);
    expect(e.ci95![0]).toBeCloseTo(10.0741431, 6);
    expect(e.ci95![1]).toBeCloseTo(17.9258569, 6);
  });

  it('should clamp the interval to [lo, hi] without moving the mean', () => {
    // Availabilities 0.9, 0.99, 1: mean 0.9633333, and the upper end 1.1001600 is clamped to 1.
    const e = estimate([0.9, 0.99, 1], 0, 1);
    expect(e.mean).toBeCloseTo(0.9633333, 6);
    expect(e.ci95![1]).toBe(1);
    // Lower end: s² = (0.0633333² + 0.0266667² + 0.0366667²) / 2 = 0.0030333; error sqrt(0.0030333 / 3) = 0.0317980;
    // 0.9633333 − 4.303 × 0.0317980 = 0.8265067.
    expect(e.ci95![0]).toBeCloseTo(0.8265067, 6);
  });

  it('should give no interval for one observation, and a zero-width one when there is no spread', () => {
    expect(estimate([0.5])).toEqual({ mean: 0.5, ci95: null });
    expect(estimate([2, 2, 2])).toEqual({ mean: 2, ci95: [2, 2] });
  });

  it('should have no estimate without observations', () => {
    // Both ends NaN (an empty interval would pass a check that every end is NaN).
    expect(estimate([])).toEqual({ mean: NaN, ci95: [NaN, NaN] });
  });
});

describe('estimate invariants', () => {
  const values = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 50 });

  it('should put the mean between the smallest and largest value, inside its interval, inside [lo, hi]', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const e = estimate(xs, 0, 1);
        const [lo, hi] = e.ci95!;
        expect(e.mean).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
        expect(e.mean).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
        expect(lo).toBeLessThanOrEqual(e.mean + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(e.mean - 1e-12);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('should not depend on the order of the observations (beyond rounding)', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const a = estimate(xs);
        const b = estimate([...xs].reverse());
        expect(b.mean).toBeCloseTo(a.mean, 12);
        expect(b.ci95![0]).toBeCloseTo(a.ci95![0], 12);
        expect(b.ci95![1]).toBeCloseTo(a.ci95![1], 12);
      }),
    );
  });

  it('should give no interval for a single observation, whatever it is', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(estimate([x]).ci95).toBeNull();
      }),
    );
  });
});
