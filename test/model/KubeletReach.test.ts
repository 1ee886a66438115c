/** Kubelets that lose the API: a zone cut off by a partition goes NotReady and is evicted; a quorum loss evicts nothing. */
import { describe, expect, it } from 'vitest';
import { runReplication, type ReplicationResult } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Fault, Scenario } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from './fixtures.js';

function run(s: Scenario, rep = 0): ReplicationResult {
  return runReplication(s, buildTopology(s), rep, { trace: true });
}

function notes(r: ReplicationResult): { t: number; text: string }[] {
  return r.trace!.events.flatMap((e) => (e.kind === 'note' ? [{ t: e.t, text: e.text }] : []));
}

function downTime(r: ReplicationResult, name: string): number {
  return r.signals.find((x) => x.cluster === 'prod' && x.signal === name)!.stats.downTime;
}

/**
 * Three zones, three stacked control-plane nodes (one a zone), a load balancer instance in each
 * zone, six workers round-robin (worker-1 and worker-4 in dc-a), one replica of web on each.
 */
function threeZones(faults: Fault[], seed = 1): Scenario {
  const dcs = ['dc-a', 'dc-b', 'dc-c'];
  return scenario({
    seed,
    horizon: 3600,
    clusters: [cluster({ datacenters: dcs, loadBalancer: { datacenters: dcs }, workers: { nodes: 6 }, workloads: [{ name: 'web', replicas: 6, minAvailable: 1 }] })],
    faults,
  });
}

const partitionA = (at: number, duration: number): Fault => ({ kind: 'partition', at, groups: [['dc-a'], ['dc-b', 'dc-c']], duration });

describe('a zone cut off from the control plane', () => {
  it('should go NotReady, be evicted after the toleration, and be Ready again when the partition heals', () => {
    for (let seed = 1; seed <= 5; seed++) {
      // Arrange: dc-a is cut off at 600 for 20 minutes.
      const r = run(threeZones([partitionA(600, 1200)], seed));
      const n = notes(r);
      // Assert: only dc-a's kubelets go NotReady; the controller-manager's leader (on cp-1, in
      // dc-a) gives its lease up and a new one in the majority takes over 17-19.4 s later and
      // counts the grace period from its start: NotReady 50-55 s after that.
      const notReady = n.filter((x) => /NotReady at/.test(x.text));
      expect(notReady.map((x) => x.text.split(':')[0]).sort()).toEqual(['prod/worker-1', 'prod/worker-4']);
      const acquired = n.find((x) => /kube-controller-manager on prod\/cp-[23] acquires the lease/.test(x.text))!.t;
      for (const x of notReady) {
        expect(x.t - acquired).toBeGreaterThanOrEqual(50);
        expect(x.t - acquired).toBeLessThanOrEqual(55);
        expect(x.t % 5).toBe(0);
      }
      // dc-a is fully disrupted while the other zones are healthy: it evicts at the normal rate,
      // one node a token (10 s), each pod after its 300 s toleration.
      const first = Math.min(...notReady.map((x) => x.t));
      const evictions = n.filter((x) => /evicts/.test(x.text)).map((x) => x.t);
      expect(evictions).toEqual([first + 300, first + 310]);
      // The cut-off pods stop counting when their nodes are NotReady; their replacements run 10 s
      // after the second eviction. The nodes are Ready again when the partition heals.
      expect(downTime(r, 'workloads')).toBeCloseTo(first + 310 + 10 - first, 6);
      expect(n.filter((x) => /renews its lease again: Ready/.test(x.text)).map((x) => x.t)).toEqual([1800, 1800]);
      expect(n.some((x) => x.text === 'prod kubelets in zone dc-a cannot reach an apiserver that can write: they stop renewing their node leases')).toBe(true);
      expect(n.find((x) => /kubelets in zone dc-a reach an apiserver that can write again/.test(x.text))?.t).toBe(1800);
    }
  });

  it('should keep a zone Ready through a partition shorter than the grace period', () => {
    const r = run(threeZones([partitionA(600, 30)]));
    expect(notes(r).filter((x) => /NotReady|evicts/.test(x.text))).toEqual([]);
    expect(downTime(r, 'workloads')).toBe(0);
  });

  it('should keep the pods counted while the zone is cut off but not yet NotReady, and after a heal before eviction', () => {
    // Cut off for 3 minutes: NotReady about 70 s in, back at 780 before any toleration runs out.
    const r = run(threeZones([partitionA(600, 180)]));
    const n = notes(r);
    const first = Math.min(...n.filter((x) => /NotReady at/.test(x.text)).map((x) => x.t));
    expect(n.filter((x) => /evicts/.test(x.text))).toEqual([]);
    expect(downTime(r, 'workloads')).toBeCloseTo(780 - first, 6);
  });
});

describe('a quorum loss', () => {
  it('should mark no node NotReady and evict nothing, though no kubelet can renew for 20 minutes', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = run(threeZones([{ kind: 'crash', at: 600, target: 'prod/etcd-2', duration: 1200 }, { kind: 'crash', at: 600, target: 'prod/etcd-3', duration: 1200 }], seed));
      expect(downTime(r, 'etcdQuorum')).toBe(1200);
      expect(notes(r).filter((x) => /NotReady|evicts/.test(x.text))).toEqual([]);
      expect(downTime(r, 'workloads')).toBe(0);
    }
  });
});

describe('kubelet phases', () => {
  it('should give the same trace for the same seed, and other renewal times for another', () => {
    const faults = [partitionA(600, 1200)];
    const a = JSON.stringify(run(threeZones(faults, 3)).trace!.events);
    expect(JSON.stringify(run(threeZones(faults, 3)).trace!.events)).toBe(a);
    const renewals = (s: string) => s.match(/last renewed its lease at [\d:.]+/g);
    expect(renewals(JSON.stringify(run(threeZones(faults, 4)).trace!.events))).not.toEqual(renewals(a));
  });
});
