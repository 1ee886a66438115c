/** The exponential family: constant hazard, `{ mean }`; its maximum-likelihood mean is total time over events, with or without censoring. */
import { sample, type RandomStream } from '../../kernel/index.js';
import type { Observation } from '../Observation.js';
import type { Family, Params } from './Family.js';
import { logParams } from './logParams.js';

export const exponential: Family = {
  name: 'exponential',
  ...logParams(['mean']),
  logLikelihood(p, observations) {
    const m = p['mean']!;
    let sum = 0;
    for (const o of observations) sum += (o.censored ? 0 : -Math.log(m)) - o.value / m;
    return sum;
  },
  cdf: (p, x) => (x <= 0 ? 0 : -Math.expm1(-x / p['mean']!)),
  quantile: (p, q) => -p['mean']! * Math.log1p(-q),
  mean: (p) => p['mean']!,
  sample: (p: Params, rng: RandomStream) => sample({ kind: 'exponential', mean: p['mean']! }, rng),
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
