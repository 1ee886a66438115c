/** How far a signal's number can be trusted: the verdict shown next to every availability (docs/statistics.md, docs/reports.md#how-sure-is-this-number). */
import { formatDuration } from '../kernel/index.js';
import type { Trust } from './Summary.js';

/** Fewer outages than this and the estimate is not stable: a Poisson count of 10 is known to about ±60% at 95%. */
export const FEW_OUTAGES = 10;

/** The "dominated" rule: the DOMINANT_OUTAGES longest outages hold more than DOMINANT_SHARE of the downtime. */
export const DOMINANT_OUTAGES = 3;
export const DOMINANT_SHARE = 0.5;

export interface TrustEvidence {
  readonly replications: number;
  /** Outages over all replications. */
  readonly outages: number;
  /** Downtime over all replications, seconds. */
  readonly downSeconds: number;
  /** The longest outages over all replications, longest first (at least DOMINANT_OUTAGES of them when there are that many). */
  readonly longestOutages: readonly number[];
  /** Simulated time over all replications, seconds. */
  readonly totalSeconds: number;
  /** Whether anything in the scenario (a random failure process, a scripted fault) can take a signal down. */
  readonly canFail: boolean;
}

/**
 * The first rule that applies, in this order (the most fundamental lack of evidence first):
 * single-replication > no-outages > few-outages > dominated > ok. The reason is one sentence a
 * person reads next to the number.
 */
export function trustOf(e: TrustEvidence): Trust {
  const { replications, outages } = e;
  if (replications < 2) {
    return { level: 'single-replication', outages, reason: 'only one replication: there is no spread to estimate a confidence interval from' };
  }
  if (outages === 0) {
    const reason = e.canFail
      ? `no outage in ${formatDuration(e.totalSeconds)} of simulated time: the availability is a 95% bound, not an estimate`
      : 'nothing in the scenario can take this signal down (no random failures, no scripted faults)';
    return { level: 'no-outages', outages, reason };
  }
  if (outages < FEW_OUTAGES) {
    return { level: 'few-outages', outages, reason: `only ${outages} outage${outages === 1 ? '' : 's'} observed (fewer than ${FEW_OUTAGES}): the interval is rough` };
  }
  const share = dominantShare(e.longestOutages, e.downSeconds);
  if (share > DOMINANT_SHARE) {
    return {
      level: 'dominated',
      outages,
      reason: `the ${DOMINANT_OUTAGES} longest outages hold ${Math.round(share * 100)}% of the downtime: another run may differ a lot`,
    };
  }
  return { level: 'ok', outages, reason: `${outages} outages observed, none dominating the downtime` };
}

/** The share of the downtime held by the DOMINANT_OUTAGES longest outages (0 without downtime). */
export function dominantShare(longestOutages: readonly number[], downSeconds: number): number {
  if (!(downSeconds > 0)) return 0;
  let top = 0;
  for (const length of longestOutages.slice(0, DOMINANT_OUTAGES)) top += length;
  return Math.min(1, top / downSeconds);
}
