/** Where a scripted fault counts as a cause of downtime: the scopes (causeScopes.ts) of what it acts on. */
import type { Fault, Scenario } from '../../scenario/Scenario.js';
import type { Topology } from '../Topology.js';
import { controlPlaneScope, EVERY_SIGNAL, workersScope, type CauseScopes } from './causeScopes.js';

/**
 * - crash, freeze: the component's (a `<cluster>/etcd-leader`: that cluster's control plane);
 * - outage: what the datacenter or failure domain carries;
 * - partition: both layers of every cluster with a host in a named datacenter or a named component;
 * - rolling upgrade: the upgraded role's layer; runaway, compromise: the tenant's cluster's workers;
 * - rollout (federation): every signal.
 */
export function faultScopes(f: Fault, s: Scenario, topology: Topology, scopes: CauseScopes): readonly number[] {
  const clusterIndex = (name: string) => topology.clusters.findIndex((c) => c.spec.name === name);
  const component = (name: string): number[] => {
    const id = topology.componentByName.get(name);
    if (id !== undefined) return [...scopes.of({ kind: 'component', id })];
    const leaderOf = clusterIndex(name.split('/')[0]!);
    return leaderOf >= 0 ? [controlPlaneScope(leaderOf)] : [EVERY_SIGNAL];
  };
  const hostsOfDomain = (name: string) => {
    const domain = s.failureDomains.find((d) => d.name === name);
    return domain ? [...new Set(domain.members.map((m) => topology.components[topology.componentByName.get(m)!]!.host))] : [];
  };
  const place = (name: string): number[] => {
    const dc = topology.datacenterByName.get(name);
    return [...scopes.of(dc !== undefined ? { kind: 'datacenter', id: dc } : { kind: 'domain', hosts: hostsOfDomain(name), name })];
  };
  const wholeCluster = (i: number) => [controlPlaneScope(i), workersScope(i)];
  switch (f.kind) {
    case 'crash':
    case 'freeze':
      return component(f.target);
    case 'outage':
      return place(f.target);
    case 'partition':
      return unique(
        f.groups.flat().flatMap((name) => {
          if (topology.datacenterByName.has(name)) return place(name);
          const id = topology.componentByName.get(name);
          return id !== undefined ? wholeCluster(topology.components[id]!.cluster) : component(name);
        }),
      );
    case 'rollingUpgrade': {
      const [cluster, role] = f.target.split('/') as [string, string];
      const i = clusterIndex(cluster);
      return i < 0 ? [EVERY_SIGNAL] : [role === 'workers' ? workersScope(i) : controlPlaneScope(i)];
    }
    case 'runaway':
    case 'compromise': {
      const i = clusterIndex(f.tenant.split('/')[0]!);
      return i < 0 ? [EVERY_SIGNAL] : [workersScope(i)];
    }
    case 'rollout':
      return [EVERY_SIGNAL];
    default: {
      const unknown: never = f;
      throw new Error(`faultScopes: unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

function unique(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}
