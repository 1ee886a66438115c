/** What a scenario's availability is about: the global service, and each cluster outside it by its apiWrite. */
import { globalServiceClusters } from './globalService.js';
import type { Scenario } from './Scenario.js';

/** One thing whose availability stands on its own, with the clusters (and so the hosts and cost) behind it. */
export interface AvailabilityUnit {
  /** `global` for the global service, else the cluster's name. */
  readonly cluster: string;
  /** `service` for the global service, else `apiWrite`. */
  readonly signal: string;
  /** The clusters it runs on: every serving cluster for the global service, else the cluster alone. */
  readonly clusters: readonly string[];
}

/**
 * The units of a scenario, in its cluster order: the global service first when two or more
 * clusters serve together, then each cluster outside it by its own apiWrite. They partition the
 * clusters, so their costs add up to the scenario's. A scenario with one cluster has one unit.
 */
export function availabilityUnits(s: Pick<Scenario, 'clusters'>): readonly AvailabilityUnit[] {
  const serving = globalServiceClusters(s);
  const rest = s.clusters.filter((c) => !serving.includes(c.name));
  return [
    ...(serving.length > 0 ? [{ cluster: 'global', signal: 'service', clusters: serving }] : []),
    ...rest.map((c) => ({ cluster: c.name, signal: 'apiWrite', clusters: [c.name] })),
  ];
}
