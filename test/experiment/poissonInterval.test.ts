import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaQuantile, poissonInterval95 } from '../../src/experiment/poissonInterval.js';
import { logGamma, lowerGammaP } from '../../src/kernel/index.js';

describe('poissonInterval95', () => {
  // Exact 95% limits on a Poisson mean (Garwood 1936), as tabulated in e.g. Ulm, "Simple method
  // to calculate the confidence interval of a standardized mortality ratio" (Am J Epidemiol 1990).
  const cases: [number, number, number][] = [
    // Nothing seen: the upper limit is −ln(0.025) = 3.689 (the two-sided cousin of the rule of three).
    [0, 0, 3.689],
    // One event: wide on both sides.
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [5, 1.6235, 11.668],
    // Ten events: about ±60%, the FEW_OUTAGES threshold.
    [10, 4.7954, 18.39],
    [100, 81.364, 121.627],
  ];
  it.each(cases)('should give the exact limits for %i events', (n, lo, hi) => {
    const [l, h] = poissonInterval95(n);
    expect(l).toBeCloseTo(lo, 3);
    expect(h).toBeCloseTo(hi, 2);
  });

  it('should hold the count, and widen relative to it as the count falls', () => {
    fc.assert(
      // Effective counts are at least 0.5 (availabilityInterval: n / 2 of n ≥ 1 outages, and sum² / sum of squares ≥ 1).
      fc.property(fc.double({ min: 0.5, max: 1e4, noNaN: true }), (n) => {
        const [lo, hi] = poissonInterval95(n);
        expect(lo).toBeLessThan(n);
        expect(hi).toBeGreaterThan(n);
        const [lo2, hi2] = poissonInterval95(2 * n);
        expect(hi2 / (2 * n)).toBeLessThan(hi / n);
        expect(lo2 / (2 * n)).toBeGreaterThan(lo / n);
      }),
    );
  });

  it('should have no interval for a negative or NaN count', () => {
    expect(poissonInterval95(-1)).toEqual([NaN, NaN]);
    expect(poissonInterval95(NaN)).toEqual([NaN, NaN]);
  });
});

describe('the gamma functions', () => {
  it('should give ln Γ at known points', () => {
    // Γ(1) = Γ(2) = 1, Γ(5) = 24, Γ(1/2) = √π.
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('should give P(1, x) = 1 − e^−x (the exponential distribution) and invert it', () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) expect(lowerGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
    // The 95% quantile of the unit exponential: −ln 0.05 = 2.9957 (the rule of three).
    expect(gammaQuantile(0.95, 1)).toBeCloseTo(-Math.log(0.05), 9);
  });
});
