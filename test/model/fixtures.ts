/** Builds Scenario values in code for model and analytic tests, with the scenario layer's defaults. */
import { COST_DEFAULTS, ETCD_LOAD_DEFAULTS, KUBERNETES_DEFAULTS, RAFT_DEFAULTS } from '../../src/scenario/defaults.js';
import type { ClusterSpec, Scenario } from '../../src/scenario/Scenario.js';

export type ClusterInput = Partial<Omit<ClusterSpec, 'controlPlane' | 'etcd' | 'workers' | 'loadBalancer'>> & {
  controlPlane?: Partial<ClusterSpec['controlPlane']>;
  etcd?: Partial<ClusterSpec['etcd']>;
  workers?: Partial<ClusterSpec['workers']>;
  loadBalancer?: Partial<ClusterSpec['loadBalancer']>;
};

export function cluster(c: ClusterInput = {}): ClusterSpec {
  const datacenters = c.datacenters ?? ['dc-1'];
  return {
    name: c.name ?? 'prod',
    model: c.model ?? 'multi-master',
    datacenters,
    controlPlane: { nodes: 3, ...c.controlPlane },
    etcd: { members: 3, learners: 0, topology: 'stacked', ...c.etcd },
    workers: { nodes: 0, podsPerNode: 110, ...c.workers },
    loadBalancer: { enabled: true, datacenters: [datacenters[0]!], ...c.loadBalancer },
    workloads: c.workloads ?? [],
    tenants: c.tenants ?? [],
    failures: c.failures ?? {},
  };
}

export function scenario(
  s: Partial<Omit<Scenario, 'raft' | 'kubernetes' | 'etcdLoad'>> & { raft?: Partial<Scenario['raft']>; kubernetes?: Partial<Scenario['kubernetes']>; etcdLoad?: Partial<Scenario['etcdLoad']> } = {},
): Scenario {
  const clusters = s.clusters ?? [cluster()];
  const dcs = s.datacenters ?? [...new Set(clusters.flatMap((c) => c.datacenters))].map((name) => ({ name }));
  return {
    name: s.name ?? 'test',
    description: s.description ?? '',
    horizon: s.horizon ?? 3600,
    replications: s.replications ?? 1,
    seed: s.seed ?? 1,
    datacenters: dcs,
    failureDomains: s.failureDomains ?? [],
    failures: s.failures ?? {},
    clusters,
    faults: s.faults ?? [],
    raft: { ...RAFT_DEFAULTS, ...s.raft },
    kubernetes: { ...KUBERNETES_DEFAULTS, ...s.kubernetes },
    etcdLoad: { ...ETCD_LOAD_DEFAULTS, ...s.etcdLoad },
    cost: COST_DEFAULTS,
    ...(s.management ? { management: s.management } : {}),
    ...(s.federation ? { federation: s.federation } : {}),
  };
}

export const exp = (mean: number) => ({ kind: 'exponential', mean }) as const;
