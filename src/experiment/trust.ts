/** How far a signal's number can be trusted: the verdict shown next to every availability (README, "How sure is this number?"). */
import type { Trust } from './Summary.js';

/** Fewer outages than this and the estimate is not stable: a Poisson count of 10 is known to about ±60% at 95%. */
export const FEW_OUTAGES = 10;

export interface TrustEvidence {
  readonly replications: number;
  readonly outages: number;
}

export function trustOf(e: TrustEvidence): Trust {
  const { replications, outages } = e;
  if (replications < 2) return { level: 'single-replication', outages, reason: 'one replication: no spread to estimate a confidence interval from' };
  if (outages === 0) return { level: 'no-outages', outages, reason: 'no outage was observed: the availability is a bound, not an estimate' };
  if (outages < FEW_OUTAGES)
    return { level: 'few-outages', outages, reason: `only ${outages} outage${outages === 1 ? '' : 's'} observed (fewer than ${FEW_OUTAGES}): the interval is rough` };
  return { level: 'ok', outages, reason: `${outages} outages observed` };
}
