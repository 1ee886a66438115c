/** The etcd load and latency model's assumptions in words, with their sources, to print beside the figures. */
import { formatDuration } from '../../kernel/index.js';
import type { EtcdModelAssumptions } from '../../model/latency/index.js';
import { ETCD_LOAD_DEFAULTS } from '../../scenario/defaults.js';

/**
 * One line each; the numbers are the ones the figures were computed with. A number a scenario
 * changed (spec.etcdLoad) is cited as the scenario's, not with the default's source.
 */
export function assumptionLines(a: EtcdModelAssumptions): string[] {
  const l = a.load;
  const c = a.capacity;
  const d = ETCD_LOAD_DEFAULTS;
  const capacitySource =
    c.benchmarkWritesPerSecond === d.leaderWritesPerSecond
      ? 'etcd v3.5 "Performance": 1,000 clients writing to the leader, 8 vCPU, SSD'
      : 'spec.etcdLoad.leaderWritesPerSecond';
  const costSource = c.kubernetesWriteCost === d.writeCost ? 'assumed' : 'spec.etcdLoad.writeCost';
  const podsSource = l.podsPerNode === d.podsPerNode ? '150,000 pods on 5,000 nodes, Kubernetes "Considerations for large clusters"' : 'spec.etcdLoad.podsPerNode';
  return [
    `Write latency is etcd's commit time (apiserver time not included): the round trip from the leader to the follower that completes its quorum, plus one fsync, plus an M/M/1 queue at the leader. A write is as fast as the quorum-th fastest member (etcd docs, "optimal cluster size").`,
    'Any voting member may lead, each equally likely (etcd has no leader preference), so percentiles mix the placements: with members over several datacenters the inter-datacenter round trip sets the p99 as soon as some leaders must cross.',
    `Leader capacity: ${c.benchmarkWritesPerSecond.toLocaleString('en-US')} writes/s for 3 members (${capacitySource}), divided by ${c.kubernetesWriteCost} because a Kubernetes write is a transaction on a 0.5-15 KB object fanned out to every apiserver's watch cache (${costSource}); ${Math.round(c.followerShare * 100)}% of the leader's work per write is sending to its 2 followers (assumed), so each extra member or learner lowers capacity and none raises it.`,
    `Saturation: when the offered writes reach the leader's capacity, the queue grows without bound and latency is reported as saturated.`,
    `Load: each kubelet renews its node Lease every ${formatDuration(l.leaseRenewInterval)} (Kubernetes "Nodes" gives 10s) and writes node status every ${formatDuration(l.nodeStatusReportInterval)} when it does not change (nodeStatusReportFrequency; status changes are assumed rare in a steady cluster).`,
    `Pods: ${l.podsPerNode} per worker (${podsSource}; capped by podsPerNode), living ${formatDuration(l.podLifetime)} on average (${l.podLifetime === d.podLifetime ? 'assumed' : 'spec.etcdLoad.podLifetime'}), ${l.writesPerPod} writes over a pod's life (create, bind, status, EndpointSlice and ReplicaSet updates, delete) and ${l.eventsPerPod} events${l.eventsInSeparateEtcd ? ' (in a separate etcd, not counted)' : ' (in the same etcd)'}.`,
    'Control plane: kube-scheduler and kube-controller-manager renew their leader Lease every retry period (2 s by default, component-base).',
    'Every number above but the follower share is a field of spec.etcdLoad: set your own cluster\'s, or sweep them.',
    'Round trips and fsync are the scenario\'s raft.rttIntraDc, raft.rttInterDc and raft.fsync; members are placed round-robin over the cluster\'s datacenters, as in the availability simulation.',
  ];
}
