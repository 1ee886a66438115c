/** The etcd performance of every cluster of a scenario, from its topology and raft settings. */
import { nameRecord } from '../../scenario/nameRecord.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { buildTopology, type Topology } from '../Topology.js';
import { etcdModelAssumptions, etcdPerformance, type EtcdModelAssumptions, type EtcdPerformance } from './etcdPerformance.js';

/**
 * One entry per cluster, in scenario order. Voters' datacenters come from the topology (hosts
 * round-robin over the cluster's datacenters; stacked member i on control-plane node i), so the
 * latency model and the availability model agree on where every member lives. The load and
 * capacity assumptions are the scenario's spec.etcdLoad unless `a` is given.
 */
export function etcdPerformanceOf(s: Scenario, topology: Topology = buildTopology(s), a: EtcdModelAssumptions = etcdModelAssumptions(s.etcdLoad)): Record<string, EtcdPerformance> {
  const out = nameRecord<EtcdPerformance>();
  for (const layout of topology.clusters) {
    const spec = layout.spec;
    const dcOf = (component: number) => topology.hosts[topology.components[component]!.host]!.datacenter;
    out[spec.name] = etcdPerformance(
      {
        voterDatacenters: layout.etcd.slice(0, layout.voters).map(dcOf),
        learners: layout.etcd.length - layout.voters,
        timings: { rttIntraDc: s.raft.rttIntraDc, rttInterDc: s.raft.rttInterDc, fsync: s.raft.fsync },
        load: { workers: spec.workers.nodes, podsPerNodeLimit: spec.workers.podsPerNode, leaderElectionRetryPeriod: s.kubernetes.retryPeriod },
      },
      a,
    );
  }
  return out;
}
