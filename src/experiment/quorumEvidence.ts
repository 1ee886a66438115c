/** A signal that needs the quorum is no surer than etcdQuorum about quorum losses: its interval and verdict say so. */
import { NEEDS_QUORUM } from '../scenario/signals.js';
import { withinCi } from './exactValues.js';
import type { SignalSummary } from './Summary.js';

/**
 * apiWrite and scheduling are down whenever the quorum is lost, and often for other, short,
 * reasons (elections). With many short outages their own interval is tight, yet it says nothing
 * about quorum losses, which are rare and long: seven members failing monthly lose quorum about
 * once in 600 years, each time for an hour or more, a third of apiWrite's downtime. So when
 * etcdQuorum rests on no or few outages, each such signal's lower bound moves down by etcdQuorum's
 * own lower half-width (what unseen quorum losses may add; the sum of the two half-widths, so
 * conservative), and its verdict becomes few-outages, counting the quorum losses it rests on
 * (a signal dominated by its own long outages keeps 'dominated', with both reasons).
 * Signals already flagged for their own lack of evidence are left as they are: their interval
 * already rests on their own few outages, quorum losses among them. The global signals that are
 * a cluster's apiWrite (management, configPush) take that cluster's etcdQuorum.
 */
export function withQuorumEvidence(
  signals: Readonly<Record<string, SignalSummary>>,
  quorum: SignalSummary | undefined = signals['etcdQuorum'],
  names: readonly string[] = NEEDS_QUORUM,
): Record<string, SignalSummary> {
  const out = { ...signals };
  const q = quorum;
  if (!q || !q.availability.ci95 || (q.trust.level !== 'no-outages' && q.trust.level !== 'few-outages')) return out;
  const extra = q.availability.mean - q.availability.ci95[0];
  const losses = q.trust.outages;
  for (const name of names) {
    const s = signals[name];
    if (!s || !s.availability.ci95 || (s.trust.level !== 'ok' && s.trust.level !== 'dominated')) continue;
    const ci95 = [Math.max(0, s.availability.ci95[0] - extra), s.availability.ci95[1]] as const;
    const seen = losses === 0 ? 'no quorum loss was observed' : `only ${losses} quorum loss${losses === 1 ? ' was' : 'es were'} observed`;
    const why = `${seen} (etcdQuorum): the interval includes what unseen ones may add`;
    out[name] = {
      ...s,
      availability: { mean: s.availability.mean, ci95 },
      // A signal dominated by its own long outages (a load balancer's) keeps that verdict, which says more.
      trust: s.trust.level === 'dominated' ? { ...s.trust, reason: `${s.trust.reason}; ${why}` } : { level: 'few-outages', outages: losses, reason: why, basis: 'etcdQuorum' },
      exact: s.exact ? { availability: s.exact.availability, withinCi: withinCi(s.exact.availability, ci95) } : null,
    };
  }
  return out;
}
