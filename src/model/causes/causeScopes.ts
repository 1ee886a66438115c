/**
 * Where a cause of downtime counts: scope 0 for every signal (scripted faults), and per cluster
 * one scope for its control plane (etcd, apiservers, load balancers) and one for its workers.
 * A random failure counts for the scopes of what it takes down, so a worker's failure is never
 * charged to a control-plane signal, nor one cluster's to another's.
 */
import type { Topology } from '../Topology.js';
import type { Target } from '../FailureProcesses.js';

/** The scope every signal reads: scripted faults hold there. */
export const EVERY_SIGNAL = 0;
export const controlPlaneScope = (cluster: number) => 1 + 2 * cluster;
export const workersScope = (cluster: number) => 2 + 2 * cluster;
export const scopeCount = (clusters: number) => 1 + 2 * clusters;

/** The scopes of what each host, component and datacenter carries; built once per replication. */
export class CauseScopes {
  private readonly ofHost: Int32Array[];
  private readonly ofComponent: Int32Array[];
  private readonly ofDatacenter: Int32Array[];

  constructor(topology: Topology) {
    const scopeOf = (c: number) => {
      const comp = topology.components[c]!;
      return comp.kind === 'worker' ? workersScope(comp.cluster) : controlPlaneScope(comp.cluster);
    };
    const onHost: number[][] = topology.hosts.map(() => []);
    for (const c of topology.components) onHost[c.host]!.push(scopeOf(c.id));
    this.ofHost = onHost.map((s) => unique(s));
    this.ofComponent = topology.components.map((c) => Int32Array.of(scopeOf(c.id)));
    this.ofDatacenter = topology.datacenters.map((_, d) => unique(topology.hosts.filter((h) => h.datacenter === d).flatMap((h) => [...this.ofHost[h.id]!])));
  }

  /** The scopes a random failure's target takes down. */
  of(t: Target): Int32Array {
    switch (t.kind) {
      case 'host':
        return this.ofHost[t.id]!;
      case 'component':
        return this.ofComponent[t.id]!;
      case 'datacenter':
        return this.ofDatacenter[t.id]!;
      case 'domain':
        // Rare (a domain's outage): built when it happens.
        return unique(t.hosts.flatMap((h) => [...this.ofHost[h]!]));
      default: {
        const unknown: never = t;
        throw new Error(`CauseScopes.of: unknown target ${JSON.stringify(unknown)}`);
      }
    }
  }
}

function unique(xs: readonly number[]): Int32Array {
  return Int32Array.from([...new Set(xs)].sort((a, b) => a - b));
}
