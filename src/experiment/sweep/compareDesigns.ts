/** What each configuration of a group costs more than the pick and what it buys: the decision table's figures. */
import type { SignalSummary } from '../Summary.js';
import { compareAvailability, type ComparisonBasis } from './compareAvailability.js';
import type { Recommendation } from './recommend.js';
import type { SweepPointSummary } from './SweepSummary.js';

/** One configuration weighed against the group's pick (the recommended point, or the closest miss). */
export interface Alternative {
  /** Index in the whole grid. */
  readonly point: number;
  /** Monthly cost minus the pick's: positive costs more. */
  readonly costDeltaPerMonth: number;
  /** Nines of the headline signal minus the pick's; null when either has no finite nines (never down). */
  readonly ninesDelta: number | null;
  /** Headline downtime per year minus the pick's, seconds: negative is less downtime. */
  readonly downtimeDeltaSecondsPerYear: number | null;
  /** Worst cluster's etcd write p99 minus the pick's; null when either is saturated. */
  readonly writeP99DeltaMs: number | null;
  /** Whether the headline availability differs from the pick's at this precision (compareAvailability); null when either lacks the signal. */
  readonly significant: boolean | null;
  readonly basis: ComparisonBasis | null;
}

export interface Decision {
  /** The point the others are weighed against: the recommended one, or the closest miss; null without objectives. */
  readonly pick: number | null;
  /** The next cheapest point that meets every objective (same order as the pick); null when there is none. */
  readonly runnerUp: number | null;
  /** Every other point of the group, cheapest first (then grid order). */
  readonly alternatives: readonly Alternative[];
}

/**
 * `members` are the group's grid indices; `headline(i)` the signal the costs are weighed against
 * at point i (the first --slo signal, else apiWrite). With no objectives there is no pick and no
 * deltas: the Pareto front says what there is to say.
 */
export function compareDesigns(
  points: readonly SweepPointSummary[],
  members: readonly number[],
  r: Recommendation,
  headline: (i: number) => SignalSummary | undefined,
): Decision {
  const pick = r.kind === 'cheapest' ? r.point : r.kind === 'none' ? r.closest : null;
  if (pick === null) return { pick: null, runnerUp: null, alternatives: [] };
  const cost = (i: number) => points[i]!.summary.cost.perMonth;
  const availability = (i: number) => headline(i)?.availability.mean ?? NaN;
  const meeting = members.filter((i) => points[i]!.verdict.met).sort((a, b) => cost(a) - cost(b) || availability(b) - availability(a) || a - b);
  const runnerUp = r.kind === 'cheapest' ? (meeting.find((i) => i !== pick) ?? null) : null;
  const base = headline(pick);
  const alternatives = members
    .filter((i) => i !== pick)
    .sort((a, b) => cost(a) - cost(b) || a - b)
    .map((i): Alternative => {
      const s = headline(i);
      const comparison = s && base ? compareAvailability(s, base) : null;
      return {
        point: i,
        costDeltaPerMonth: Math.round((cost(i) - cost(pick)) * 100) / 100,
        ninesDelta: s && base ? finiteDelta(s.nines, base.nines) : null,
        downtimeDeltaSecondsPerYear: s && base ? s.downtimeSecondsPerYear - base.downtimeSecondsPerYear : null,
        writeP99DeltaMs: finiteDelta(worstP99(points[i]!), worstP99(points[pick]!)),
        significant: comparison?.significant ?? null,
        basis: comparison?.basis ?? null,
      };
    });
  return { pick, runnerUp, alternatives };
}

/** The worst cluster's write p99 in ms; null when any is saturated (or there is no etcd). */
export function worstP99(p: SweepPointSummary): number | null {
  const all = Object.values(p.etcd);
  if (all.length === 0 || all.some((e) => e.write.kind !== 'ok')) return null;
  return Math.max(...all.map((e) => (e.write.kind === 'ok' ? e.write.p99Ms : 0)));
}

function finiteDelta(a: number | null, b: number | null): number | null {
  return a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) ? null : a - b;
}
