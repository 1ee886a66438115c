/** The rows of a comparison: each availability beside the hosts and cost of the same thing, and its price per added nine. */
import { ownEntry } from '../scenario/nameRecord.js';
import { availabilityUnits } from '../scenario/availabilityUnits.js';
import { costPerAddedNine, hostCounts } from './cost.js';
import { headlineOf, type CompareEntry, type CompareInput } from './ReportInput.js';

/** One row: a configuration, or one availability unit of it. */
export interface ComparePoint {
  readonly entry: CompareEntry;
  /** The configuration's label; with several rows per configuration, the unit's after it ("stretched-two-dcs · one-site"). */
  readonly label: string;
  /** The availability that stands for the row and where it was found; undefined when absent. */
  readonly h: ReturnType<typeof headlineOf>;
  /** Monthly cost and host count of the clusters behind `h`, never of more. */
  readonly cost: number;
  readonly hosts: number;
  readonly models: readonly string[];
  readonly availability: number;
}

/**
 * A `compare` without a chosen headline gets a row per availability unit of each scenario (the
 * global service with the clusters serving it, then each other cluster by its apiWrite), so a
 * multi-cluster scenario's availability is never set beside the cost of clusters it does not
 * measure. A sweep, or a chosen headline, keeps one row per configuration, priced in full.
 */
export function comparePoints(input: Pick<CompareInput, 'kind' | 'entries' | 'headline'>): ComparePoint[] {
  return input.entries.flatMap((entry): ComparePoint[] => {
    const whole = (): ComparePoint => {
      const h = headlineOf(entry.summary, input.headline);
      return { entry, label: entry.label, h, cost: entry.summary.cost.perMonth, hosts: hostsOf(entry, entry.scenario.clusters.map((c) => c.name)), models: modelsOf(entry, entry.scenario.clusters.map((c) => c.name)), availability: h?.value.availability.mean ?? NaN };
    };
    if (input.kind !== 'compare' || input.headline) return [whole()];
    const units = availabilityUnits(entry.scenario);
    if (units.length <= 1) {
      const u = units[0];
      const h = u ? headlineOf(entry.summary, { cluster: u.cluster, signal: u.signal }) : undefined;
      return [{ ...whole(), h, availability: h?.value.availability.mean ?? NaN }];
    }
    return units.map((u) => {
      const h = headlineOf(entry.summary, { cluster: u.cluster, signal: u.signal });
      const cost = Math.round(u.clusters.reduce((n, c) => n + (ownEntry(entry.summary.clusters, c)?.cost.perMonth ?? 0), 0) * 100) / 100;
      return { entry, label: `${entry.label} · ${u.cluster === 'global' ? 'global service' : u.cluster}`, h, cost, hosts: hostsOf(entry, u.clusters), models: modelsOf(entry, u.clusters), availability: h?.value.availability.mean ?? NaN };
    });
  });
}

/** The row each price per added nine is measured from: the cheapest row of a `compare`, the first configuration of a sweep. */
export function baselineOf(kind: CompareInput['kind'], points: readonly ComparePoint[]): ComparePoint | undefined {
  if (kind === 'sweep') return points[0];
  return [...points].sort((a, b) => a.cost - b.cost)[0];
}

/**
 * The extra monthly cost per nine of `p` over `base`: 'baseline' for the base itself, 'fewer
 * nines' when `p` is less available (a compare's base is the cheapest, so that is a worse deal,
 * not a price), null when there is no finite price (no figure, equal nines, never down).
 */
export function perAddedNine(kind: CompareInput['kind'], base: ComparePoint | undefined, p: ComparePoint): 'baseline' | 'fewer nines' | number | null {
  if (p === base) return 'baseline';
  if (!base || !base.h || !p.h) return null;
  if (kind === 'compare' && p.availability < base.availability) return 'fewer nines';
  return costPerAddedNine(base, p);
}

function hostsOf(entry: CompareEntry, clusters: readonly string[]): number {
  return entry.scenario.clusters.filter((c) => clusters.includes(c.name)).reduce((n, c) => n + Object.values(hostCounts(c)).reduce((a, b) => a + b, 0), 0);
}

function modelsOf(entry: CompareEntry, clusters: readonly string[]): string[] {
  return [...new Set(entry.scenario.clusters.filter((c) => clusters.includes(c.name)).map((c) => c.model))];
}
