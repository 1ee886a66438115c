/** Special functions: the regularised incomplete gamma (rare-event likelihood ratios, Poisson intervals), erfc and the normal tail. */
import { logGamma } from './Distribution.js';

/** Relative precision the series and the continued fraction stop at. */
const EPS = 1e-15;
/** More terms than any argument used here needs (a and x up to a few hundred converge in far fewer). */
const MAX_TERMS = 10_000;

/**
 * The regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and x >= 0.
 * Below x = a + 1 the power series of the lower function P converges fast (Q = 1 - P); above it
 * the Legendre continued fraction of Q does, evaluated by the modified Lentz method. The prefactor
 * x^a e^-x / Γ(a) is taken in logarithms so that large arguments do not overflow.
 */
export function upperGammaQ(a: number, x: number): number {
  return incompleteGamma(a, x).upper;
}

/** The regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a) = 1 - Q(a, x), each computed where it is accurate. */
export function lowerGammaP(a: number, x: number): number {
  return incompleteGamma(a, x).lower;
}

function incompleteGamma(a: number, x: number): { readonly lower: number; readonly upper: number } {
  if (!(a > 0) || !(x >= 0)) return { lower: NaN, upper: NaN };
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // P(a, x) = x^a e^-x / Γ(a + 1) · Σ_n x^n / ((a + 1)...(a + n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const lower = Math.min(1, sum * Math.exp(logPrefix));
    return { lower, upper: Math.max(0, 1 - lower) };
  }
  // Q(a, x) = x^a e^-x / Γ(a) · 1 / (x + 1 - a - 1·(1 - a) / (x + 3 - a - 2·(2 - a) / (x + 5 - a - ...))).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let f = d;
  for (let n = 1; n < MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const upper = Math.min(1, Math.exp(logPrefix) * f);
  return { lower: Math.max(0, 1 - upper), upper };
}

/** The complementary error function: erfc(x) = Q(1/2, x²) for x >= 0, and 2 - erfc(-x) below 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  return upperGammaQ(0.5, x * x);
}

/** The standard normal upper tail 1 - Φ(z), accurate in the far tail too (no 1 - Φ cancellation). */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
