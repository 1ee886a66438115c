/** Builds Scenario values in code for the analytic tests, without the parser: defaults plus what a test overrides. */
import type { Distribution } from '../../src/kernel/index.js';
import type { AnalyticResult, ClusterAnswer } from '../../src/analytic/index.js';
import type { ClusterSpec, FailureProcess, Scenario } from '../../src/scenario/Scenario.js';

type ClusterInput = Partial<Omit<ClusterSpec, 'controlPlane' | 'etcd' | 'workers' | 'loadBalancer'>> & {
  controlPlane?: Partial<ClusterSpec['controlPlane']>;
  etcd?: Partial<ClusterSpec['etcd']>;
  workers?: Partial<ClusterSpec['workers']>;
  loadBalancer?: Partial<ClusterSpec['loadBalancer']>;
};

/** A multi-master cluster `prod`: 3 control-plane nodes, 3 stacked voters, a load balancer, in `dc-1`. */
export function cluster(c: ClusterInput = {}): ClusterSpec {
  const datacenters = c.datacenters ?? ['dc-1'];
  return {
    name: c.name ?? 'prod',
    model: c.model ?? 'multi-master',
    datacenters,
    controlPlane: { nodes: 3, ...c.controlPlane },
    etcd: { members: 3, learners: 0, topology: 'stacked', ...c.etcd },
    workers: { nodes: 0, podsPerNode: 110, ...c.workers },
    loadBalancer: { enabled: true, datacenter: datacenters[0]!, ...c.loadBalancer },
    workloads: c.workloads ?? [],
    tenants: c.tenants ?? [],
    failures: c.failures ?? {},
  };
}

type ScenarioInput = Partial<Omit<Scenario, 'raft' | 'kubernetes'>>;

/** A scenario around `clusters` (one default cluster), its datacenters those the clusters name, unless given. */
export function scenario(s: ScenarioInput = {}): Scenario {
  const clusters = s.clusters ?? [cluster()];
  const dcs = s.datacenters ?? [...new Set(clusters.flatMap((c) => c.datacenters))].map((name) => ({ name }));
  return {
    name: s.name ?? 'test',
    description: s.description ?? '',
    horizon: s.horizon ?? 365 * 86_400,
    replications: s.replications ?? 1,
    seed: s.seed ?? 1,
    datacenters: dcs,
    failureDomains: s.failureDomains ?? [],
    failures: s.failures ?? {},
    clusters,
    faults: s.faults ?? [],
    // etcd and component-base defaults (domain.md); the analytic answer does not read them.
    raft: { heartbeatInterval: 0.1, electionTimeout: 1, preVote: true, rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 },
    kubernetes: { leaseDuration: 15, renewDeadline: 10, retryPeriod: 2, nodeMonitorGracePeriod: 50, podEvictionTimeout: 300, podStartup: 10 },
    cost: { currency: 'USD', hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 } },
    ...(s.management ? { management: s.management } : {}),
    ...(s.federation ? { federation: s.federation } : {}),
  };
}

export const exp = (mean: number): Distribution => ({ kind: 'exponential', mean });

/** An exponential failure process with these means, in seconds. */
export const fails = (mttf: number, mttr: number): FailureProcess => ({ mttf: exp(mttf), mttr: exp(mttr) });

export const HOUR = 3600;
export const DAY = 86_400;
export const YEAR = 365 * DAY;

/** The answer for one cluster, failing the test with the reason if anything was refused. */
export function clusterAnswer(r: AnalyticResult, name = 'prod'): ClusterAnswer {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  const c = r.clusters[name];
  if (!c) throw new Error(`no cluster ${name}`);
  if (!c.ok) throw new Error(`cluster ${name} refused: ${c.reason}`);
  return c;
}
