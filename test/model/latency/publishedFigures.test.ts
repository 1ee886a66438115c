/**
 * The etcd load and latency model against published figures (docs/capacity-planning.md, "How far
 * to trust the model"). Each test names its source, the tolerance and what the agreement means:
 * a figure the model was calibrated from checks only the arithmetic, not the model.
 */
import { describe, expect, it } from 'vitest';
import { ETCD_MODEL_ASSUMPTIONS, etcdPerformance, headroom, solveIncreasing, type EtcdInput, type EtcdModelAssumptions } from '../../../src/model/latency/index.js';
import { RAFT_DEFAULTS } from '../../../src/scenario/defaults.js';

/**
 * etcd v3.5 "Performance" (https://etcd.io/docs/v3.5/op-guide/performance/): 3 members on GCE
 * n1-standard-8-class machines with SSD, one zone, 256-byte values, writes to the leader.
 */
const ETCD_BENCHMARK = { members: 3, oneClient: { writesPerSecond: 583, latencyMs: 1.6 }, thousandClients: { writesPerSecond: 44_341, latencyMs: 22 } };

/** The benchmark's own writes: one 256-byte put is one benchmark write (writeCost 1). */
const BENCHMARK_ASSUMPTIONS: EtcdModelAssumptions = { ...ETCD_MODEL_ASSUMPTIONS, capacity: { ...ETCD_MODEL_ASSUMPTIONS.capacity, kubernetesWriteCost: 1 } };

/** The same page's description of its hardware class: round trips of "several hundred microseconds" in a datacenter, SSD fsync "often lower than 1 ms". */
const BENCHMARK_TIMINGS = { rttIntraDc: 0.0005, rttInterDc: 0.0005, fsync: 0.001 };

/** 3 members in one datacenter, carrying `writesPerSecond` of the benchmark's puts (no Kubernetes load). */
function benchmarkCluster(timings: EtcdInput['timings']): EtcdInput {
  return { voterDatacenters: [0, 0, 0], learners: 0, timings, load: { workers: 0, podsPerNodeLimit: 110, leaderElectionRetryPeriod: Infinity } };
}

/** Mean latency (ms) of the model at an offered rate: commit delay plus M/M/1 time in system. */
function meanMsAt(input: EtcdInput, writesPerSecond: number): number {
  const perf = etcdPerformance(input, BENCHMARK_ASSUMPTIONS);
  const mu = perf.capacityWritesPerSecond;
  if (writesPerSecond >= mu) return Infinity;
  return perf.commitMs.fastestLeader + 1000 / (mu - writesPerSecond);
}

/**
 * A closed loop of `clients` that each write, wait for the answer and write again: by Little's
 * law throughput × latency = clients. Solved for the throughput on the model's mean latency.
 */
function closedLoop(input: EtcdInput, clients: number): { writesPerSecond: number; latencyMs: number } {
  const writesPerSecond = solveIncreasing((x) => (x * meanMsAt(input, x)) / 1000 - clients);
  return { writesPerSecond, latencyMs: meanMsAt(input, writesPerSecond) };
}

describe('the etcd model against etcd\'s published benchmark', () => {
  it('should give one client\'s write latency within 25% of the published 1.6 ms, on the benchmark\'s hardware class', () => {
    // Arrange: not calibrated from this figure: the commit delay is a round trip plus an fsync, the queue is near empty.
    const input = benchmarkCluster(BENCHMARK_TIMINGS);
    // Act
    const one = closedLoop(input, 1);
    // Assert: 1.5 ms against 1.6 ms; 667 writes/s against 583.
    expect(one.latencyMs / ETCD_BENCHMARK.oneClient.latencyMs).toBeGreaterThan(0.75);
    expect(one.latencyMs / ETCD_BENCHMARK.oneClient.latencyMs).toBeLessThan(1.25);
    expect(one.writesPerSecond / ETCD_BENCHMARK.oneClient.writesPerSecond).toBeLessThan(1.25);
  });

  it('should be slower than the benchmark with kubesim\'s default timings, which assume a loaded SSD (fsync 2 ms): conservative, by less than 2x', () => {
    // Arrange: the defaults every scenario starts from, members in one datacenter.
    const input = benchmarkCluster(defaultTimings());
    // Act
    const one = closedLoop(input, 1);
    // Assert: a disagreement stated, not hidden: 2.5 ms against the published 1.6 ms.
    expect(one.latencyMs).toBeGreaterThan(ETCD_BENCHMARK.oneClient.latencyMs);
    expect(one.latencyMs).toBeLessThan(2 * ETCD_BENCHMARK.oneClient.latencyMs);
  });

  it('should reproduce 1,000 clients (44,341 writes/s at 22 ms) within 2% and 10%: the capacity is calibrated from this row, so this checks the arithmetic only', () => {
    // Arrange
    const input = benchmarkCluster(BENCHMARK_TIMINGS);
    // Act
    const busy = closedLoop(input, 1000);
    // Assert
    expect(Math.abs(busy.writesPerSecond / ETCD_BENCHMARK.thousandClients.writesPerSecond - 1)).toBeLessThan(0.02);
    expect(Math.abs(busy.latencyMs / ETCD_BENCHMARK.thousandClients.latencyMs - 1)).toBeLessThan(0.1);
  });
});

describe('the etcd model against Kubernetes\' scalability SLO', () => {
  /**
   * Kubernetes SIG Scalability, "API call latency SLIs/SLOs" (kubernetes/community,
   * sig-scalability/slos/api_call_latency.md): mutating API calls for single objects, p99 per
   * cluster-day <= 1 s, in a default installation, which the project tests at 5,000 nodes
   * ("Considerations for large clusters"). etcd's commit is one part of that latency, so the
   * model's commit p99 at 5,000 workers must be under 1 s with room to spare: a one-sided test.
   */
  const SLO_MS = 1000;
  const NODES = 5000;

  for (const [members, dcs] of [[3, 1], [3, 3], [5, 3]] as const) {
    it(`should keep ${members} members over ${dcs} datacenter(s) under 1 s of write p99 at 5,000 workers, with default load and timings`, () => {
      // Arrange: the defaults (30 pods per node, replaced daily; a 10 s node lease; writeCost 10).
      const input: EtcdInput = {
        voterDatacenters: Array.from({ length: members }, (_, i) => i % dcs),
        learners: 0,
        timings: defaultTimings(),
        load: { workers: NODES, podsPerNodeLimit: 110, leaderElectionRetryPeriod: 2 },
      };
      // Act
      const perf = etcdPerformance(input, ETCD_MODEL_ASSUMPTIONS);
      const room = headroom(input, SLO_MS, ETCD_MODEL_ASSUMPTIONS);
      // Assert: not saturated, under the SLO, and the SLO is only passed beyond 5,000 workers.
      expect(perf.write.kind).toBe('ok');
      if (perf.write.kind === 'ok') expect(perf.write.p99Ms).toBeLessThan(SLO_MS);
      expect(room.objective?.kind === 'reached' && room.objective.workers).toBeGreaterThan(NODES);
    });
  }
});

function defaultTimings(): EtcdInput['timings'] {
  return { rttIntraDc: RAFT_DEFAULTS.rttIntraDc, rttInterDc: RAFT_DEFAULTS.rttInterDc, fsync: RAFT_DEFAULTS.fsync };
}
