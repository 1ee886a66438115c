import { describe, expect, it } from 'vitest';
import { WRITE_LOAD_ASSUMPTIONS, WRITES_PER_POD_LIFECYCLE, writeLoad } from '../../../src/model/latency/index.js';

describe('writeLoad', () => {
  const input = (workers: number, podsPerNodeLimit = 110) => ({ workers, podsPerNodeLimit, leaderElectionRetryPeriod: 2 });

  it('should renew one node lease per worker every 10 s', () => {
    // Arrange / Act
    const load = writeLoad(input(5000));
    // Assert: the kubelet's 10 s lease renewal dominates a large cluster's writes.
    expect(load.nodeLeases).toBe(500);
    expect(load.nodeStatus).toBeCloseTo(5000 / 300, 9);
    expect(load.nodeLeases / load.total).toBeGreaterThan(0.9);
  });

  it('should itemise eleven writes per pod lifecycle', () => {
    expect(WRITE_LOAD_ASSUMPTIONS.writesPerPod).toBe(Object.values(WRITES_PER_POD_LIFECYCLE).reduce((a, b) => a + b, 0));
    expect(WRITE_LOAD_ASSUMPTIONS.writesPerPod).toBe(11);
  });

  it('should cap the pod density at the scenario podsPerNode', () => {
    const dense = writeLoad(input(100, 110));
    const sparse = writeLoad(input(100, 10));
    expect(sparse.pods / dense.pods).toBeCloseTo(10 / 30, 12);
  });

  it('should be linear in workers apart from the two control-plane leader leases', () => {
    const small = writeLoad(input(100));
    const large = writeLoad(input(5000));
    expect(small.controlPlaneLeases).toBe(1);
    expect(large.total - 1).toBeCloseTo(50 * (small.total - 1), 9);
  });

  it('should drop events when they go to a separate etcd', () => {
    const load = writeLoad(input(1000), { ...WRITE_LOAD_ASSUMPTIONS, eventsInSeparateEtcd: true });
    expect(load.events).toBe(0);
  });

  it('should pin the reference figures (a deliberate change updates them)', () => {
    // 5,000 workers x 30 pods, pods living a day: 150,000 / 86,400 pod starts per second.
    const load = writeLoad(input(5000));
    expect(Math.round(load.total * 100) / 100).toBe(545.44);
    expect(Math.round(writeLoad(input(100)).total * 100) / 100).toBe(11.89);
  });
});
