/** Whether two configurations' availabilities differ at the precision they were estimated to: the test behind "indistinguishable; choose on cost". */
import type { SignalSummary } from '../Summary.js';

/**
 * How the two were compared: `exact` (both have the exact steady-state value), `intervals` (two
 * simulated 95% CIs), `bounds` (one or both never went down: only a bound is known).
 */
export type ComparisonBasis = 'exact' | 'intervals' | 'bounds';

export interface AvailabilityComparison {
  readonly significant: boolean;
  readonly basis: ComparisonBasis;
}

/** z for a two-sided 95% test. */
const Z95 = 1.959963984540054;

/**
 * Exact values, when both have one, differ or not. Two estimates differ when the difference of
 * their means is over 1.96 standard errors of the difference, each standard error read off its
 * 95% CI (half-width / 1.96) and the two taken as independent. Sweep points share their random
 * numbers (the same seed), which correlates them positively: the true standard error of the
 * difference is smaller, so this test is conservative: it may call two points indistinguishable
 * that a paired test would tell apart, never the reverse. A bound (no outage seen) against an
 * estimate differs only when the estimate's whole CI lies below the bound; two bounds, or a
 * figure without a CI (one replication), never differ.
 */
export function compareAvailability(a: SignalSummary, b: SignalSummary): AvailabilityComparison {
  if (a.exact !== null && b.exact !== null) return { significant: Math.abs(a.exact.availability - b.exact.availability) > 1e-12, basis: 'exact' };
  if (a.bound === null && b.bound === null) {
    const half = differenceHalfWidth(a, b);
    if (half === null) return { significant: false, basis: 'intervals' };
    const diff = Math.abs(a.availability.mean - b.availability.mean);
    return { significant: half === 0 ? diff > 0 : diff > half, basis: 'intervals' };
  }
  if (a.bound !== null && b.bound !== null) return { significant: false, basis: 'bounds' };
  const [bounded, estimate] = a.bound !== null ? [a, b] : [b, a];
  const upper = estimate.availability.ci95?.[1];
  return { significant: upper !== undefined && upper < bounded.bound!.availability, basis: 'bounds' };
}

/**
 * The 95% half-width of the difference of two availabilities, from their CIs: 1.96 standard
 * errors of the difference, each standard error read off its CI (half-width / 1.96), the two taken
 * as independent (conservative for sweep points, which share their random numbers). A bound's CI
 * runs from the bound to 1. Null without a CI. What compareAvailability tests a difference against,
 * and what the decision table rounds differences to.
 */
export function differenceHalfWidth(a: SignalSummary, b: SignalSummary): number | null {
  const [ca, cb] = [a.availability.ci95, b.availability.ci95];
  if (ca === null || cb === null) return null;
  return Z95 * Math.hypot((ca[1] - ca[0]) / (2 * Z95), (cb[1] - cb[0]) / (2 * Z95));
}
