/**
 * The Weibull family `{ shape, scale }`. Its maximum-likelihood fit solves the one-dimensional
 * profile equation in the shape by safeguarded Newton (the scale then has a closed form), the
 * classical route (Lawless 2003, §5.2) that needs no general optimiser.
 */
import { gamma, sample, type RandomStream } from '../../kernel/index.js';
import type { Observation } from '../Observation.js';
import type { Family, Params } from './Family.js';
import { logParams } from './logParams.js';

/** Shapes outside this range are not failure models (a shape of 1000 is a fixed duration); the solver stops at its ends. */
const SHAPE_MIN = 1e-3;
const SHAPE_MAX = 1e3;

export const weibull: Family = {
  name: 'weibull',
  ...logParams(['shape', 'scale']),
  logLikelihood(p, observations) {
    const k = p['shape']!;
    const lambda = p['scale']!;
    let sum = 0;
    for (const o of observations) {
      const z = o.value / lambda;
      const zk = Math.pow(z, k);
      sum += o.censored ? -zk : Math.log(k / lambda) + (k - 1) * Math.log(z) - zk;
    }
    return sum;
  },
  cdf: (p, x) => (x <= 0 ? 0 : -Math.expm1(-Math.pow(x / p['scale']!, p['shape']!))),
  quantile: (p, q) => p['scale']! * Math.pow(-Math.log1p(-q), 1 / p['shape']!),
  mean: (p) => p['scale']! * gamma(1 + 1 / p['shape']!),
  sample: (p: Params, rng: RandomStream) => sample({ kind: 'weibull', shape: p['shape']!, scale: p['scale']! }, rng),
  fit: fitWeibull,
};

/**
 * With d events, the scale given the shape k is (Σ xᵢᵏ / d)^(1/k), and the shape solves
 * g(k) = 1/k + mean of ln x over events − Σ xᵢᵏ ln xᵢ / Σ xᵢᵏ = 0. g falls strictly (its
 * derivative is −1/k² minus a weighted variance of ln x), so the root is unique: Newton steps
 * that leave the bracket kept so far are replaced by bisection. Values are divided by the
 * largest first, so xᵏ never overflows.
 */
function fitWeibull(observations: readonly Observation[]): Params {
  const top = observations.reduce((m, o) => Math.max(m, o.value), 0);
  const logs = observations.map((o) => Math.log(o.value / top));
  const events = observations.filter((o) => !o.censored).length;
  let eventLogMean = 0;
  observations.forEach((o, i) => {
    if (!o.censored) eventLogMean += logs[i]! / events;
  });
  const profile = (k: number) => {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (const l of logs) {
      const w = Math.exp(k * l);
      s0 += w;
      s1 += w * l;
      s2 += w * l * l;
    }
    const a = s1 / s0;
    return { g: 1 / k + eventLogMean - a, slope: -1 / (k * k) - (s2 / s0 - a * a), s0 };
  };
  let lo = SHAPE_MIN;
  let hi = SHAPE_MAX;
  let k = 1;
  for (let i = 0; i < 200; i++) {
    const { g, slope } = profile(k);
    if (g > 0) lo = k;
    else hi = k;
    let next = k - g / slope;
    if (!(next > lo && next < hi)) next = Math.sqrt(lo * hi);
    if (Math.abs(next - k) <= 1e-14 * k) {
      k = next;
      break;
    }
    k = next;
  }
  const { s0 } = profile(k);
  return { shape: k, scale: top * Math.pow(s0 / events, 1 / k) };
}
