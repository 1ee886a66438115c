/** etcd's write load, capacity and write latency for one cluster: the figures a capacity planner weighs against availability. */
import type { EtcdLoadSettings } from '../../scenario/Scenario.js';
import { failuresTolerated } from '../../quorum/index.js';
import { commitDelays, type LinkTimings } from './commitDelays.js';
import { CAPACITY_ASSUMPTIONS, capacityAssumptions, leaderCapacity, type CapacityAssumptions } from './leaderCapacity.js';
import { sojournMean, sojournQuantile } from './sojournQuantile.js';
import { WRITE_LOAD_ASSUMPTIONS, writeLoad, writeLoadAssumptions, type LoadInput, type WriteLoad, type WriteLoadAssumptions } from './writeLoad.js';

export interface EtcdModelAssumptions {
  readonly load: WriteLoadAssumptions;
  readonly capacity: CapacityAssumptions;
}

/** The model's assumptions from a scenario's spec.etcdLoad. */
export function etcdModelAssumptions(s: EtcdLoadSettings): EtcdModelAssumptions {
  return { load: writeLoadAssumptions(s), capacity: capacityAssumptions(s) };
}

/** The defaults (a scenario without spec.etcdLoad). */
export const ETCD_MODEL_ASSUMPTIONS: EtcdModelAssumptions = { load: WRITE_LOAD_ASSUMPTIONS, capacity: CAPACITY_ASSUMPTIONS };

/** What the model needs to know about one etcd cluster and the Kubernetes cluster it serves. */
export interface EtcdInput {
  /** Datacenter of each voting member, in member order. */
  readonly voterDatacenters: readonly number[];
  readonly learners: number;
  readonly timings: LinkTimings;
  readonly load: LoadInput;
}

/**
 * The latency of a Kubernetes write as etcd commits it (apiserver time not included). `ok`: the
 * leader keeps up; `saturated`: writes arrive faster than the leader commits them, the queue
 * grows without bound and every latency figure is infinite.
 */
export type WriteLatency =
  | { readonly kind: 'ok'; readonly meanMs: number; readonly p50Ms: number; readonly p99Ms: number }
  | { readonly kind: 'saturated'; readonly excessWritesPerSecond: number };

export interface EtcdPerformance {
  readonly members: number;
  readonly learners: number;
  readonly failuresTolerated: number;
  /** Distinct datacenters the voters live in. */
  readonly datacenters: number;
  /** Offered writes per second, by source. */
  readonly load: WriteLoad;
  /** Writes per second the leader can commit. */
  readonly capacityWritesPerSecond: number;
  /** Offered load over capacity; 1 or more is saturation. */
  readonly utilisation: number;
  /** Commit time without queueing (round trip to the quorum's last follower + fsync), best and worst leader. */
  readonly commitMs: { readonly fastestLeader: number; readonly slowestLeader: number };
  readonly write: WriteLatency;
}

/**
 * The leader's commit pipeline is one M/M/1 server with the leader's capacity as its service rate
 * and the offered write rate as Poisson arrivals (an assumption: many independent kubelets and
 * controllers); after the queue, a write waits its commit delay, set by which member leads. Any
 * voter may lead, each equally likely (etcd has no leader preference: whoever times out first
 * wins), so latency percentiles are over that mix: with 3 members over 2 datacenters, a third
 * of the time the leader sits alone and every write pays the inter-datacenter round trip, which
 * then sets the p99.
 */
export function etcdPerformance(input: EtcdInput, a: EtcdModelAssumptions = ETCD_MODEL_ASSUMPTIONS): EtcdPerformance {
  const members = input.voterDatacenters.length;
  const load = writeLoad(input.load, a.load);
  const capacity = leaderCapacity(members, input.learners, a.capacity);
  const delays = commitDelays(input.voterDatacenters, input.timings);
  const lambda = load.total;
  const write: WriteLatency =
    lambda >= capacity
      ? { kind: 'saturated', excessWritesPerSecond: lambda - capacity }
      : {
          kind: 'ok',
          meanMs: sojournMean(delays, lambda, capacity) * 1000,
          p50Ms: sojournQuantile(delays, lambda, capacity, 0.5) * 1000,
          p99Ms: sojournQuantile(delays, lambda, capacity, 0.99) * 1000,
        };
  return {
    members,
    learners: input.learners,
    failuresTolerated: failuresTolerated(members),
    datacenters: new Set(input.voterDatacenters).size,
    load,
    capacityWritesPerSecond: capacity,
    utilisation: lambda / capacity,
    commitMs: { fastestLeader: Math.min(...delays) * 1000, slowestLeader: Math.max(...delays) * 1000 },
    write,
  };
}

/** The write p99 in milliseconds; Infinity when saturated. */
export function writeP99Ms(p: EtcdPerformance): number {
  return p.write.kind === 'ok' ? p.write.p99Ms : Infinity;
}
