/** How precise a signal's unavailability is: the 95% half-width over the unavailability itself. */
import type { SignalSummary } from '../Summary.js';

/**
 * (hi - lo) / 2 of the availability's 95% CI, over 1 - mean. Infinity when there is nothing to
 * measure it against: no CI (one replication) or no downtime observed, where any relative
 * precision would be a pretence.
 */
export function relativeHalfWidth(s: SignalSummary): number {
  const ci = s.availability.ci95;
  const unavailability = 1 - s.availability.mean;
  if (ci === null || !(unavailability > 0)) return Infinity;
  return (ci[1] - ci[0]) / 2 / unavailability;
}
