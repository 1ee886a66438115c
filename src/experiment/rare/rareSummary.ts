/** The rare-event estimate as SignalSummary values (method 'importance-sampling'), for the summary document. */
import { nameRecord } from '../../scenario/nameRecord.js';
import type { Scenario } from '../../scenario/Scenario.js';
import type { SignalSummary, Trust } from '../Summary.js';
import { DOMINANT_OUTAGES, DOMINANT_SHARE, FEW_OUTAGES } from '../trust.js';
import type { EpisodeDigest } from './EpisodeDigest.js';
import { rareEstimate, type RareEstimate, type RareSignalEstimate } from './rareEstimate.js';

/** Per cluster (and `global`), per covered signal: what the summary shows, in its own shape. */
export interface RareSummaries {
  readonly estimate: RareEstimate;
  readonly signals: Readonly<Record<string, Readonly<Record<string, SignalSummary>>>>;
}

export function rareSignalSummaries(s: Scenario, digests: readonly EpisodeDigest[]): RareSummaries {
  const estimate = rareEstimate(s, digests);
  const signals = nameRecord<Record<string, SignalSummary>>();
  for (const e of estimate.signals) (signals[e.cluster] ??= nameRecord())[e.signal] = rareSignalSummary(e, estimate.episodes);
  return { estimate, signals };
}

/**
 * p99 and longest outage are not estimable from weighted episodes (null); `bound` is null (the
 * interval is the evidence). The trust verdict counts episodes that reached an outage ('hits'):
 * none is no-outages, fewer than FEW_OUTAGES few-outages, and 'dominated' when the 3 largest
 * weighted contributions hold more than half of the estimate (a heavy tail the interval may miss).
 */
export function rareSignalSummary(e: RareSignalEstimate, episodes: number): SignalSummary {
  const u = e.unavailability;
  return {
    availability: e.availability,
    method: 'importance-sampling',
    trust: rareTrust(e, episodes),
    bound: null,
    exact: null,
    nines: u > 0 ? round4(-Math.log10(u)) : null,
    downtimeSecondsPerYear: round4(e.downtimeSecondsPerYear),
    outagesPerYear: round4(e.outagesPerYear),
    meanOutageSeconds: e.meanOutageSeconds === null ? null : round4(e.meanOutageSeconds),
    p99OutageSeconds: null,
    longestOutageSeconds: null,
    worstReplication: null,
    downtimeByCause: null,
  };
}

function rareTrust(e: RareSignalEstimate, episodes: number): Trust {
  const outages = e.hits;
  if (episodes < 2) return { level: 'single-replication', outages, reason: 'one episode: no spread to estimate a confidence interval from' };
  if (outages === 0) return { level: 'no-outages', outages, reason: `none of ${episodes} biased episodes reached an outage of this signal` };
  if (outages < FEW_OUTAGES) return { level: 'few-outages', outages, reason: `only ${outages} of ${episodes} biased episodes reached an outage: the interval is rough` };
  if (e.topShare > DOMINANT_SHARE) {
    return { level: 'dominated', outages, reason: `the ${DOMINANT_OUTAGES} largest of ${episodes} weighted episodes hold ${Math.round(e.topShare * 100)}% of the estimate: run more episodes` };
  }
  return { level: 'ok', outages, reason: `${outages} of ${episodes} biased episodes reached an outage (importance sampling)` };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
