import { describe, expect, it } from 'vitest';
import { erfc, logGamma, lowerGammaP, normalTail, upperGammaQ } from '../../src/kernel/index.js';

describe('upperGammaQ', () => {
  // Closed forms for whole a: Q(1, x) = e^-x, Q(2, x) = (1 + x) e^-x, Q(3, x) = (1 + x + x²/2) e^-x.
  const closed: [string, number, number, number][] = [
    ['a = 1, small x (series branch)', 1, 0.3, Math.exp(-0.3)],
    ['a = 1, large x (continued fraction)', 1, 20, Math.exp(-20)],
    ['a = 2 at the branch point', 2, 3, 4 * Math.exp(-3)],
    ['a = 3, far tail', 3, 60, (1 + 60 + 1800) * Math.exp(-60)],
    ['a = 3 near 0', 3, 1e-3, (1 + 1e-3 + 5e-7) * Math.exp(-1e-3)],
  ];
  it.each(closed)('should match the closed form for %s', (_why, a, x, expected) => {
    expect(upperGammaQ(a, x) / expected).toBeCloseTo(1, 11);
  });

  it('should give 1 at 0, 0 at infinity and NaN outside its domain', () => {
    expect(upperGammaQ(0.7, 0)).toBe(1);
    expect(upperGammaQ(0.7, Infinity)).toBe(0);
    expect(upperGammaQ(0, 1)).toBeNaN();
    expect(upperGammaQ(1, -1)).toBeNaN();
  });

  // Reference values from SciPy 1.x, scipy.special.gammaincc (Cephes), for shapes the Weibull uses (a = 1/k).
  const reference: [string, number, number, number][] = [
    ['a = 1/3 (Weibull shape 3), series branch', 1 / 3, 1, 0.0957114114291186],
    ['a = 0.7, continued fraction', 0.7, 2.5, 0.04397310853911497],
    ['a = 1/0.7 (Weibull shape 0.7) near 0', 1 / 0.7, 0.01, 0.9989087334386463],
  ];
  it.each(reference)('should match SciPy for %s', (_why, a, x, expected) => {
    expect(upperGammaQ(a, x) / expected).toBeCloseTo(1, 10);
  });
});

describe('erfc and normalTail', () => {
  // Standard tables (Abramowitz-Stegun 7.1) to 15 digits.
  const table: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.1572992070502851],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [-1, 1.842700792949715],
  ];
  it.each(table)('should give erfc(%d) as tabulated', (x, expected) => {
    expect(erfc(x) / expected).toBeCloseTo(1, 10);
  });

  it('should give the normal quantiles: 1 - Φ(1.96) = 0.025, 1 - Φ(3) = 0.00134990, 1 - Φ(-1) = 0.841345', () => {
    expect(normalTail(1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(normalTail(3)).toBeCloseTo(0.0013498980316301, 12);
    expect(normalTail(-1)).toBeCloseTo(0.8413447460685429, 12);
  });
});

describe('logGamma', () => {
  it('should agree with ln of factorials on both sides of the Stirling switch', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    // ln 150! - ln 149! = ln 150: the Stirling branch, consistent with itself.
    expect(logGamma(151) - logGamma(150)).toBeCloseTo(Math.log(150), 10);
    // Γ(100) = 99!: ln 99! = 359.1342053695754.
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
  });
});

describe('lowerGammaP', () => {
  it('should be 1 - Q, each side computed where it is accurate', () => {
    // P(1, x) = 1 - e^-x: the exponential distribution function.
    for (const x of [1e-6, 0.01, 0.5, 1, 3, 20]) expect(lowerGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
    // A tiny P keeps its digits (1 - Q would round it to 0): P(1, 1e-20) = 1e-20.
    expect(lowerGammaP(1, 1e-20) / 1e-20).toBeCloseTo(1, 12);
    for (const [a, x] of [[0.5, 0.3], [2, 5], [30, 25], [30, 40]] as const) expect(lowerGammaP(a, x) + upperGammaQ(a, x)).toBeCloseTo(1, 14);
  });
});
