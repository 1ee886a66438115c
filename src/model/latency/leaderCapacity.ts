/** How many Kubernetes writes per second an etcd leader can commit, by cluster size: more members never add any. */
import { ETCD_LOAD_DEFAULTS } from '../../scenario/defaults.js';
import type { EtcdLoadSettings } from '../../scenario/Scenario.js';

/**
 * The capacity model's assumptions. Every write goes through the one leader (Raft), so the
 * cluster's write throughput is the leader's, whatever the member count; each extra follower
 * (or learner) is one more copy of every entry the leader must send, so the leader commits fewer
 * writes per second as the cluster grows (etcd FAQ: more members slow writes).
 */
export interface CapacityAssumptions {
  /**
   * Writes per second a 3-member etcd v3.5 leader commits at saturation: 44,341/s with 1,000
   * clients writing to the leader (etcd v3.5 "Performance", 8 vCPU, SSD, 256-byte values; docs/domain.md#latency-and-throughput).
   * 1,000 closed-loop clients at 22 ms each give 1000 / 0.022 = 45,000/s by Little's law, so the
   * leader is saturated there and the figure is its capacity (not a lower bound on it).
   */
  readonly benchmarkWritesPerSecond: number;
  /**
   * Share of the leader's per-write work spent replicating to its two followers in that 3-member
   * benchmark (an assumption: marshalling and sending an entry per follower, against one WAL
   * append, apply and reply). Work per write is (1 - s) + s * followers / 2.
   */
  readonly followerShare: number;
  /**
   * Benchmark writes one Kubernetes write is worth (an assumption, meant to be conservative):
   * the apiserver writes with a transaction that compares the revision, its values are protobuf
   * objects of 0.5 to 15 KB (a Lease to a Node) against the benchmark's 256 bytes, and every
   * write is sent to every apiserver's watch cache.
   */
  readonly kubernetesWriteCost: number;
}

/**
 * The capacity assumptions a scenario's spec.etcdLoad sets (leaderWritesPerSecond, writeCost);
 * the follower share is a modelling assumption, not a scenario setting.
 */
export function capacityAssumptions(s: EtcdLoadSettings): CapacityAssumptions {
  return { benchmarkWritesPerSecond: s.leaderWritesPerSecond, followerShare: 0.5, kubernetesWriteCost: s.writeCost };
}

/** The defaults, from spec.etcdLoad's. */
export const CAPACITY_ASSUMPTIONS: CapacityAssumptions = capacityAssumptions(ETCD_LOAD_DEFAULTS);

/** Relative work of one write on a leader with `followers` copies to send; 1 for the benchmark's two. */
export function leaderWorkPerWrite(followers: number, a: CapacityAssumptions = CAPACITY_ASSUMPTIONS): number {
  return 1 - a.followerShare + (a.followerShare * Math.max(0, followers)) / 2;
}

/**
 * Kubernetes writes per second the leader of a cluster of `members` voters and `learners`
 * learners commits at most. Non-increasing in both: a leader replicates to every follower and
 * learner, and only one member leads.
 */
export function leaderCapacity(members: number, learners = 0, a: CapacityAssumptions = CAPACITY_ASSUMPTIONS): number {
  const followers = Math.max(0, members - 1) + Math.max(0, learners);
  return a.benchmarkWritesPerSecond / (a.kubernetesWriteCost * leaderWorkPerWrite(followers, a));
}
