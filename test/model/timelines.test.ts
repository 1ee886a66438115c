/** Scripted faults with hand-checkable outcomes: the exact timelines the model must produce. */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/kernel/index.js';
import { kubeletPhases, lastRenewal, notReadyAt } from '../../src/model/nodeHeartbeat.js';
import { runReplication, type ReplicationResult } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Fault, Scenario } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from './fixtures.js';

const ET = 1; // election timeout, s (etcd default 1000 ms)
const FSYNC = 0.002;
const RTT = 0.0005;
const HEARTBEAT = 0.1;

function run(s: Scenario, rep = 0): ReplicationResult {
  return runReplication(s, buildTopology(s), rep, { trace: true });
}

function signal(r: ReplicationResult, cluster: string, name: string) {
  const found = r.signals.find((x) => x.cluster === cluster && x.signal === name);
  if (!found) throw new Error(`no signal ${cluster}/${name}`);
  return found.stats;
}

const crash = (at: number, target: string, duration: number): Fault => ({ kind: 'crash', at, target, duration });

/**
 * When worker w (0-based) of a cluster goes NotReady if its kubelet falls silent at `t`, with
 * the default timings (renewal 10 s, grace 50 s, checks every 5 s), the controller acting
 * throughout: from the phases the replication draws (stream `r<rep>/kubelet/<cluster>`).
 */
function notReadyTime(s: Scenario, cluster: string, workers: number, w: number, t: number, rep = 0, controllerSince = 0): number {
  const phase = kubeletPhases(createStream(s.seed, `r${rep}/kubelet/${cluster}`), workers, 10)[w]!;
  return notReadyAt(Math.max(lastRenewal(phase, 10, t), controllerSince), 50, 5, t);
}

describe('scripted timelines', () => {
  it('should lose writes for exactly the quorum loss plus one election when 2 of 3 members die for 10 minutes', () => {
    for (let rep = 0; rep < 20; rep++) {
      const r = run(scenario({ faults: [crash(600, 'prod/etcd-2', 600), crash(600, 'prod/etcd-3', 600)] }), rep);
      expect(signal(r, 'prod', 'etcdQuorum').downTime).toBe(600);
      expect(signal(r, 'prod', 'etcdQuorum').outages).toBe(1);
      const election = signal(r, 'prod', 'apiWrite').downTime - 600;
      // The returning members' timers start fresh: the first fires within [ET, 2ET), or the
      // campaigning survivor fires earlier; then one vote round trip and an fsync.
      expect(election).toBeGreaterThan(RTT + FSYNC - 1e-9);
      expect(election).toBeLessThan(2 * ET + RTT + FSYNC);
      expect(signal(r, 'prod', 'apiWrite').outages).toBe(1);
    }
  });

  it('should lose writes only for the election when the leader alone dies', () => {
    for (let rep = 0; rep < 20; rep++) {
      const r = run(scenario({ faults: [crash(600, 'prod/etcd-leader', 600)] }), rep);
      expect(signal(r, 'prod', 'etcdQuorum').downTime).toBe(0);
      const down = signal(r, 'prod', 'apiWrite').downTime;
      // Followers campaign at their 10th to 19th tick (100 ms) after the last message: the first
      // tick comes within one interval, so the earliest is just over ET - HEARTBEAT. Pre-vote and
      // vote each take a round trip, and candidate and voter each persist (fsync) before sending.
      // An early candidate refused by a follower still in lease is followed by the other
      // follower's campaign, at most 2 ET after the leader died.
      expect(down).toBeGreaterThan(ET - HEARTBEAT + 2 * RTT + 2 * FSYNC);
      expect(down).toBeLessThan(2 * ET + 2 * RTT + 2 * FSYNC);
      const leaders = r.trace!.events.filter((e) => e.kind === 'leader');
      expect(leaders.at(-1)).toMatchObject({ kind: 'leader', term: 2 });
    }
  });

  it('should keep reads up from the watch cache while quorum is lost, if a member is reachable', () => {
    const r = run(scenario({ faults: [crash(600, 'prod/etcd-2', 600), crash(600, 'prod/etcd-3', 600)] }));
    expect(signal(r, 'prod', 'apiRead').downTime).toBe(0);
  });

  it('should keep workloads up through a control-plane outage while no worker fails', () => {
    const s = scenario({
      horizon: 7200,
      clusters: [cluster({ workers: { nodes: 4 }, workloads: [{ name: 'web', replicas: 6, minAvailable: 1 }] })],
      faults: [crash(600, 'prod/cp-1', 1800), crash(600, 'prod/cp-2', 1800), crash(600, 'prod/cp-3', 1800)],
    });
    const r = run(s);
    expect(signal(r, 'prod', 'apiWrite').downTime).toBeGreaterThanOrEqual(1800);
    expect(signal(r, 'prod', 'scheduling').downTime).toBeGreaterThanOrEqual(1800);
    expect(signal(r, 'prod', 'workloads').downTime).toBe(0);
    expect(r.replicaFraction.get('prod')).toBe(1);
  });

  it('should replace a crashed controller-manager leader after the lease expires plus a jittered retry', () => {
    const r = run(scenario({ faults: [crash(600, 'prod/cp-1', 600)] }));
    // cp-1 holds both leases at the start; its etcd member leads too (stacked).
    const down = signal(r, 'prod', 'scheduling').downTime;
    expect(down).toBeGreaterThanOrEqual(15 + 2);
    expect(down).toBeLessThanOrEqual(15 + 4.4 + 1e-9);
  });

  it('should evict pods of a dead worker after grace + toleration and run them elsewhere after startup', () => {
    const s = scenario({
      horizon: 7200,
      clusters: [cluster({ workers: { nodes: 3 }, workloads: [{ name: 'web', replicas: 3, minAvailable: 1 }] })],
      faults: [crash(600, 'prod/worker-1', 3600)],
    });
    const r = run(s);
    // One replica lives on worker-1; it is gone from 600 until its node is NotReady (the first
    // 5 s check at or after its kubelet's last renewal + 50 s, within 40-55 s of the crash), then
    // tainted at once, evicted 300 s later and run elsewhere after 10 s of startup.
    const notReady = notReadyTime(s, 'prod', 3, 0, 600);
    expect(notReady - 600).toBeGreaterThanOrEqual(40);
    expect(notReady - 600).toBeLessThanOrEqual(55);
    expect(signal(r, 'prod', 'workloads').downTime).toBeCloseTo(notReady - 600 + 300 + 10, 6);
  });

  it('should evict a dead zone at 0.1 nodes a second, one node every 10 s', () => {
    // 12 workers round-robin over three datacenters, one replica each: dc-a holds workers 1, 4, 7
    // and 10. dc-a goes dark at 600, and with it cp-1, which held the controller-manager's lease:
    // a new leader takes over about 17-19 s later and, having seen no node yet, counts every
    // node's grace period from its own start. Each dc-a node is thus NotReady at the first 5 s
    // check after max(its last renewal, the new leader's start) + 50 s. The first is tainted at
    // once; the zone is fully disrupted once all four are NotReady, and still evicts at 0.1
    // nodes/s (other zones are healthy): one taint a token, each token 10 s after the last, in
    // NotReady order; evictions 300 s after the taints.
    const s = scenario({
      horizon: 7200,
      clusters: [
        cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: { datacenters: ['dc-a', 'dc-b', 'dc-c'] }, workers: { nodes: 12 }, workloads: [{ name: 'web', replicas: 12, minAvailable: 1 }] }),
      ],
      faults: [{ kind: 'outage', at: 600, target: 'dc-a', duration: 3600 }],
    });
    const r = run(s);
    const acquired = r.trace!.events.find((e) => e.kind === 'note' && /kube-controller-manager on prod\/cp-\d acquires the lease/.test(e.text))!.t;
    expect(acquired - 600).toBeGreaterThanOrEqual(15 + 2);
    expect(acquired - 600).toBeLessThanOrEqual(15 + 4.4 + 1e-9);
    const ready = [0, 3, 6, 9].map((w) => notReadyTime(s, 'prod', 12, w, 600, 0, acquired)).sort((a, b) => a - b);
    const tainted: number[] = [];
    for (const t of ready) tainted.push(Math.max(t, (tainted.at(-1) ?? -Infinity) + 10));
    const evictions = r.trace!.events.filter((e) => e.kind === 'note' && /evicts/.test(e.text)).map((e) => e.t);
    expect(evictions).toEqual(tainted.map((t) => t + 300));
    expect(signal(r, 'prod', 'workloads').downTime).toBeCloseTo(tainted.at(-1)! + 300 + 10 - 600, 6);
    expect(r.trace!.events.some((e) => e.kind === 'note' && /zone dc-a is fully disrupted \(4 of 4 nodes NotReady\)/.test(e.text))).toBe(true);
  });

  it('should stop evicting in a small zone once most of its nodes are NotReady, and slow down in a large one', () => {
    // Five workers in one zone, three crash at 600: at 650 the first is tainted (1 of 5 NotReady
    // is normal), the second waits for the next token at 660, and the third makes the zone partly
    // disrupted (3 of 5 >= 55%). A zone of at most 50 nodes then stops evicting: only worker-1's
    // pod moves (evicted at 950, running at 960); the other two wait for their workers at 4200.
    const faults = [crash(600, 'prod/worker-1', 3600), crash(600, 'prod/worker-2', 3600), crash(600, 'prod/worker-3', 3600)];
    const base = { horizon: 7200, clusters: [cluster({ workers: { nodes: 5 }, workloads: [{ name: 'web', replicas: 5, minAvailable: 1 }] })], faults };
    expect(signal(run(scenario(base)), 'prod', 'workloads').downTime).toBeCloseTo(3600 + 10, 6);
    // Counted as large (threshold 2), the zone slows to 0.01 nodes/s: the limiter, empty since
    // 650, waits 100 s per node, so workers 2 and 3 are tainted at 750 and 850, evicted at 1050
    // and 1150, and the last replacement runs at 1160.
    const large = run(scenario({ ...base, kubernetes: { largeClusterSizeThreshold: 2 } }));
    expect(signal(large, 'prod', 'workloads').downTime).toBeCloseTo(1160 - 600, 6);
  });

  it('should evict nothing when every zone has lost all its nodes, and lift the taints it set', () => {
    // All three workers of a one-zone cluster crash at 600 while the control plane stays up: the
    // controller suspects its own network and evicts nothing; the pods come back with their workers.
    const faults = [crash(600, 'prod/worker-1', 1800), crash(600, 'prod/worker-2', 3600), crash(600, 'prod/worker-3', 3600)];
    const r = run(scenario({ horizon: 7200, clusters: [cluster({ workers: { nodes: 3 }, workloads: [{ name: 'web', replicas: 3, minAvailable: 1 }] })], faults }));
    const notes = r.trace!.events.flatMap((e) => (e.kind === 'note' ? [{ t: e.t, text: e.text }] : []));
    expect(notes.find((n) => /every zone has lost all its nodes/.test(n.text))?.t).toBe(650);
    // worker-1 returns at 2400 and the zone is no longer fully disrupted (2 of 3 NotReady is
    // normal). The stopped limiter is replaced by an empty one, so workers 2 and 3 are tainted
    // at 2410 and 2420 and their pods move to worker-1 at 2710 and 2720, running from 2730.
    expect(notes.filter((n) => /evicts/.test(n.text)).map((n) => n.t)).toEqual([2710, 2720]);
    expect(signal(r, 'prod', 'workloads').downTime).toBeCloseTo(2730 - 600, 6);
  });

  it('should mark every node NotReady when the load balancer dies: kubelets go through it, the controller-manager through its own apiserver', () => {
    // The only load balancer crashes for 10 minutes at 600. No kubelet can renew (they reach the
    // API through the load balancer), while the controller-manager keeps its lease and writes
    // through the apiserver on its own node: it marks each node NotReady at its grace period and
    // its pods not ready (workloads and serving down), evicts nothing (every zone has lost all its
    // nodes), and every kubelet renews at once when the load balancer returns at 1200.
    const s = scenario({
      horizon: 3600,
      clusters: [cluster({ workers: { nodes: 3 }, workloads: [{ name: 'web', replicas: 3, minAvailable: 1 }] })],
      faults: [crash(600, 'prod/lb', 600)],
    });
    for (let rep = 0; rep < 5; rep++) {
      const r = run(s, rep);
      const notReady = [0, 1, 2].map((w) => notReadyTime(s, 'prod', 3, w, 600, rep));
      expect(signal(r, 'prod', 'apiWrite').downTime).toBe(600);
      // workloads needs every replica: down from the first node marked; serving (minAvailable 1) from the last.
      expect(signal(r, 'prod', 'workloads').downTime).toBeCloseTo(1200 - Math.min(...notReady), 6);
      expect(signal(r, 'prod', 'serving').downTime).toBeCloseTo(1200 - Math.max(...notReady), 6);
      const notes = r.trace!.events.flatMap((e) => (e.kind === 'note' ? [e.text] : []));
      expect(notes.some((t) => /evicts/.test(t))).toBe(false);
      expect(notes.filter((t) => /lease/.test(t) && /kube-controller-manager/.test(t))).toEqual([]);
    }
  });

  it('should restart pods in place when the worker comes back before eviction', () => {
    const s = scenario({
      horizon: 7200,
      clusters: [cluster({ workers: { nodes: 3 }, workloads: [{ name: 'web', replicas: 3, minAvailable: 1 }] })],
      faults: [crash(600, 'prod/worker-1', 120)],
    });
    expect(signal(run(s), 'prod', 'workloads').downTime).toBeCloseTo(120 + 10, 6);
  });

  it('should elect on the majority side when the leader is cut off in a minority partition', () => {
    const s = scenario({
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'] })],
      faults: [{ kind: 'partition', at: 600, groups: [['dc-a'], ['dc-b', 'dc-c']], duration: 900 }],
    });
    for (let rep = 0; rep < 10; rep++) {
      const r = run(s, rep);
      expect(signal(r, 'prod', 'etcdQuorum').downTime).toBe(0);
      // The LB lives in dc-a with the old leader: it can route only to cp-1, whose member is on
      // the minority side, so writes through the LB stop for the whole partition.
      expect(signal(r, 'prod', 'apiWrite').downTime).toBeGreaterThanOrEqual(900);
      const leaders = r.trace!.events.filter((e) => e.kind === 'leader' && e.leader !== null && e.t > 0);
      expect(leaders.length).toBeGreaterThan(0);
      expect(leaders[0]).toMatchObject({ leader: expect.stringMatching(/etcd-[23]$/) });
    }
  });

  it('should keep writes up when the load balancer sits with the majority and the old leader is cut off', () => {
    const s = scenario({
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: { datacenters: ['dc-b'] } })],
      faults: [{ kind: 'partition', at: 600, groups: [['dc-a'], ['dc-b', 'dc-c']], duration: 900 }],
    });
    for (let rep = 0; rep < 10; rep++) {
      const down = signal(run(s, rep), 'prod', 'apiWrite').downTime;
      // Down from the cut until the majority side elects: one election, cross-datacenter vote.
      expect(down).toBeGreaterThanOrEqual(ET);
      expect(down).toBeLessThan(4 * ET);
    }
  });

  it('should keep the API through a datacenter outage with a load balancer in each datacenter, and lose it only when every instance is down', () => {
    const s = scenario({
      horizon: 7200,
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: { datacenters: ['dc-a', 'dc-b', 'dc-c'] } })],
      faults: [
        { kind: 'outage', at: 600, target: 'dc-a', duration: 1800 },
        // lb-1 down 3000-3600, lb-2 3100-3700, lb-3 3200-3300: all three down for 100 s.
        { kind: 'crash', at: 3000, target: 'prod/lb-1', duration: 600 },
        { kind: 'crash', at: 3100, target: 'prod/lb-2', duration: 600 },
        { kind: 'crash', at: 3200, target: 'prod/lb-3', duration: 100 },
      ],
    });
    for (let rep = 0; rep < 5; rep++) {
      const r = run(s, rep);
      expect(signal(r, 'prod', 'apiRead').downTime).toBe(100);
      // etcd-1 in dc-a leads at the start: losing dc-a costs one election, then only the 100 s.
      const write = signal(r, 'prod', 'apiWrite');
      expect(write.downTime).toBeGreaterThan(100 + ET);
      expect(write.downTime).toBeLessThan(100 + 4 * ET);
      expect(write.outages).toBe(2);
    }
  });

  it('should not read through a learner: a stacked node whose member is a learner serves nothing', () => {
    // Three nodes, two voters and a learner (etcd-3 on cp-3). With both voters down, quorum is
    // lost and the learner is up, yet no apiserver can read: etcd serves no watch on a learner.
    const s = scenario({
      horizon: 7200,
      clusters: [cluster({ controlPlane: { nodes: 3 }, etcd: { members: 2, learners: 1 } })],
      faults: [crash(600, 'prod/etcd-1', 600), crash(600, 'prod/etcd-2', 600)],
    });
    const r = run(s);
    expect(signal(r, 'prod', 'etcdQuorum').downTime).toBe(600);
    expect(signal(r, 'prod', 'apiRead').downTime).toBe(600);
  });

  it('should force an election when a member returns from isolation with pre-vote off, and not with it on', () => {
    const faults: Fault[] = [{ kind: 'partition', at: 600, groups: [['prod/etcd-3']], duration: 60 }];
    const on = run(scenario({ faults }));
    const off = run(scenario({ faults, raft: { preVote: false } }));
    expect(signal(on, 'prod', 'apiWrite').downTime).toBe(0);
    expect(signal(off, 'prod', 'apiWrite').downTime).toBeGreaterThanOrEqual(ET);
    expect(off.trace!.events.some((e) => e.kind === 'leader' && /pre-vote is off/.test(e.reason))).toBe(true);
  });

  it('should lose quorum when the datacenter holding two of three members goes dark', () => {
    const s = scenario({
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b'] })],
      faults: [{ kind: 'outage', at: 600, target: 'dc-a', duration: 3600 }],
      horizon: 7200,
    });
    // Round-robin: cp-1 and cp-3 in dc-a, cp-2 in dc-b.
    expect(signal(run(s), 'prod', 'etcdQuorum').downTime).toBe(3600);
  });

  it('should upgrade control-plane nodes one at a time without losing quorum', () => {
    const s = scenario({ faults: [{ kind: 'rollingUpgrade', at: 600, target: 'prod/controlPlane', each: 600, surge: 1 }] });
    const r = run(s);
    expect(signal(r, 'prod', 'etcdQuorum').downTime).toBe(0);
    // Each upgrade that takes the current leader's node down costs one election, no more.
    const leaderLosses = r.trace!.events.filter((e) => e.kind === 'leader' && e.leader === null).length;
    const apiWrite = signal(r, 'prod', 'apiWrite');
    expect(leaderLosses).toBeGreaterThanOrEqual(1);
    expect(apiWrite.outages).toBe(leaderLosses);
    expect(apiWrite.downTime).toBeLessThan(leaderLosses * (2 * ET + 0.01));
  });

  it('should make a single server a full outage for every failure of its host', () => {
    const s = scenario({
      clusters: [
        cluster({
          model: 'single-server',
          controlPlane: { nodes: 1 },
          etcd: { members: 1 },
          workers: { nodes: 1 },
          loadBalancer: { enabled: false },
          workloads: [{ name: 'app', replicas: 2, minAvailable: 1 }],
        }),
      ],
      faults: [crash(600, 'prod/cp-1', 300)],
    });
    const r = run(s);
    for (const name of ['etcdQuorum', 'apiRead', 'workloads']) expect(signal(r, 'prod', name).downTime).toBeGreaterThanOrEqual(300);
  });
});
