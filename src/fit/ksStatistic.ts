/** The Kolmogorov–Smirnov distance between the Kaplan–Meier estimate and a fitted distribution function. */
import type { KmStep } from './kaplanMeier.js';

/**
 * sup |F̂(t) − F(t)| over t up to the last event (beyond it F̂ is not estimated when the largest
 * observations are censored). F is continuous and F̂ a step function, so the supremum is at a
 * step, on one side of it or the other.
 */
export function ksStatistic(steps: readonly KmStep[], cdf: (x: number) => number): number {
  let d = 0;
  for (const s of steps) {
    const f = cdf(s.time);
    d = Math.max(d, Math.abs(f - s.before), Math.abs(f - s.after));
  }
  return d;
}
