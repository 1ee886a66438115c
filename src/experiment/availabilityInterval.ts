/** The 95% confidence interval on a signal's availability: Student t over replications, widened by an exact Poisson interval on the downtime (docs/statistics.md). */
import { LogHistogram } from '../kernel/index.js';
import { poissonInterval95 } from './poissonInterval.js';
import { estimate } from './statistics.js';
import { FEW_OUTAGES } from './trust.js';
import type { Estimate } from './Summary.js';

export interface AvailabilityEvidence {
  /** Each replication's availability, in replication order. */
  readonly values: readonly number[];
  /** Outages over all replications, and their total length. */
  readonly outages: number;
  readonly downSeconds: number;
  /** Simulated time over all replications. */
  readonly totalSeconds: number;
  /** Outage lengths of all replications, as LogHistogram counts (sparse [bucket, count] pairs, per replication). */
  readonly histograms: readonly (readonly (readonly [number, number])[])[];
}

/**
 * The mean availability over replications, and the union of two 95% intervals:
 * - Student t over the replications' availabilities, which sees how much replications differ
 *   but is far too narrow when most of them saw no outage (the issue's 87% coverage);
 * - the exact Poisson (Garwood) interval on the downtime seen as a scaled Poisson count: with
 *   outage lengths L, total downtime / φ with φ = E[L²] / E[L] has the mean and variance of a
 *   Poisson count of N·E[L]² / E[L²] "effective outages" (N / 2 for exponential lengths), so the
 *   interval widens both for a small count and for unequal lengths; below FEW_OUTAGES outages
 *   the lengths are assumed at least as unequal as exponential ones (at most N / 2).
 * With one replication there is no interval (no spread, and no independent evidence); with no
 * outage both collapse on 1, and aggregate puts the zero-outage bound in its place.
 */
export function availabilityInterval(e: AvailabilityEvidence): Estimate {
  const t = estimate(e.values, 0, 1);
  if (t.ci95 === null || e.outages === 0) return t;
  const effective = effectiveOutages(e);
  if (!(effective > 0)) return t;
  const unavailability = e.downSeconds / e.totalSeconds;
  const [lo, hi] = poissonInterval95(effective);
  const poisson: [number, number] = [Math.max(0, 1 - (unavailability * hi) / effective), Math.min(1, 1 - (unavailability * lo) / effective)];
  return { mean: t.mean, ci95: [Math.min(t.ci95[0], poisson[0]), Math.max(t.ci95[1], poisson[1])] };
}

/** N·E[L]² / E[L²] from the outage-length histograms (each length read at its bucket's middle, exact to ~3%). */
export function effectiveOutages(e: AvailabilityEvidence): number {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const h of e.histograms) {
    for (const [bucket, count] of h) {
      const length = LogHistogram.middle(bucket);
      n += count;
      sum += count * length;
      sumSquares += count * length * length;
    }
  }
  if (!(n > 0 && sumSquares > 0)) return 0;
  const effective = (sum * sum) / sumSquares;
  // A handful of outages cannot show how unequal their lengths are (one outage looks perfectly
  // regular), so below FEW_OUTAGES the spread assumed is at least that of exponential repairs:
  // E[L²] ≥ 2·E[L]². With more, their own spread is the better guess.
  return n < FEW_OUTAGES ? Math.min(effective, n / 2) : effective;
}
