/** Downtime by cause through whole replications: hand-checked timelines, and the sum rule on random ones. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downtimeCauses } from '../../../src/model/causes/downtimeCauses.js';
import { runReplication, type ReplicationResult } from '../../../src/model/Replication.js';
import { buildTopology } from '../../../src/model/Topology.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';
import { cluster, exp, scenario } from '../fixtures.js';

const HOUR = 3600;
const run = (s: Scenario, rep = 0): ReplicationResult => runReplication(s, buildTopology(s), rep);

/** A signal's downtime by cause key, leaving out the causes that got none. */
function byCause(s: Scenario, r: ReplicationResult, c: string, signal: string): Record<string, number> {
  const keys = downtimeCauses(s, buildTopology(s)).keys;
  const x = r.signals.find((y) => y.cluster === c && y.signal === signal)!;
  return Object.fromEntries([...x.byCause].flatMap((v, i) => (v > 0 ? [[keys[i]!, v]] : [])));
}

const web = [{ name: 'web', replicas: 3, minAvailable: 1 }];
const twoClusters = scenario({
  horizon: 6 * HOUR,
  clusters: ['east', 'west'].map((name, i) => cluster({ name, model: 'multi-cluster', datacenters: [['dc-a', 'dc-b'][i]!], workers: { nodes: 3 }, workloads: web })),
  faults: [
    { kind: 'outage', at: HOUR, target: 'dc-a', duration: HOUR, name: 'east dark' },
    { kind: 'outage', at: HOUR + 1800, target: 'dc-b', duration: HOUR },
  ],
});

describe('downtime causes', () => {
  it('should key a named fault by its name, an unnamed one by its number and description, then random causes and mechanisms', () => {
    // Arrange: two faults, random etcd and datacenter failures.
    const s = { ...twoClusters, failures: { etcd: { mttf: exp(HOUR), mttr: exp(60) } }, datacenters: [{ name: 'dc-a', outage: { mttf: exp(HOUR), mttr: exp(60) } }, { name: 'dc-b' }] };
    // Act
    const keys = downtimeCauses(s, buildTopology(s)).keys;
    // Assert
    expect(keys).toEqual(['fault east dark', 'fault 2: outage of dc-b for 1h', 'random etcd failure', 'random datacenter outage', 'leader election', 'lease handover', 'eviction and rescheduling']);
  });

  it("should split the global service's outage between two overlapping outages, and keep each cluster's own", () => {
    // Arrange, by hand: dc-a is dark 1h-2h, dc-b 1h30-2h30. The global service is down from
    // 1h30 until east's pods have restarted, 10 s after dc-a returns (test/model/deploymentModels):
    // 1h30-2h both outages (900 s each), 2h-2h00m10 dc-b's alone (10 s).
    // Act
    const r = run(twoClusters);
    // Assert
    expect(byCause(twoClusters, r, 'global', 'service')).toEqual({ 'fault east dark': 900, 'fault 2: outage of dc-b for 1h': 910 });
    // East lives in dc-a only: dc-b's outage is no cause of its downtime. When dc-a returns its
    // etcd elects a leader (apiWrite down until then), the controllers take their leases
    // (scheduling down until then), and the pods start: 10 s in all after the return, each
    // step charged to its mechanism, in that order.
    const apiWrite = byCause(twoClusters, r, 'east', 'apiWrite');
    const scheduling = byCause(twoClusters, r, 'east', 'scheduling');
    const east = byCause(twoClusters, r, 'east', 'workloads');
    expect(Object.keys(apiWrite)).toEqual(['fault east dark', 'leader election']);
    expect(Object.keys(scheduling)).toEqual(['fault east dark', 'leader election', 'lease handover']);
    expect(Object.keys(east)).toEqual(['fault east dark', 'leader election', 'lease handover', 'eviction and rescheduling']);
    expect(east['fault east dark']).toBe(HOUR);
    expect(scheduling['leader election']).toBe(apiWrite['leader election']);
    expect(east['lease handover']).toBe(scheduling['lease handover']);
    expect(east['leader election']! + east['lease handover']! + east['eviction and rescheduling']!).toBeCloseTo(10, 9);
  });

  it("should attribute every second of every signal's downtime, and no worker failure to a control-plane signal", () => {
    // Random failures of every role, fast enough to overlap in a day.
    const s = scenario({
      horizon: 24 * HOUR,
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], workers: { nodes: 3 }, workloads: web, loadBalancer: { datacenters: ['dc-a', 'dc-b'] } })],
      failures: {
        etcd: { mttf: exp(4 * HOUR), mttr: exp(HOUR) },
        controlPlane: { mttf: exp(4 * HOUR), mttr: exp(HOUR) },
        worker: { mttf: exp(2 * HOUR), mttr: exp(HOUR) },
        loadBalancer: { mttf: exp(6 * HOUR), mttr: exp(HOUR) },
      },
      faults: [{ kind: 'crash', at: 2 * HOUR, target: 'prod/etcd-leader', duration: HOUR }],
    });
    const keys = downtimeCauses(s, buildTopology(s)).keys;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (rep) => {
        // Act
        const r = run(s, rep);
        // Assert
        for (const x of r.signals) {
          const total = x.byCause.reduce((a, b) => a + b, 0);
          expect(Math.abs(total - x.stats.downTime), `${x.signal}: ${total} vs ${x.stats.downTime}`).toBeLessThan(1e-6);
          if (['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling'].includes(x.signal)) expect(x.byCause[keys.indexOf('random worker failure')]).toBe(0);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('should not count a fault that found nothing to act on (a crash of the leader while there is none)', () => {
    // Arrange, by hand: 3 stacked members (cluster() defaults); etcd-1 and etcd-2 crash at 1h for
    // 1h, so the quorum is lost 1h-2h (and held again as soon as they are back); at 1h30 a crash
    // of "the leader" finds none. The quorum's hour goes to the two crashes, half each.
    const s = scenario({
      horizon: 4 * HOUR,
      faults: [
        { kind: 'crash', at: HOUR, target: 'prod/etcd-1', duration: HOUR },
        { kind: 'crash', at: HOUR, target: 'prod/etcd-2', duration: HOUR },
        { kind: 'crash', at: HOUR + 1800, target: 'prod/etcd-leader', duration: HOUR },
      ],
    });
    // Act
    const quorum = byCause(s, run(s), 'prod', 'etcdQuorum');
    // Assert
    expect(Object.keys(quorum)).toEqual(['fault 1: crash prod/etcd-1 for 1h', 'fault 2: crash prod/etcd-2 for 1h']);
    expect(quorum['fault 1: crash prod/etcd-1 for 1h']).toBe(HOUR / 2);
    expect(quorum['fault 2: crash prod/etcd-2 for 1h']).toBe(HOUR / 2);
  });
});
