/**
 * Published maximum-likelihood Weibull fits reproduced to the digits printed:
 *
 * - Complete data: the 23 ball-bearing endurance times (millions of revolutions) of Lieblein and
 *   Zelen (1956), as analysed in Lawless, J. F., Statistical Models and Methods for Lifetime Data
 *   (Wiley, 2nd ed. 2003, ch. 5): α̂ = 81.88, β̂ = 2.102 (û = ln α̂ = 4.405, b̂ = 1/β̂ = 0.476).
 * - Censored data: the bearing-cage field data of Abernethy et al. (1983), 1,703 engines with 6
 *   failures and 1,697 running (right-censored), as analysed in Meeker, W. Q. and Escobar, L. A.,
 *   Statistical Methods for Reliability Data (Wiley, 1998, ch. 8): η̂ = 11,792 hours, β̂ = 2.035.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/fit/families/index.js';
import type { Observation } from '../../src/fit/Observation.js';

const BALL_BEARINGS = [
  17.88, 28.92, 33.0, 41.52, 42.12, 45.6, 48.48, 51.84, 51.96, 54.12, 55.56, 67.8, 68.64, 68.64, 68.88, 84.12, 93.12, 98.64, 105.12, 105.84, 127.92, 128.04,
  173.4,
];

/** [hours, failed?, how many]: the grouped bearing-cage data. */
const BEARING_CAGE: readonly [number, boolean, number][] = [
  [50, false, 288], [150, false, 148], [230, true, 1], [250, false, 124], [334, true, 1], [350, false, 111], [423, true, 1], [450, false, 106],
  [550, false, 99], [650, false, 110], [750, false, 114], [850, false, 119], [950, false, 127], [990, true, 1], [1009, true, 1], [1050, false, 123],
  [1150, false, 93], [1250, false, 47], [1350, false, 41], [1450, false, 27], [1510, true, 1], [1550, false, 11], [1650, false, 6], [1850, false, 1],
  [2050, false, 2],
];

const round = (x: number, digits: number) => Number(x.toFixed(digits));

describe('published Weibull maximum-likelihood fits', () => {
  it('should reproduce Lawless’s fit of the ball-bearing data (complete): α = 81.88, β = 2.102', () => {
    const observations: Observation[] = BALL_BEARINGS.map((value) => ({ value, censored: false }));
    const fit = FAMILIES.weibull.fit(observations);
    expect(round(fit['scale']!, 2)).toBe(81.88);
    expect(round(fit['shape']!, 3)).toBe(2.102);
    expect(round(Math.log(fit['scale']!), 3)).toBe(4.405);
    expect(round(1 / fit['shape']!, 3)).toBe(0.476);
  });

  it('should reproduce Meeker and Escobar’s fit of the bearing-cage data (6 failures, 1,697 censored): η = 11,792 h, β = 2.035', () => {
    const observations: Observation[] = BEARING_CAGE.flatMap(([value, failed, count]) => Array.from({ length: count }, () => ({ value, censored: !failed })));
    expect(observations).toHaveLength(1703);
    const fit = FAMILIES.weibull.fit(observations);
    expect(Math.round(fit['scale']!)).toBe(11792);
    expect(round(fit['shape']!, 3)).toBe(2.035);
  });

  it('should agree with the closed-form lognormal fit of the ball bearings (mean and n-divisor deviation of ln x)', () => {
    const logs = BALL_BEARINGS.map(Math.log);
    const mu = logs.reduce((s, l) => s + l, 0) / logs.length;
    const sigma = Math.sqrt(logs.reduce((s, l) => s + (l - mu) ** 2, 0) / logs.length);
    const fit = FAMILIES.lognormal.fit(BALL_BEARINGS.map((value) => ({ value, censored: false })));
    expect(Math.log(fit['median']!)).toBeCloseTo(mu, 12);
    expect(fit['sigma']).toBeCloseTo(sigma, 12);
  });

  it('should put the Weibull profile fit at a stationary point of the full likelihood (censored data too)', () => {
    const observations: Observation[] = BEARING_CAGE.flatMap(([value, failed, count]) => Array.from({ length: count }, () => ({ value, censored: !failed })));
    const fit = FAMILIES.weibull.fit(observations);
    const at = FAMILIES.weibull.toVector(fit);
    const logL = (v: number[]) => FAMILIES.weibull.logLikelihood(FAMILIES.weibull.fromVector(v), observations);
    const h = 1e-5;
    for (let i = 0; i < 2; i++) {
      const up = [...at];
      const down = [...at];
      up[i]! += h;
      down[i]! -= h;
      expect(Math.abs((logL(up) - logL(down)) / (2 * h))).toBeLessThan(1e-4);
    }
  });
});
