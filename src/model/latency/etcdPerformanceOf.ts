/** The etcd performance (and headroom) of every cluster of a scenario, from its topology and raft settings. */
import { nameRecord } from '../../scenario/nameRecord.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { buildTopology, type Topology } from '../Topology.js';
import { etcdModelAssumptions, etcdPerformance, type EtcdInput, type EtcdModelAssumptions, type EtcdPerformance } from './etcdPerformance.js';
import { headroom, type Headroom } from './headroom.js';

/**
 * What the load model needs of each cluster, in scenario order. Voters' datacenters come from the
 * topology (hosts round-robin over the cluster's datacenters; stacked member i on control-plane
 * node i), so the latency model and the availability model agree on where every member lives.
 */
export function etcdInputsOf(s: Scenario, topology: Topology = buildTopology(s)): Record<string, EtcdInput> {
  const out = nameRecord<EtcdInput>();
  for (const layout of topology.clusters) {
    const spec = layout.spec;
    const dcOf = (component: number) => topology.hosts[topology.components[component]!.host]!.datacenter;
    out[spec.name] = {
      voterDatacenters: layout.etcd.slice(0, layout.voters).map(dcOf),
      learners: layout.etcd.length - layout.voters,
      timings: { rttIntraDc: s.raft.rttIntraDc, rttInterDc: s.raft.rttInterDc, fsync: s.raft.fsync },
      load: { workers: spec.workers.nodes, podsPerNodeLimit: spec.workers.podsPerNode, leaderElectionRetryPeriod: s.kubernetes.retryPeriod },
    };
  }
  return out;
}

/**
 * One entry per cluster, in scenario order. The load and capacity assumptions are the scenario's
 * spec.etcdLoad unless `a` is given.
 */
export function etcdPerformanceOf(s: Scenario, topology: Topology = buildTopology(s), a: EtcdModelAssumptions = etcdModelAssumptions(s.etcdLoad)): Record<string, EtcdPerformance> {
  const out = nameRecord<EtcdPerformance>();
  for (const [name, input] of Object.entries(etcdInputsOf(s, topology))) out[name] = etcdPerformance(input, a);
  return out;
}

/** Per cluster, the worker counts at which its etcd saturates and its write p99 passes `objectiveMs` (see headroom). */
export function etcdHeadroomOf(s: Scenario, objectiveMs: number | null): Record<string, Headroom> {
  const a = etcdModelAssumptions(s.etcdLoad);
  const out = nameRecord<Headroom>();
  for (const [name, input] of Object.entries(etcdInputsOf(s))) out[name] = headroom(input, objectiveMs, a);
  return out;
}
