/** What scripted faults may name, gathered once the rest of the scenario is read. */
import type { SimTime } from '../../kernel/index.js';
import type { NameSet } from '../_internals/names.js';
import { unknownName } from '../_internals/describe.js';
import type { ClusterSpec } from '../Scenario.js';
import { quoteValue } from '../../kernel/quoteValue.js';

export interface FaultTargets {
  readonly horizon: SimTime;
  readonly clusters: ReadonlyMap<string, ClusterSpec>;
  /** False when some cluster was unreadable: unknown components then stay silent. */
  readonly clustersComplete: boolean;
  readonly datacenters: NameSet;
  readonly failureDomains: NameSet;
  readonly hasFederation: boolean;
}

/** The problem with a name whose cluster part (`prod` in `prod/team-a`) is unknown. */
export function unknownCluster(clusterName: string, name: string, t: FaultTargets): string {
  return `${unknownName('cluster', clusterName, [...t.clusters.keys()])} in ${quoteValue(name)}`;
}
