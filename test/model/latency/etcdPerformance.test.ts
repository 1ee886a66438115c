import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPACITY_ASSUMPTIONS, ETCD_MODEL_ASSUMPTIONS, etcdModelAssumptions, etcdPerformance, etcdPerformanceOf, writeP99Ms, type EtcdModelAssumptions } from '../../../src/model/latency/index.js';
import { ETCD_LOAD_DEFAULTS } from '../../../src/scenario/defaults.js';
import { cluster, scenario } from '../fixtures.js';
import { runs } from '../../runs.js';

const SIZES = [1, 3, 5, 7, 9];

/** Voter datacenters as the topology places `members` external members over `dcs` datacenters: round-robin. */
function roundRobin(members: number, dcs: number): number[] {
  return Array.from({ length: members }, (_, i) => i % dcs);
}

/** A cluster with `members` external etcd members over `dcs` datacenters, as the sweep builds it. */
function sized(members: number, dcs: number, workers: number, raft: { rttIntraDc: number; rttInterDc: number; fsync: number }) {
  const datacenters = Array.from({ length: dcs }, (_, i) => `dc-${i + 1}`);
  return scenario({ clusters: [cluster({ datacenters, etcd: { members, topology: 'external' }, workers: { nodes: workers } })], raft });
}

describe('etcdPerformance', () => {
  it('should show the trade-off: more members tolerate more failures but write no faster and commit no more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 1e-5, max: 0.01, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1e-5, max: 0.02, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (dcs, workers, rttIntraDc, interFactor, fsync, followerShare, kubernetesWriteCost) => {
          // Arrange: random timings (a remote round trip is never faster than a local one).
          const raft = { rttIntraDc, rttInterDc: rttIntraDc * interFactor, fsync };
          const a: EtcdModelAssumptions = { ...ETCD_MODEL_ASSUMPTIONS, capacity: { ...CAPACITY_ASSUMPTIONS, followerShare, kubernetesWriteCost } };
          // Act
          const load = { workers, podsPerNodeLimit: 110, leaderElectionRetryPeriod: 2 };
          const perf = SIZES.map((n) => etcdPerformance({ voterDatacenters: roundRobin(n, dcs), learners: 0, timings: raft, load }, a));
          // Assert
          for (let i = 1; i < perf.length; i++) {
            const [prev, next] = [perf[i - 1]!, perf[i]!];
            const why = `${SIZES[i - 1]} -> ${SIZES[i]} members over ${dcs} dcs: ${JSON.stringify({ prev: prev.write, next: next.write })}`;
            expect(next.failuresTolerated, why).toBeGreaterThanOrEqual(prev.failuresTolerated);
            expect(next.capacityWritesPerSecond, why).toBeLessThanOrEqual(prev.capacityWritesPerSecond);
            expect(writeP99Ms(next) + 1e-9, why).toBeGreaterThanOrEqual(writeP99Ms(prev));
            if (prev.write.kind === 'ok' && next.write.kind === 'ok') {
              expect(next.write.meanMs + 1e-9, why).toBeGreaterThanOrEqual(prev.write.meanMs);
              expect(next.write.p50Ms + 1e-9, why).toBeGreaterThanOrEqual(prev.write.p50Ms);
            }
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('should saturate when the offered load reaches the leader capacity', () => {
    // Arrange: a Kubernetes write costing so much that 5,000 workers overwhelm 9 members.
    const a: EtcdModelAssumptions = { ...ETCD_MODEL_ASSUMPTIONS, capacity: { ...CAPACITY_ASSUMPTIONS, kubernetesWriteCost: 40 } };
    const s = sized(9, 3, 5000, { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 });
    // Act
    const p = etcdPerformanceOf(s, undefined, a)['prod']!;
    // Assert: 44,341 / (40 * 2.5) = 443 writes/s against 545 offered.
    expect(p.utilisation).toBeGreaterThan(1);
    expect(p.write.kind).toBe('saturated');
    expect(writeP99Ms(p)).toBe(Infinity);
  });

  it('should pay the inter-datacenter round trip as soon as the quorum spans datacenters', () => {
    const raft = { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 };
    const one = etcdPerformanceOf(sized(3, 1, 100, raft))['prod']!;
    const three = etcdPerformanceOf(sized(3, 3, 100, raft))['prod']!;
    expect(one.commitMs.slowestLeader).toBeCloseTo(2.5, 9);
    expect(three.commitMs.fastestLeader).toBeCloseTo(52, 9);
    expect(one.write.kind === 'ok' && one.write.p99Ms).toBeLessThan(5);
    expect(three.write.kind === 'ok' && three.write.p99Ms).toBeGreaterThan(52);
  });

  it('should agree with the topology on where members live', () => {
    const raft = { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 };
    for (const n of SIZES) {
      for (const dcs of [1, 2, 3, 4]) {
        const load = { workers: 100, podsPerNodeLimit: 110, leaderElectionRetryPeriod: 2 };
        const direct = etcdPerformance({ voterDatacenters: roundRobin(n, dcs), learners: 0, timings: raft, load });
        expect(etcdPerformanceOf(sized(n, dcs, 100, raft))['prod']).toEqual(direct);
      }
    }
  });

  it('should place stacked members on their control-plane nodes', () => {
    const raft = { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 };
    const s = scenario({ clusters: [cluster({ datacenters: ['a', 'b'], controlPlane: { nodes: 3 }, etcd: { members: 3 } })], raft });
    const p = etcdPerformanceOf(s)['prod']!;
    // Members on a, b, a: the member on b leads a third of the time and pays 50 ms.
    expect(p.datacenters).toBe(2);
    expect(p.commitMs.fastestLeader).toBeCloseTo(2.5, 9);
    expect(p.commitMs.slowestLeader).toBeCloseTo(52, 9);
  });

  it('should pin the reference figures of 5 members over 3 datacenters at 1,000 workers', () => {
    const p = etcdPerformance({
      voterDatacenters: [0, 1, 2, 0, 1],
      learners: 0,
      timings: { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 },
      load: { workers: 1000, podsPerNodeLimit: 110, leaderElectionRetryPeriod: 2 },
    });
    const r = (x: number) => Math.round(x * 1000) / 1000;
    expect(r(p.load.total)).toBe(109.889);
    expect(r(p.capacityWritesPerSecond)).toBe(2956.067);
    expect(p.write.kind === 'ok' && [r(p.write.meanMs), r(p.write.p50Ms), r(p.write.p99Ms)]).toEqual([52.351, 52.244, 53.618]);
  });
});

describe('spec.etcdLoad', () => {
  it('should give the model its defaults when the scenario leaves it out', () => {
    expect(etcdModelAssumptions(ETCD_LOAD_DEFAULTS)).toEqual(ETCD_MODEL_ASSUMPTIONS);
  });

  it('should carry each field into the figures', () => {
    // Arrange: 3 members in one datacenter at 5,000 workers.
    const raft = { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 };
    const base = sized(3, 1, 5000, raft);
    const at = (etcdLoad: Partial<typeof ETCD_LOAD_DEFAULTS>) => etcdPerformanceOf({ ...base, etcdLoad: { ...ETCD_LOAD_DEFAULTS, ...etcdLoad } })['prod']!;
    const dflt = at({});
    // Act and assert: pods churn 144 times faster, so pods and events write 144 times as much.
    const churn = at({ podLifetime: 600 });
    expect(churn.load.pods).toBeCloseTo(dflt.load.pods * 144, 6);
    expect(churn.load.events).toBeCloseTo(dflt.load.events * 144, 6);
    expect(churn.load.nodeLeases).toBe(dflt.load.nodeLeases);
    // 5,000 x 30 / 600 x 16 = 4,000 writes/s of pods and events, plus 517 of node leases and status,
    // against 4,434 of capacity: saturated. An hour's pod life (1,184 writes/s) is not.
    expect(churn.write.kind).toBe('saturated');
    expect(at({ podLifetime: 3600 }).write.kind).toBe('ok');
    const separate = at({ podLifetime: 600, eventsInSeparateEtcd: true });
    expect(separate.load.events).toBe(0);
    expect(separate.write.kind).toBe('ok');
    // Capacity scales with the leader's benchmark and falls with the cost of a write.
    expect(at({ leaderWritesPerSecond: 2 * 44_341 }).capacityWritesPerSecond).toBeCloseTo(2 * dflt.capacityWritesPerSecond, 6);
    expect(at({ writeCost: 20 }).capacityWritesPerSecond).toBeCloseTo(dflt.capacityWritesPerSecond / 2, 6);
    expect(at({ leaseRenewInterval: 20 }).load.nodeLeases).toBeCloseTo(dflt.load.nodeLeases / 2, 9);
    expect(at({ nodeStatusReportInterval: 60 }).load.nodeStatus).toBeCloseTo(dflt.load.nodeStatus * 5, 9);
    expect(at({ podsPerNode: 60, writesPerPod: 22 }).load.pods).toBeCloseTo(dflt.load.pods * 4, 9);
  });
});
