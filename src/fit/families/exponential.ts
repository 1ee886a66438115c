/** The exponential family: constant hazard, `{ mean }`; its maximum-likelihood mean is total time over events, with or without censoring. */
import type { RandomStream } from '../../kernel/index.js';
import type { Observation } from '../Observation.js';
import type { Family, Params } from './Family.js';

export const exponential: Family = {
  name: 'exponential',
  paramNames: ['mean'],
  toVector: (p) => [Math.log(p['mean']!)],
  fromVector: (v) => ({ mean: Math.exp(v[0]!) }),
  logLikelihood(p, observations) {
    const m = p['mean']!;
    let sum = 0;
    for (const o of observations) sum += (o.censored ? 0 : -Math.log(m)) - o.value / m;
    return sum;
  },
  cdf: (p, x) => (x <= 0 ? 0 : -Math.expm1(-x / p['mean']!)),
  quantile: (p, q) => -p['mean']! * Math.log1p(-q),
  mean: (p) => p['mean']!,
  sample: (p: Params, rng: RandomStream) => -p['mean']! * Math.log(1 - rng.next()),
  fit(observations: readonly Observation[]): Params {
    let total = 0;
    let events = 0;
    for (const o of observations) {
      total += o.value;
      if (!o.censored) events++;
    }
    return { mean: total / events };
  },
};
