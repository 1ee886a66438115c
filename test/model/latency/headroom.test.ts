import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETCD_MODEL_ASSUMPTIONS, etcdPerformance, headroom, solveIncreasing, type EtcdInput } from '../../../src/model/latency/index.js';
import { runs } from '../../runs.js';

/** An etcd cluster of `members` over `dcs` datacenters (round-robin, as the topology places them). */
function input(members: number, dcs: number, timings = { rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 }): EtcdInput {
  return {
    voterDatacenters: Array.from({ length: members }, (_, i) => i % dcs),
    learners: 0,
    timings,
    load: { workers: 100, podsPerNodeLimit: 110, leaderElectionRetryPeriod: 2 },
  };
}

/** The model evaluated at a worker count: what the solved headroom must agree with. */
function at(i: EtcdInput, workers: number) {
  return etcdPerformance({ ...i, load: { ...i.load, workers } }, ETCD_MODEL_ASSUMPTIONS);
}

describe('headroom', () => {
  it('should solve the p99 objective: the load model evaluated at the solved worker count gives the objective', () => {
    // Arrange: 3 members in one datacenter, a 10 ms objective (the commit alone is 2.5 ms).
    const i = input(3, 1);
    // Act
    const h = headroom(i, 10, ETCD_MODEL_ASSUMPTIONS);
    // Assert: at the solution the p99 is the objective, and the write rate is the model's.
    expect(h.objective?.kind).toBe('reached');
    if (h.objective?.kind !== 'reached') return;
    const there = at(i, h.objective.workers);
    expect(there.write.kind).toBe('ok');
    if (there.write.kind === 'ok') expect(there.write.p99Ms).toBeCloseTo(10, 6);
    expect(h.objective.writesPerSecond).toBeCloseTo(there.load.total, 9);
    // Just past it, the objective is missed.
    const past = at(i, h.objective.workers * (1 + 1e-6));
    expect(past.write.kind === 'ok' ? past.write.p99Ms : Infinity).toBeGreaterThan(10);
  });

  it('should solve saturation: the leader is exactly at capacity there', () => {
    // Arrange
    const i = input(5, 3);
    // Act
    const h = headroom(i, null, ETCD_MODEL_ASSUMPTIONS);
    // Assert: utilisation 1 at the solution (the load model's offered rate equals the capacity), no objective asked.
    expect(at(i, h.saturation.workers).utilisation).toBeCloseTo(1, 9);
    expect(h.saturation.writesPerSecond).toBeCloseTo(at(i, h.saturation.workers).capacityWritesPerSecond, 4);
    expect(h.objective).toBeNull();
  });

  it('should call an objective below the bare commit delay unreachable, with that floor', () => {
    // Arrange: members over 3 datacenters commit in a 50 ms round trip plus the fsync.
    const i = input(3, 3);
    // Act
    const h = headroom(i, 20, ETCD_MODEL_ASSUMPTIONS);
    // Assert: the floor is the p99 with no workers at all (the commit plus the control plane's own queueing).
    const bare = at(i, 0);
    expect(h.objective).toEqual({ kind: 'unreachable', floorMs: bare.write.kind === 'ok' ? bare.write.p99Ms : NaN });
    expect(h.objective?.kind === 'unreachable' && h.objective.floorMs).toBeGreaterThan(52);
  });

  it('should give more members less headroom: the one leader sends to more followers', () => {
    // Arrange / Act
    const [three, five, seven] = [3, 5, 7].map((n) => headroom(input(n, 1), 10, ETCD_MODEL_ASSUMPTIONS));
    // Assert
    expect(five!.saturation.workers).toBeLessThan(three!.saturation.workers);
    expect(seven!.saturation.workers).toBeLessThan(five!.saturation.workers);
  });

  it('should find the crossing of any increasing function to the stated precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (root, power) => {
        // Arrange: f(x) = x^power - root^power crosses 0 at root.
        const f = (x: number) => x ** power - root ** power;
        // Act
        const x = solveIncreasing(f);
        // Assert
        expect(Math.abs(x - root) / root).toBeLessThan(1e-8);
      }),
      { numRuns: runs(200) },
    );
  });
});
