/** Advice on a valid scenario: choices that are allowed (often on purpose, to teach) but worth a second look. */
import { formatDuration } from '../kernel/index.js';
import { failuresTolerated, quorumSize } from '../quorum/index.js';
import { datacenterOf } from './components.js';
import type { ClusterSpec, Scenario } from './Scenario.js';

export interface Advice {
  /** Where in the document, as in problems (`spec.clusters[0].etcd.members`). */
  readonly path: string;
  readonly message: string;
}

/** The etcd FAQ: "probably no more than seven" members; each one more slows every write. */
const MAX_ADVISED_MEMBERS = 7;
/** etcd's tuning guide: an election timeout of at least 10 round trips between members. */
const ROUND_TRIPS_PER_ELECTION = 10;

/** Advice for `kubesim validate` and reports; never an error (even etcd sizes are a lesson). */
export function scenarioAdvice(s: Scenario): Advice[] {
  const advice: Advice[] = [];
  s.clusters.forEach((c, i) => {
    const at = (p: string) => `spec.clusters[${i}].${p}`;
    const n = c.etcd.members;
    const quorum = quorumSize(n);
    if (n % 2 === 0) {
      advice.push({
        path: at('etcd.members'),
        message: `${c.name}: ${n} members need a quorum of ${quorum} and tolerate ${failuresTolerated(n)} failure(s), no more than ${n - 1} members: an even size adds a member that can fail, not tolerance`,
      });
    }
    if (n > MAX_ADVISED_MEMBERS) {
      advice.push({ path: at('etcd.members'), message: `${c.name}: etcd advises at most ${MAX_ADVISED_MEMBERS} members; each one more slows every write` });
    }
    if (c.model !== 'single-server' && c.controlPlane.nodes < 3) {
      advice.push({
        path: at('controlPlane.nodes'),
        message: `${c.name}: kubeadm's highly available topologies start at 3 control-plane nodes, found ${c.controlPlane.nodes}`,
      });
    }
    const lost = datacenterHoldingQuorum(c, quorum);
    if (lost !== undefined) {
      advice.push({
        path: at('datacenters'),
        message: `${c.name}: ${lost.count} of ${n} etcd members are in ${lost.dc}, so an outage of ${lost.dc} loses quorum; spread the members so that no datacenter holds a majority (1+1+1 over three)`,
      });
    }
    if (c.datacenters.length > 1 && s.raft.electionTimeout < ROUND_TRIPS_PER_ELECTION * s.raft.rttInterDc) {
      advice.push({
        path: 'spec.raft.electionTimeout',
        message: `${c.name} spans datacenters: etcd's tuning guide advises an election timeout of at least ${ROUND_TRIPS_PER_ELECTION} round trips (${formatDuration(ROUND_TRIPS_PER_ELECTION * s.raft.rttInterDc)}), found ${formatDuration(s.raft.electionTimeout)}`,
      });
    }
    const replicas = c.workloads.reduce((sum, w) => sum + w.replicas, 0);
    const capacity = c.workers.nodes * c.workers.podsPerNode;
    if (replicas > capacity) {
      advice.push({ path: at('workloads'), message: `${c.name}: the workloads ask for ${replicas} replicas but the workers hold at most ${capacity} pods` });
    }
  });
  return advice;
}

/** The datacenter that holds a quorum of the voting members, when the members span several. */
function datacenterHoldingQuorum(c: ClusterSpec, quorum: number): { dc: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (let i = 1; i <= c.etcd.members; i++) {
    const dc = datacenterOf(c, i);
    counts.set(dc, (counts.get(dc) ?? 0) + 1);
  }
  if (counts.size < 2) return undefined;
  for (const [dc, count] of counts) if (count >= quorum) return { dc, count };
  return undefined;
}
