/** The time a write takes to commit without queueing, for each member that could be the leader. */
import { quorumSize } from '../../quorum/index.js';

/** Round trips and disk sync, in seconds (the scenario's raft settings). */
export interface LinkTimings {
  /** Round trip between two members in one datacenter. */
  readonly rttIntraDc: number;
  /** Round trip between members in different datacenters. */
  readonly rttInterDc: number;
  /** One fsync of the write-ahead log. */
  readonly fsync: number;
}

/**
 * For each voter as leader (in member order), the seconds from proposal to commit with no queue:
 * the leader appends to its own log and fsyncs while it sends the entry to every follower; each
 * follower fsyncs and acknowledges; the entry commits once a quorum holds it, counting the leader
 * itself. So the leader waits for its (quorum - 1)-th closest follower: its round trip plus one
 * fsync (a write is as fast as the quorum-th fastest member: etcd docs, "optimal cluster size").
 * A single member commits after its own fsync.
 *
 * `voterDatacenters[i]` is the datacenter of voter i (the topology places members round-robin
 * over the cluster's datacenters). Learners are left out: they do not count toward a commit.
 * Assumed: every disk is equally fast and the round trip depends only on whether two members
 * share a datacenter; the time a follower's reply takes to reach a client through a non-leader
 * apiserver is not counted.
 */
export function commitDelays(voterDatacenters: readonly number[], t: LinkTimings): number[] {
  const n = voterDatacenters.length;
  const needed = quorumSize(n) - 1;
  return voterDatacenters.map((leaderDc, leader) => {
    if (needed <= 0) return t.fsync;
    const rtts = voterDatacenters
      .filter((_, i) => i !== leader)
      .map((dc) => (dc === leaderDc ? t.rttIntraDc : t.rttInterDc))
      .sort((a, b) => a - b);
    // The leader's own fsync runs in parallel with the round trip and the follower's fsync.
    return Math.max(t.fsync, rtts[needed - 1]! + t.fsync);
  });
}
