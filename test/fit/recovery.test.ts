/**
 * Maximum likelihood recovers known parameters: samples of 2,000 drawn from each family, whole or
 * with a quarter of them right-censored, fit back to within 25% and inside the fit’s own interval
 * widened to z = 4.5 (from its 95% Wald interval), so that both the estimate and its
 * interval are checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES, FAMILY_NAMES, type FamilyName, type Params } from '../../src/fit/families/index.js';
import { fitDurations } from '../../src/fit/fitDurations.js';
import type { Observation } from '../../src/fit/Observation.js';
import { createStream } from '../../src/kernel/index.js';
import { runs } from '../runs.js';

const N = 2000;
const Z95 = 1.96;
// Wide enough that 48 checks per run fail by chance about once in 10,000 runs (two-sided 7e-6 each).
const ZWIDE = 4.5;

/** Parameters people meet: shapes from decreasing to sharply increasing hazard, times from a minute to months. */
const PARAMS: Readonly<Record<FamilyName, fc.Arbitrary<Params>>> = {
  exponential: fc.record({ mean: fc.double({ min: 60, max: 1e7, noNaN: true }) }),
  weibull: fc.record({ shape: fc.double({ min: 0.7, max: 4, noNaN: true }), scale: fc.double({ min: 60, max: 1e7, noNaN: true }) }),
  lognormal: fc.record({ median: fc.double({ min: 60, max: 1e7, noNaN: true }), sigma: fc.double({ min: 0.2, max: 2, noNaN: true }) }),
  gamma: fc.record({ shape: fc.double({ min: 0.6, max: 6, noNaN: true }), scale: fc.double({ min: 60, max: 1e6, noNaN: true }) }),
};

/**
 * n draws; with censoring, each draw gets a censoring time at a uniform quantile between the
 * median and the top of the true distribution, so about a quarter are censored whatever the family.
 */
function draw(name: FamilyName, p: Params, seed: number, censor: boolean): Observation[] {
  const family = FAMILIES[name];
  const rng = createStream(seed, `test/recovery/${name}`);
  return Array.from({ length: N }, () => {
    const x = family.sample(p, rng);
    const c = censor ? family.quantile(p, 0.5 + 0.5 * rng.next()) : Infinity;
    return x > c ? { value: c, censored: true } : { value: x, censored: false };
  });
}

describe('maximum-likelihood recovery at n = 2,000', () => {
  for (const name of FAMILY_NAMES) {
    for (const censor of [false, true]) {
      it(`should recover ${name} parameters ${censor ? 'with a quarter censored' : 'from complete data'}`, () => {
        fc.assert(
          fc.property(PARAMS[name], fc.integer({ min: 0, max: 2 ** 31 - 1 }), (truth, seed) => {
            const observations = draw(name, truth, seed, censor);
            const result = fitDurations(observations, { bootstrap: 0, seed: 1, stream: 'test' });
            if (result.status !== 'fitted') throw new Error('expected a fit');
            const fit = result.fits.find((f) => f.family === name)!;
            for (const [param, value] of Object.entries(truth)) {
              const got = fit.params[param]!;
              expect(Math.abs(got / value - 1), `${param}: fitted ${got}, true ${value}`).toBeLessThan(0.25);
              const [lo, hi] = fit.intervals!.params[param]!;
              const halfLog = (Math.log(hi / lo) / 2) * (ZWIDE / Z95);
              expect(Math.abs(Math.log(got / value)), `${param}: ${value} outside the widened interval around ${got}`).toBeLessThan(halfLog);
            }
          }),
          { numRuns: runs(3) },
        );
      });
    }
  }

  it('should rank the true family first by AIC when the families differ clearly', () => {
    // A Weibull of shape 3 is far from an exponential, a lognormal or (less so) a gamma.
    const observations = draw('weibull', { shape: 3, scale: 86400 }, 11, true);
    const result = fitDurations(observations, { bootstrap: 0, seed: 1, stream: 'test' });
    expect(result.status === 'fitted' && result.best).toBe('weibull');
  });
});
