/** Measures the seed's properties of a deployment (highly available, replicated config, isolation) by running it. */
import { HOUR } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import { probeHighAvailability, type HighAvailability } from './probeHighAvailability.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';

export interface MeasuredProperties {
  /** Whether the service survives the loss of any one host or datacenter: the global service, and each other cluster's apiWrite. */
  readonly highlyAvailable: string;
  readonly replicatedConfig: string;
  readonly namespaceIsolation: string;
  /** The same probe's verdict for each availability unit alone (a row each in `compare`). */
  readonly highlyAvailableByUnit: HighAvailability['units'];
}

/**
 * Each property comes from what the simulation does, not from a label:
 * - highly available: every host (load balancers included) and every datacenter is lost alone
 *   for an hour, with no other failure; "yes" when the global service (where clusters serve
 *   together) and every other cluster's API stay writable apart from failovers shorter than a
 *   minute (probeHighAvailability); "not checked" when there was nothing to watch.
 * - replicated config: where configuration survives: across clusters when a federation pushes it
 *   to members; within the cluster when etcd keeps a quorum after losing any one member.
 * - namespace isolation: each tenant runs away and is compromised in turn; "yes" when no other
 *   tenant is harmed or exposed.
 */
export function probeProperties(s: Scenario): MeasuredProperties {
  const base: Scenario = { ...s, failures: {}, datacenters: s.datacenters.map((d) => ({ name: d.name })), failureDomains: [], faults: [], horizon: 3 * HOUR, clusters: s.clusters.map((c) => ({ ...c, failures: {} })) };
  const topology = buildTopology(base);
  const multi = base.clusters.length > 1;
  const ha = probeHighAvailability(base);
  const highlyAvailable = ha.verdict;

  let replicatedConfig: string;
  if (base.federation) replicatedConfig = `across clusters (pushed to ${base.federation.members.length} members)`;
  else {
    const weakest = Math.min(...base.clusters.map((c) => c.etcd.members));
    replicatedConfig = weakest >= 3 ? `within ${multi ? 'each' : 'the'} cluster (${weakest}+ etcd members)` : `no (${weakest} etcd member${weakest === 1 ? '' : 's'}: one loss loses the quorum)`;
  }

  const tenants = base.clusters.flatMap((c) => c.tenants.map((t) => `${c.name}/${t.name}`));
  let namespaceIsolation: string;
  if (tenants.length < 2) namespaceIsolation = 'n/a (no tenants declared)';
  else {
    let leaks = 0;
    for (const key of tenants) {
      for (const kind of ['runaway', 'compromise'] as const) {
        const sc = { ...base, faults: [{ kind, at: HOUR, tenant: key, duration: HOUR } as Fault] };
        const r = runReplication(sc, topology, 0);
        leaks += r.tenants.filter((t) => t.harmedSeconds > 0 || t.exposedSeconds > 0).length;
      }
    }
    namespaceIsolation = leaks === 0 ? 'yes (quotas and network policies contain every probe)' : `partial (${leaks} of ${tenants.length * 2} probes reached another tenant)`;
  }
  return { highlyAvailable, replicatedConfig, namespaceIsolation, highlyAvailableByUnit: ha.units };
}
