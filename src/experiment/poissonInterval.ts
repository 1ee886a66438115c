/** The exact (Garwood) 95% interval on the mean of a Poisson count, from the quantiles of the gamma distribution. */

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
  while (regularizedGammaP(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedGammaP(shape, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(a, x) = γ(a, x) / Γ(a): a series below a + 1, a continued fraction above (Numerical Recipes, §6.2). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, sum * front);
  }
  // Lentz's method on the continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - front * h);
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7, 9 terms: ~15 digits). */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const x = z - 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
