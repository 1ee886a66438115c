/** The exact (Garwood) 95% interval on the mean of a Poisson count, from the quantiles of the gamma distribution. */
import { lowerGammaP } from '../kernel/index.js';

/** The central 95% interval on a Poisson mean after observing `count` events (any count ≥ 0; fractional counts interpolate). */
export function poissonInterval95(count: number): readonly [number, number] {
  if (!(count >= 0)) return [NaN, NaN];
  // Garwood (1936): P(N ≥ n | μ = lo) = 2.5% and P(N ≤ n | μ = hi) = 2.5%, which by the
  // Poisson-gamma duality are the 2.5% quantile of Gamma(n) and the 97.5% quantile of Gamma(n + 1).
  return [count === 0 ? 0 : gammaQuantile(0.025, count), gammaQuantile(0.975, count + 1)];
}

/** The p-quantile of the unit-scale gamma distribution with this shape, by bisection (60 halvings: well below rounding). */
export function gammaQuantile(p: number, shape: number): number {
  let lo = 0;
  let hi = shape + 20 * Math.sqrt(shape) + 20;
  while (lowerGammaP(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (lowerGammaP(shape, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
