/** The cost model: hosts by role times their hourly price, per month, and what apiWrite downtime costs. */
import type { ClusterSpec, Role, Scenario } from '../scenario/Scenario.js';
import type { CostSummary, SignalSummary } from '../experiment/Summary.js';
import { hostCounts } from '../scenario/hostCounts.js';
import { ninesOf } from './format.js';

/** Moved to the scenario layer (a sweep's summary counts hosts too); kept here for the report's importers. */
export { hostCounts };

/** Hours in a month: 365 days * 24 h / 12, the figure cloud providers price by. */
export const HOURS_PER_MONTH = 730;

/**
 * The monthly cost of one cluster, by role and in total, in cents (the summary's JSON should read
 * 416.1, not 416.09999999999997); it fits the experiment's `CostModel` signature. With `apiWrite`
 * (the cluster's summary of that signal) and a price per minute of downtime, also the expected
 * cost of downtime per month.
 */
export function clusterCost(scenario: Scenario, cluster: ClusterSpec, apiWrite?: SignalSummary): CostSummary {
  const hosts = hostCounts(cluster);
  const byRole: Record<string, number> = {};
  let perMonth = 0;
  for (const role of Object.keys(hosts) as Role[]) {
    if (hosts[role] === 0) continue;
    const cost = cents(hosts[role] * scenario.cost.hourly[role] * HOURS_PER_MONTH);
    byRole[role] = cost;
    perMonth += cost;
  }
  perMonth = cents(perMonth);
  const downtime = downtimeCostPerMonth(scenario, apiWrite);
  return { currency: scenario.cost.currency, perMonth, byRole, ...(downtime === undefined ? {} : { downtimePerMonth: downtime }) };
}

/** Minutes of apiWrite downtime per month (a twelfth of a 365-day year) times the price of a minute. */
export function downtimeCostPerMonth(scenario: Scenario, apiWrite: SignalSummary | undefined): number | undefined {
  const perMinute = scenario.cost.downtimePerMinute;
  if (perMinute === undefined || apiWrite === undefined) return undefined;
  const minutesPerMonth = apiWrite.downtimeSecondsPerYear / 12 / 60;
  return cents(minutesPerMonth * perMinute);
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A configuration to compare: its monthly cost and its availability (0..1). */
export interface CostPoint {
  readonly cost: number;
  readonly availability: number;
}

/**
 * Extra monthly cost per extra nine when going from `a` to `b`: (cost_b - cost_a) / (nines_b -
 * nines_a). Negative when `b` is cheaper for more nines (or dearer for fewer). null when the
 * nines are equal or either side is never down (infinite nines): no finite price exists.
 */
export function costPerAddedNine(a: CostPoint, b: CostPoint): number | null {
  const dn = ninesOf(b.availability) - ninesOf(a.availability);
  if (!Number.isFinite(dn) || dn === 0) return null;
  return (b.cost - a.cost) / dn;
}
