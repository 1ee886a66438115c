/** Seeds above 2^32 give their own streams; a Weibull or lognormal mean that overflows is Infinity, not 0 or NaN. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, gamma, logGamma, mean } from '../../src/kernel/index.js';

const draws = (seed: number, n = 4) => {
  const s = createStream(seed, 'etcd-1');
  return Array.from({ length: n }, () => s.next());
};

describe('seeds over the whole range 0..2^53-1', () => {
  it('should give different streams to seeds that agree in their low 32 bits', () => {
    expect(draws(2 ** 32 + 1)).not.toEqual(draws(1));
    expect(draws(Number.MAX_SAFE_INTEGER)).not.toEqual(draws(Number.MAX_SAFE_INTEGER - 1));
    expect(draws(2 ** 53 - 2 ** 32)).not.toEqual(draws(0));
  });

  it('should repeat exactly for the same seed, however large', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (seed) => {
        expect(draws(seed)).toEqual(draws(seed));
      }),
      { numRuns: 50 },
    );
  });
});

describe('the mean of a distribution with a tiny Weibull shape or a huge lognormal sigma', () => {
  it('should compute the Weibull mean through log-gamma where Γ overflows', () => {
    // k = 0.001: Γ(1001) = 1000! ~ 4.0e2567, far beyond a double: the mean is Infinity, not 0 or NaN.
    expect(mean({ kind: 'weibull', shape: 0.001, scale: 3600 })).toBe(Infinity);
    // k = 0.01: Γ(101) = 100! ~ 9.33e157, finite: scale · 100!.
    expect(mean({ kind: 'weibull', shape: 0.01, scale: 1 }) / 9.332621544394415e157).toBeCloseTo(1, 9);
    // Below the Stirling switch the mean is as before, bit for bit: scale · Γ(1 + 1/k).
    expect(mean({ kind: 'weibull', shape: 0.5, scale: 10 })).toBe(10 * gamma(3));
  });

  it('should agree between log-gamma and the Lanczos gamma where both are finite', () => {
    for (const a of [1.5, 10, 99, 120, 140]) expect(logGamma(a)).toBeCloseTo(Math.log(gamma(a)), 8);
  });

  it('should give a positive mean, never NaN, for every shape and scale', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 1e10, noNaN: true }), (shape, scale) => {
        expect(mean({ kind: 'weibull', shape, scale })).toBeGreaterThan(0);
      }),
    );
  });
});
