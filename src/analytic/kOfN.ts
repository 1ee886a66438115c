/** P(at least k of n independent, identical members are up): the majority-quorum closed form. */

/** A probability split into its two complementary parts, each computed directly. */
export interface Split {
  readonly up: number;
  readonly down: number;
}

/**
 * P(at least k of n independent members up), each up with probability a:
 * sum over i = k..n of C(n,i) a^i (1-a)^(n-i) (docs/domain.md#k-of-n). For n = 3, k = 2: 3a^2 - 2a^3.
 */
export function kOfNAvailability(n: number, k: number, a: number): number {
  return kOfN(n, k, a).up;
}

/**
 * Both tails of the binomial: `up` = P(at least k of n up), `down` = P(fewer than k up). Each
 * tail is a sum of positive terms, smallest first, so neither is found by subtracting from 1
 * and the unavailability of a very available quorum keeps its digits. Pass `b` (the member's
 * unavailability, computed directly as MTTR / (MTTF + MTTR)) for the same reason.
 */
export function kOfN(n: number, k: number, a: number, b: number = 1 - a): Split {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k)) {
    throw new RangeError(`kOfN needs whole numbers n >= 0 and k, found n = ${n}, k = ${k}`);
  }
  if (!(a >= 0 && a <= 1 && b >= 0 && b <= 1)) {
    throw new RangeError(`kOfN needs probabilities a and 1 - a in [0, 1], found a = ${a}, 1 - a = ${b}`);
  }
  if (k <= 0) return { up: 1, down: 0 };
  if (k > n) return { up: 0, down: 1 };
  const terms = binomialTerms(n, a, b);
  // A tail near 1 can round a few ulps above it (a member down almost always: 1.0000000000000002),
  // and a probability above 1 makes log1p(-down) NaN downstream.
  return { up: Math.min(1, sumAscending(terms.slice(k))), down: Math.min(1, sumAscending(terms.slice(0, k))) };
}

/** C(n,i) a^i b^(n-i) for i = 0..n. */
function binomialTerms(n: number, a: number, b: number): number[] {
  const terms = new Array<number>(n + 1).fill(0);
  if (a === 0 || b === 0) {
    terms[a === 0 ? 0 : n] = 1;
    return terms;
  }
  if (n <= 50) {
    // Every C(n, i) with n <= 50 is below 2^53 (C(50, 25) ~ 1.3e14), so this product is exact.
    let c = 1;
    for (let i = 0; i <= n; i++) {
      terms[i] = c * Math.pow(a, i) * Math.pow(b, n - i);
      c = (c * (n - i)) / (i + 1);
    }
    return terms;
  }
  // Larger n: binomial coefficients overflow, so work with logarithms.
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial.push(logFactorial[i - 1]! + Math.log(i));
  const la = Math.log(a);
  const lb = Math.log(b);
  for (let i = 0; i <= n; i++) {
    terms[i] = Math.exp(logFactorial[n]! - logFactorial[i]! - logFactorial[n - i]! + i * la + (n - i) * lb);
  }
  return terms;
}

/** Sums positive numbers smallest first, which keeps the rounding error of the sum small. */
export function sumAscending(xs: readonly number[]): number {
  return [...xs].sort((x, y) => x - y).reduce((s, x) => s + x, 0);
}
