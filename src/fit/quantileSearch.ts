/** Quantiles of distribution functions that have no closed inverse (lognormal, gamma), by bisection on a logarithmic bracket. */

/**
 * The x > 0 with cdf(x) = q, for 0 < q < 1: the bracket [guess/2, guess·2] is widened until it
 * holds the answer, then halved (on the log scale, so relative precision is even) 200 times at
 * most, stopping at 1e-13 relative. q of 0 or 1 answers 0 or Infinity.
 */
export function quantileSearch(cdf: (x: number) => number, q: number, guess: number): number {
  if (q <= 0) return 0;
  if (q >= 1) return Infinity;
  let lo = guess / 2;
  let hi = guess * 2;
  for (let i = 0; i < 2000 && cdf(lo) > q; i++) lo /= 2;
  for (let i = 0; i < 2000 && cdf(hi) < q; i++) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = Math.sqrt(lo * hi);
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
