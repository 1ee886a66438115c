import { describe, expect, it } from 'vitest';
import { HOUR, density, equilibriumDensity, equilibriumSurvival, survival, type Distribution } from '../../../src/kernel/index.js';
import { logRatioCensored, logRatioFired, logRatioRepair } from '../../../src/model/rare/biasedDraw.js';
import { integrateLog } from '../../integrateLog.js';

const P = 0.5;
/** A constant accelerated rate: Γ(x) = γ x. */
const GAMMA = 1 / (3 * HOUR);

/** g(x) recovered from the ratio h / g; where h is 0 (beyond a uniform's max, or underflow) g is the clock's part alone. */
function biasedDensity(d: Distribution, residual: boolean, x: number): number {
  const h = residual ? equilibriumDensity(d, x) : density(d, x);
  return h > 0 ? h / Math.exp(logRatioFired(d, residual, P, GAMMA, GAMMA * x, x)) : P * GAMMA * Math.exp(-GAMMA * x);
}

const kinds: [string, Distribution][] = [
  ['exponential 30 d', { kind: 'exponential', mean: 720 * HOUR }],
  ['weibull shape 0.7', { kind: 'weibull', shape: 0.7, scale: 500 * HOUR }],
  ['weibull shape 1.5', { kind: 'weibull', shape: 1.5, scale: 500 * HOUR }],
  ['lognormal median 20 d', { kind: 'lognormal', median: 480 * HOUR, sigma: 1.2 }],
  ['uniform 10-40 d', { kind: 'uniform', min: 240 * HOUR, max: 960 * HOUR }],
];

describe('the likelihood ratios of a biased draw', () => {
  for (const residual of [true, false]) {
    it.each(kinds)(`should give a biased density g = h / ratio that integrates to 1 (${residual ? 'residual' : 'fresh'} draw of %s)`, (_why, d) => {
      const g = (x: number) => biasedDensity(d, residual, x);
      // g = (1 - p) h + p γ e^{-γx}: both halves integrate to 1 (3 digits: Simpson across the uniform's jumps).
      expect(integrateLog(g, 1e-3, 1e4 * 720 * HOUR)).toBeCloseTo(1, 3);
    });

    it.each(kinds)(`should give Ḡ(c) = H̄ / ratio equal to ∫_c^∞ g (${residual ? 'residual' : 'fresh'} draw of %s)`, (_why, d) => {
      const hBar = (c: number) => (residual ? equilibriumSurvival(d, c) : survival(d, c));
      for (const c of [HOUR, 6 * HOUR, 48 * HOUR]) {
        const gBar = hBar(c) / Math.exp(logRatioCensored(d, residual, P, GAMMA * c, c));
        const g = (x: number) => biasedDensity(d, residual, x);
        expect(gBar).toBeCloseTo(integrateLog(g, c, 1e4 * 720 * HOUR), 3);
      }
    });
  }

  it.each(kinds)('should keep every ratio below 1 / (1 - p), however late the draw (%s)', (_why, d) => {
    for (const x of [1, HOUR, 100 * HOUR, 1e5 * HOUR]) {
      expect(logRatioFired(d, false, P, GAMMA, GAMMA * x, x)).toBeLessThanOrEqual(Math.log(1 / (1 - P)) + 1e-12);
      expect(logRatioCensored(d, true, P, GAMMA * x, x)).toBeLessThanOrEqual(Math.log(1 / (1 - P)) + 1e-12);
    }
  });

  it('should leave a fresh fixed draw unbiased (ratio 1) but bias a fixed residual (uniform on [0, v])', () => {
    const d: Distribution = { kind: 'fixed', value: 100 * HOUR };
    expect(logRatioFired(d, false, P, GAMMA, 1, 50 * HOUR)).toBe(0);
    expect(logRatioCensored(d, false, P, 1, 50 * HOUR)).toBe(0);
    expect(logRatioFired(d, true, P, GAMMA, 1, 50 * HOUR)).not.toBe(0);
  });

  it.each([
    ['exponential 6 h', { kind: 'exponential', mean: 6 * HOUR }],
    ['lognormal median 1 h, sigma 1', { kind: 'lognormal', median: HOUR, sigma: 1 }],
    ['weibull 1.5 scale 4 h', { kind: 'weibull', shape: 1.5, scale: 4 * HOUR }],
  ] as [string, Distribution][])('should give a stretched repair density that integrates to 1 (%s)', (_why, d) => {
    // Where r underflows to 0, g is the stretched half alone.
    const g = (y: number) => (density(d, y) > 0 ? density(d, y) / Math.exp(logRatioRepair(d, P, 2, y)) : (P * density(d, y / 2)) / 2);
    expect(integrateLog(g, 1e-4, 1e4 * HOUR)).toBeCloseTo(1, 4);
    expect(logRatioRepair(d, P, 1, HOUR)).toBe(0);
  });
});
