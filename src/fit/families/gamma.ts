/** The gamma family `{ shape, scale }` (mean = shape · scale): Nelder–Mead on (ln shape, ln scale) from the moments of the events. */
import { logGamma, lowerGammaP, upperGammaQ, type RandomStream } from '../../kernel/index.js';
import { minimize } from '../nelderMead.js';
import type { Observation } from '../Observation.js';
import { quantileSearch } from '../quantileSearch.js';
import type { Family, Params } from './Family.js';
import { standardNormal } from './lognormal.js';

export const gammaFamily: Family = {
  name: 'gamma',
  paramNames: ['shape', 'scale'],
  toVector: (p) => [Math.log(p['shape']!), Math.log(p['scale']!)],
  fromVector: (v) => ({ shape: Math.exp(v[0]!), scale: Math.exp(v[1]!) }),
  logLikelihood(p, observations) {
    const a = p['shape']!;
    const theta = p['scale']!;
    const norm = logGamma(a) + a * Math.log(theta);
    let sum = 0;
    for (const o of observations) {
      const x = o.value / theta;
      sum += o.censored ? Math.log(upperGammaQ(a, x)) : (a - 1) * Math.log(o.value) - x - norm;
    }
    return sum;
  },
  cdf: (p, x) => (x <= 0 ? 0 : lowerGammaP(p['shape']!, x / p['scale']!)),
  quantile(p, q) {
    return quantileSearch((x) => gammaFamily.cdf(p, x), q, p['shape']! * p['scale']!);
  },
  mean: (p) => p['shape']! * p['scale']!,
  sample: (p: Params, rng: RandomStream) => p['scale']! * standardGamma(p['shape']!, rng),
  fit(observations: readonly Observation[]): Params {
    const events = observations.filter((o) => !o.censored).map((o) => o.value);
    const m = events.reduce((s, x) => s + x, 0) / events.length;
    const v = events.reduce((s, x) => s + (x - m) * (x - m), 0) / events.length;
    const shape = v > 0 ? Math.min(Math.max((m * m) / v, 1e-3), 1e3) : 1;
    const start = { shape, scale: m / shape };
    const best = minimize((x) => -gammaFamily.logLikelihood(gammaFamily.fromVector(x), observations), gammaFamily.toVector(start));
    return gammaFamily.fromVector(best.x);
  },
};

/**
 * A gamma(a, 1) draw by Marsaglia and Tsang's method (2000): a normal and a uniform per try,
 * accepted more than 95% of the time; below a = 1, a draw for a + 1 times u^(1/a).
 */
function standardGamma(a: number, rng: RandomStream): number {
  if (a < 1) return standardGamma(a + 1, rng) * Math.pow(1 - rng.next(), 1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
