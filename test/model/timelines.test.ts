/** Scripted faults with hand-checkable outcomes: the exact timelines the model must produce. */
import { describe, expect, it } from 'vitest';
import { runReplication, type ReplicationResult } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Fault, Scenario } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from './fixtures.js';

const ET = 1; // election timeout, s (etcd default 1000 ms)
const FSYNC = 0.002;
const RTT = 0.0005;

function run(s: Scenario, rep = 0): ReplicationResult {
  return runReplication(s, buildTopology(s), rep, { trace: true });
}

function signal(r: ReplicationResult, cluster: string, name: string) {
  const found = r.signals.find((x) => x.cluster === cluster && x.signal === name);
  if (!found) throw new Error(`no signal ${cluster}/${name}`);
  return found.stats;
}

const crash = (at: number, target: string, duration: number): Fault => ({ kind: 'crash', at, target, duration });

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
      // Followers fire in [ET, 2ET) after the last heartbeat; the winner needs one round trip
      // for the vote of the other follower and one fsync. No split is possible within a datacenter.
      expect(down).toBeGreaterThanOrEqual(ET + RTT + FSYNC - 1e-9);
      expect(down).toBeLessThan(2 * ET + RTT + FSYNC);
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
    // One replica lives on worker-1; it is gone from 600 until 600 + 50 + 300 + 10 (startup).
    expect(signal(r, 'prod', 'workloads').downTime).toBeCloseTo(50 + 300 + 10, 6);
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
