/** The lognormal family `{ median, sigma }`: closed-form fit without censoring, Nelder–Mead on (ln median, ln sigma) with it. */
import { normalTail, sample, type RandomStream } from '../../kernel/index.js';
import { minimize } from '../nelderMead.js';
import type { Observation } from '../Observation.js';
import { quantileSearch } from '../quantileSearch.js';
import type { Family, Params } from './Family.js';
import { logParams } from './logParams.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln(1 − Φ(z)), with the asymptotic series where the tail underflows (z beyond about 37). */
export function logNormalTail(z: number): number {
  if (z < 30) return Math.log(normalTail(z));
  const z2 = z * z;
  return -z2 / 2 - Math.log(z) - LOG_SQRT_2PI + Math.log1p(-1 / z2 + 3 / (z2 * z2));
}

export const lognormal: Family = {
  name: 'lognormal',
  ...logParams(['median', 'sigma']),
  logLikelihood(p, observations) {
    const mu = Math.log(p['median']!);
    const sigma = p['sigma']!;
    const logSigma = Math.log(sigma);
    let sum = 0;
    for (const o of observations) {
      const lx = Math.log(o.value);
      const z = (lx - mu) / sigma;
      sum += o.censored ? logNormalTail(z) : -lx - logSigma - LOG_SQRT_2PI - (z * z) / 2;
    }
    return sum;
  },
  cdf: (p, x) => (x <= 0 ? 0 : normalTail(-Math.log(x / p['median']!) / p['sigma']!)),
  quantile(p, q) {
    return quantileSearch((x) => lognormal.cdf(p, x), q, p['median']!);
  },
  mean: (p) => p['median']! * Math.exp((p['sigma']! * p['sigma']!) / 2),
  sample: (p: Params, rng: RandomStream) => sample({ kind: 'lognormal', median: p['median']!, sigma: p['sigma']! }, rng),
  fit(observations: readonly Observation[]): Params {
    const events = observations.filter((o) => !o.censored).map((o) => Math.log(o.value));
    const mu = events.reduce((s, l) => s + l, 0) / events.length;
    const variance = events.reduce((s, l) => s + (l - mu) * (l - mu), 0) / events.length;
    // A floor on sigma keeps the start finite when every event has the same length.
    const start = { median: Math.exp(mu), sigma: Math.max(Math.sqrt(variance), 1e-6) };
    if (events.length === observations.length) return start;
    const best = minimize((v) => -lognormal.logLikelihood(lognormal.fromVector(v), observations), lognormal.toVector(start));
    return lognormal.fromVector(best.x);
  },
};
