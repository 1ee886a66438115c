import { describe, expect, it } from 'vitest';
import {
  HOUR,
  createStream,
  density,
  equilibriumDensity,
  equilibriumSurvival,
  hasDensity,
  mean,
  sampleEquilibrium,
  survival,
  type Distribution,
} from '../../src/kernel/index.js';
import { integrateLog } from '../integrateLog.js';

const kinds: [string, Distribution][] = [
  // Each kind the scenario format offers, at the scales failures and repairs use.
  ['exponential, mean 30 d', { kind: 'exponential', mean: 720 * HOUR }],
  ['weibull shape 0.7 (infant mortality, density infinite at 0)', { kind: 'weibull', shape: 0.7, scale: 500 * HOUR }],
  ['weibull shape 1.5 (wear-out)', { kind: 'weibull', shape: 1.5, scale: 500 * HOUR }],
  ['lognormal median 1 h, sigma 1', { kind: 'lognormal', median: HOUR, sigma: 1 }],
  ['uniform 1-5 h', { kind: 'uniform', min: HOUR, max: 5 * HOUR }],
];

describe('density and survival', () => {
  it.each(kinds)('should integrate the density of %s to 1 and match the survival', (_why, d) => {
    const m = mean(d);
    const lo = d.kind === 'uniform' ? d.min : m * 1e-9;
    const hi = d.kind === 'uniform' ? d.max : m * 200;
    expect(integrateLog((x) => density(d, x), lo, hi)).toBeCloseTo(survival(d, lo) - survival(d, hi), 4);
    expect(survival(d, lo) - survival(d, hi)).toBeCloseTo(1, 5);
  });

  it('should say which kinds have no density, and refuse to give one', () => {
    expect(hasDensity({ kind: 'fixed', value: 5 })).toBe(false);
    expect(hasDensity({ kind: 'lognormal', median: 5, sigma: 0 })).toBe(false);
    expect(hasDensity({ kind: 'uniform', min: 5, max: 5 })).toBe(false);
    expect(() => density({ kind: 'fixed', value: 5 }, 1)).toThrow(/no density/);
  });
});

describe('equilibriumSurvival', () => {
  it.each(kinds)('should be 1 at 0 and match ∫_c^∞ F̄ / E[X] numerically for %s', (_why, d) => {
    const m = mean(d);
    expect(equilibriumSurvival(d, 0)).toBe(1);
    for (const c of [0.01 * m, 0.3 * m, m, 2.5 * m]) {
      const numeric = integrateLog((u) => survival(d, u), c, 300 * m) / m;
      expect(equilibriumSurvival(d, c)).toBeCloseTo(numeric, 5);
    }
  });

  it.each(kinds)('should have a density F̄/E[X] that integrates to 1 for %s', (_why, d) => {
    const m = mean(d);
    expect(integrateLog((x) => equilibriumDensity(d, x), m * 1e-9, 300 * m)).toBeCloseTo(1, 5);
  });

  it('should equal the survival itself for the exponential (no memory)', () => {
    const d: Distribution = { kind: 'exponential', mean: 100 };
    for (const c of [1, 50, 400]) expect(equilibriumSurvival(d, c)).toBeCloseTo(survival(d, c), 14);
  });

  it('should be uniform on [0, v] for a fixed v', () => {
    const d: Distribution = { kind: 'fixed', value: 100 };
    expect(equilibriumSurvival(d, 25)).toBeCloseTo(0.75, 14);
    expect(equilibriumSurvival(d, 150)).toBe(0);
    expect(equilibriumDensity(d, 25)).toBeCloseTo(0.01, 14);
  });
});

describe('sampleEquilibrium', () => {
  it.each([...kinds, ['fixed 10 h', { kind: 'fixed', value: 10 * HOUR }] as [string, Distribution]])(
    'should draw residual lives whose empirical survival matches F̄_eq for %s',
    (_why, d) => {
      const rng = createStream('equilibrium-test', d.kind);
      const n = 20_000;
      const xs = Array.from({ length: n }, () => sampleEquilibrium(d, rng));
      const m = mean(d);
      for (const c of [0.1 * m, 0.5 * m, m, 2 * m]) {
        const empirical = xs.filter((x) => x > c).length / n;
        // A proportion from 20,000 draws: standard error at most 0.0035; 0.015 is over 4 of them.
        expect(Math.abs(empirical - equilibriumSurvival(d, c))).toBeLessThan(0.015);
      }
    },
  );
});
