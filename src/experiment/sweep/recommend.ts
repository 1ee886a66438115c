/** Picks the configuration to recommend: the cheapest that meets every objective, or the closest miss. */
import { describeObjective, type Check, type Verdict } from './Objectives.js';

export interface Candidate {
  /** The point's index in the whole grid: what the recommendation refers to. */
  readonly index: number;
  readonly label: string;
  readonly costPerMonth: number;
  /** The headline availability (0..1), to break ties between equally cheap points. */
  readonly availability: number;
  readonly verdict: Verdict;
}

/** The best value any point reached on one objective, and where. */
export interface BestAchieved {
  readonly objective: string;
  /** Percent for availability, milliseconds for latency; null when every point was saturated. */
  readonly value: number | null;
  /** Index in the whole grid. */
  readonly point: number;
  readonly label: string;
}

export type Recommendation =
  /** No --slo or --max-write-p99 was given: nothing to recommend against. */
  | { readonly kind: 'noObjectives' }
  /** `meeting` of the `of` candidates meet every objective; `point` is the cheapest of them. */
  | { readonly kind: 'cheapest'; readonly point: number; readonly label: string; readonly costPerMonth: number; readonly meeting: number; readonly of: number }
  /** No point meets them all: the closest one and what it misses, and the best reached per objective. */
  | { readonly kind: 'none'; readonly closest: number; readonly label: string; readonly failing: readonly Check[]; readonly best: readonly BestAchieved[]; readonly of: number };

/**
 * Among the points that meet every objective, the cheapest per month; equal costs go to the more
 * available, then to the earlier point. When none does, the closest miss: fewest failed checks,
 * then the smallest total shortfall (nines short of each availability target; log10 of how many
 * times over the latency limit, infinite when saturated), then the cheapest, then the earlier.
 */
export function recommend(points: readonly Candidate[], anyObjectives: boolean): Recommendation {
  if (!anyObjectives || points.length === 0) return { kind: 'noObjectives' };
  const order = points.map((_, i) => i);
  const meeting = order.filter((i) => points[i]!.verdict.met);
  if (meeting.length > 0) {
    const [best] = meeting.sort((a, b) => points[a]!.costPerMonth - points[b]!.costPerMonth || points[b]!.availability - points[a]!.availability || a - b);
    const p = points[best!]!;
    return { kind: 'cheapest', point: p.index, label: p.label, costPerMonth: p.costPerMonth, meeting: meeting.length, of: points.length };
  }
  const failed = (i: number) => points[i]!.verdict.checks.filter((c) => !c.met);
  const shortfallOf = (i: number) => failed(i).reduce((sum, c) => sum + shortfall(c), 0);
  const [closest] = order.sort(
    (a, b) => failed(a).length - failed(b).length || compareShortfall(shortfallOf(a), shortfallOf(b)) || points[a]!.costPerMonth - points[b]!.costPerMonth || a - b,
  );
  return { kind: 'none', closest: points[closest!]!.index, label: points[closest!]!.label, failing: failed(closest!), best: bestAchieved(points), of: points.length };
}

/**
 * The designs a recommendation turned down for a cheaper one: every point cheaper than the
 * recommended one (grid indices, cheapest first). Each missed an objective, or it would have been
 * picked; when that miss rests on a thin estimate, the recommendation must say so.
 */
export function rejectedCheaper(points: readonly Candidate[], r: Recommendation): number[] {
  if (r.kind !== 'cheapest') return [];
  return points
    .filter((p) => p.costPerMonth < r.costPerMonth && !p.verdict.met)
    .sort((a, b) => a.costPerMonth - b.costPerMonth || a.index - b.index)
    .map((p) => p.index);
}

/** How far a missed check is from its objective, in a unit shared by both kinds. */
export function shortfall(c: Check): number {
  if (c.met) return 0;
  if (c.kind === 'availability') {
    if (Number.isNaN(c.valuePercent)) return Infinity;
    return Math.max(0, nines(c.targetPercent) - nines(c.valuePercent));
  }
  return c.valueMs === null ? Infinity : Math.max(0, Math.log10(c.valueMs / c.limitMs));
}

function nines(percent: number): number {
  return percent >= 100 ? Infinity : -Math.log10(1 - percent / 100);
}

/** Sorts Infinity after every finite value and treats two infinities as equal (Infinity - Infinity is NaN). */
function compareShortfall(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Per objective, the best value over the grid: for availability, the best point's worst place
 * (a point meets a target only if every cluster with the signal does); for latency, the lowest
 * worst-cluster p99.
 */
function bestAchieved(points: readonly Candidate[]): BestAchieved[] {
  const objectives = new Map<string, { value: number | null; point: number }>();
  points.forEach((p, i) => {
    const byObjective = new Map<string, Check[]>();
    for (const c of p.verdict.checks) {
      const key = describeObjective(c);
      byObjective.set(key, [...(byObjective.get(key) ?? []), c]);
    }
    for (const [key, checks] of byObjective) {
      const value = worst(checks);
      const prev = objectives.get(key);
      if (prev === undefined || better(checks[0]!, value, prev.value)) objectives.set(key, { value, point: i });
    }
  });
  return [...objectives].map(([objective, { value, point }]) => ({ objective, value, point: points[point]!.index, label: points[point]!.label }));
}

function worst(checks: readonly Check[]): number | null {
  if (checks[0]!.kind === 'availability') return Math.min(...checks.map((c) => (c.kind === 'availability' ? c.valuePercent : NaN)));
  const values = checks.map((c) => (c.kind === 'writeP99' ? c.valueMs : null));
  return values.some((v) => v === null) ? null : Math.max(...(values as number[]));
}

function better(kind: Check, value: number | null, than: number | null): boolean {
  if (value === null || Number.isNaN(value)) return false;
  if (than === null || Number.isNaN(than)) return true;
  return kind.kind === 'availability' ? value > than : value < than;
}
