/** Means and 95% confidence intervals across replications (Student t). */
import type { Estimate } from './Summary.js';

// Two-sided 95% quantiles t(0.975, df) for df = 1..30 (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then the Cornish-Fisher expansion (error < 1e-4 there). */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Mean and 95% confidence interval of independent observations. With one observation there is
 * no interval (null: no spread to estimate one from); when all are equal it collapses onto the mean.
 * The interval is clamped to [lo, hi] (availability cannot leave [0, 1]).
 */
export function estimate(values: readonly number[], lo = -Infinity, hi = Infinity): Estimate {
  const { mean, halfWidth } = meanAndHalfWidth(values);
  if (values.length === 0) return { mean, ci95: [NaN, NaN] };
  if (values.length === 1) return { mean, ci95: null };
  return { mean, ci95: [Math.max(lo, mean - halfWidth), Math.min(hi, mean + halfWidth)] };
}

/** The mean and the Student t 95% half-width of independent observations: NaN for both with none, NaN half-width with one. */
export function meanAndHalfWidth(values: readonly number[]): { readonly mean: number; readonly halfWidth: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, halfWidth: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, halfWidth: NaN };
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, halfWidth: tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n) };
}
