/** Measures the seed's properties of a deployment (highly available, replicated config, isolation) by running it. */
import { HOUR } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';

export interface MeasuredProperties {
  /** Whether the service survives the loss of any one host (apiWrite, or the global service). */
  readonly highlyAvailable: string;
  readonly replicatedConfig: string;
  readonly namespaceIsolation: string;
}

/** An outage shorter than this counts as a failover (an election, a lease hand-over), not a loss. */
const FAILOVER_SECONDS = 60;

/**
 * Each property comes from what the simulation does, not from a label:
 * - highly available: every host but the load balancer (one service with its own failure rate)
 *   and every datacenter is crashed alone for an hour, with no
 *   other failure; "yes" when the API stays writable (or, with several clusters, the global
 *   service stays up) apart from failovers shorter than a minute.
 * - replicated config: where configuration survives: across clusters when a federation pushes it
 *   to members; within the cluster when etcd keeps a quorum after losing any one member.
 * - namespace isolation: each tenant runs away and is compromised in turn; "yes" when no other
 *   tenant is harmed or exposed.
 */
export function probeProperties(s: Scenario): MeasuredProperties {
  const base: Scenario = { ...s, failures: {}, datacenters: s.datacenters.map((d) => ({ name: d.name })), failureDomains: [], faults: [], horizon: 3 * HOUR, clusters: s.clusters.map((c) => ({ ...c, failures: {} })) };
  const topology = buildTopology(base);
  const multi = base.clusters.length > 1;
  const survives = (fault: Fault): boolean => {
    const sc = { ...base, faults: [fault] };
    const r = runReplication(sc, buildTopology(sc), 0);
    const watched = multi
      ? r.signals.filter((x) => x.cluster === 'global' && x.signal === 'service')
      : r.signals.filter((x) => x.signal === 'apiWrite');
    return watched.every((x) => x.stats.longestOutage < FAILOVER_SECONDS);
  };
  // The load balancer is one service with its own failure rate (a cloud LB or a keepalived pair),
  // not a host to lose: it is left out of the single-host probes.
  const hosts = [...new Set(topology.components.filter((c) => c.kind !== 'loadBalancer').map((c) => c.host))].map(
    (h) => topology.components.find((c) => c.host === h)!.name,
  );
  const failedHost = hosts.find((name) => !survives({ kind: 'crash', at: HOUR, target: name, duration: HOUR }));
  const failedDc = base.datacenters.length > 1 ? base.datacenters.find((d) => !survives({ kind: 'outage', at: HOUR, target: d.name, duration: HOUR })) : undefined;
  const highlyAvailable = failedHost
    ? `no (losing ${failedHost} stops the ${multi ? 'service' : 'API'})`
    : failedDc
      ? `hosts yes, datacenters no (losing ${failedDc.name} stops it)`
      : `yes (survives the loss of any host${base.datacenters.length > 1 ? ' or datacenter' : ''})`;

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
  return { highlyAvailable, replicatedConfig, namespaceIsolation };
}
