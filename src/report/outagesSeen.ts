/** How many outages of its own a signal had over all replications: the "Outages seen" column of `run -o wide`. */
import type { SignalSummary, Summary } from '../experiment/Summary.js';
import { YEAR } from '../kernel/index.js';

/**
 * The signal's own outages over the whole simulated time. `trust.outages` is that count unless the
 * verdict rests on another signal (`trust.basis`: apiWrite and scheduling on etcdQuorum's quorum
 * losses), where it counts the other signal's outages; then the count is read back from the
 * signal's own rate, outagesPerYear × simulated years (the summary rounds the rate to 4 decimals,
 * so this is exact below 10,000 simulated years). For importance sampling it is the cycles that
 * reached an outage, as the verdict says.
 */
export function outagesSeen(s: SignalSummary, summary: Pick<Summary, 'replications' | 'horizonSeconds'>): number {
  if (s.trust.basis === undefined) return s.trust.outages;
  return Math.round((s.outagesPerYear * summary.replications * summary.horizonSeconds) / YEAR);
}
