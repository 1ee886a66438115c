/**
 * How much work a run will be, estimated before it starts (docs/limits.md): the events its
 * replications will process, extrapolated from a short pilot of replication 0, plus the cost of
 * building each replication's world, and the memory its worlds hold.
 *
 * The pilot runs replication 0 until PILOT_EVENTS events or the horizon; when it reaches the
 * horizon the count is exact for that replication. Otherwise the pace of the pilot's second half
 * (past the start-up transients) is extrapolated to the horizon. Every replication is assumed to
 * cost what replication 0 does; for several scenarios (compare, a sweep's grid) the estimate is
 * the sum over them, or over a spread sample of them scaled to their number.
 */
import { measurePace } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import { MODEL_PRESETS } from '../scenario/presets.js';
import type { Scenario } from '../scenario/Scenario.js';

/** Events the pilot of one scenario runs at most; the quick pilot that comes first. */
export const PILOT_EVENTS = 500_000;
export const QUICK_PILOT_EVENTS = 50_000;
/** Scenarios of a grid that get a pilot; the rest are estimated from them. */
export const PILOT_SAMPLE = 8;
/**
 * Building a world costs about as much as WORLD_FIXED events, plus WORLD_PER_CLUSTER per cluster
 * and WORLD_PER_COMPONENT per component (measured on the reference machine: ~0.5 ms, ~0.6 ms per
 * cluster and ~10 µs per component, against ~1 µs per event).
 */
export const WORLD_FIXED = 500;
export const WORLD_PER_CLUSTER = 600;
export const WORLD_PER_COMPONENT = 10;
/** Bytes a world holds per component (measured: ~6.5 KB), and the process's own. */
export const BYTES_PER_COMPONENT = 8 * 1024;
export const BASE_BYTES = 150 * 1024 * 1024;
/** Bytes a replication's digest keeps per signal until the summary (measured: ~2.2 KB). */
export const BYTES_PER_SIGNAL = 2.5 * 1024;

/** The default budgets; `--max-work` raises the first (docs/limits.md). */
export const WORK_BUDGET = 1e9;
export const MEMORY_BUDGET = 4 * 1024 ** 3;

/** What to run: a scenario and how many of its replications. */
export interface WorkItem {
  readonly scenario: Scenario;
  readonly replications: number;
}

export interface WorkEstimate {
  /** Simulated events, all replications. */
  readonly events: number;
  /** Replications (worlds built). */
  readonly replications: number;
  /** Components of the largest world. */
  readonly components: number;
  /** Events plus world building, in event-equivalents: what the budget limits. */
  readonly work: number;
  /** Peak memory: one world per thread, plus the process. */
  readonly memoryBytes: number;
}

/** Components a scenario's world has, from its spec alone (the topology may be too big to build). */
export function componentCount(s: Scenario): number {
  let n = 0;
  for (const c of s.clusters) {
    // A single-host cluster is cp-1, etcd-1 and worker-1 on one host (model/Topology.ts).
    if (MODEL_PRESETS[c.model].singleHost) n += 3;
    else n += c.controlPlane.nodes + c.etcd.members + c.etcd.learners + c.workers.nodes + (c.loadBalancer.enabled ? c.loadBalancer.datacenters.length : 0);
  }
  return n;
}

/** The memory and world-building part alone: cheap, and safe for scenarios too big to pilot. */
export function worldEstimate(items: readonly WorkItem[], jobs: number): WorkEstimate {
  let replications = 0;
  let components = 0;
  let work = 0;
  let digestBytes = 0;
  for (const { scenario, replications: r } of items) {
    const n = componentCount(scenario);
    replications += r;
    components = Math.max(components, n);
    work += r * (WORLD_FIXED + WORLD_PER_CLUSTER * scenario.clusters.length + WORLD_PER_COMPONENT * n);
    digestBytes += r * signalCount(scenario) * BYTES_PER_SIGNAL;
  }
  const memoryBytes = BASE_BYTES + Math.max(1, jobs) * components * BYTES_PER_COMPONENT + digestBytes;
  return { events: 0, replications, components, work, memoryBytes };
}

/** About how many signals a replication records: five per cluster, one per tenant, three global at most. */
function signalCount(s: Scenario): number {
  return s.clusters.reduce((n, c) => n + 5 + c.tenants.length, 3);
}

/** Events one replication of `s` processes: exact when the pilot reaches the horizon, else extrapolated. */
export function eventsPerReplication(s: Scenario, pilotEvents = PILOT_EVENTS): number {
  const p = measurePace(s, buildTopology(s), 0, pilotEvents);
  if (p.complete) return p.events;
  const span = p.simulated - p.half.simulated;
  const pace = span > 0 ? (p.events - p.half.events) / span : p.events / Math.max(p.simulated, Number.MIN_VALUE);
  return p.events + pace * (s.horizon - p.simulated);
}

/**
 * The whole estimate: worlds and memory, then events from pilots of (a sample of) the scenarios.
 * A quick pilot of QUICK_PILOT_EVENTS comes first; when its estimate is at most `enough` (a
 * fraction of the budget) it stands, so a run far inside the budget pays for no more.
 */
export function estimateWork(items: readonly WorkItem[], jobs: number, enough = 0): WorkEstimate {
  const quick = piloted(items, jobs, QUICK_PILOT_EVENTS);
  return quick.work <= enough ? quick : piloted(items, jobs, PILOT_EVENTS);
}

function piloted(items: readonly WorkItem[], jobs: number, pilotEvents: number): WorkEstimate {
  const worlds = worldEstimate(items, jobs);
  const sample = spread(items.length, PILOT_SAMPLE);
  let events = 0;
  if (sample.length === items.length) {
    for (const it of items) events += it.replications * eventsPerReplication(it.scenario, pilotEvents);
  } else {
    // A grid: the busiest sampled point stands for every point (its replications alike).
    let perReplication = 0;
    for (const i of sample) perReplication = Math.max(perReplication, eventsPerReplication(items[i]!.scenario, pilotEvents));
    events = perReplication * worlds.replications;
  }
  return { ...worlds, events, work: worlds.work + events };
}

/** Up to `k` indices spread evenly over 0..n-1, first and last included. */
function spread(n: number, k: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  return [...new Set(Array.from({ length: k }, (_, j) => Math.round((j * (n - 1)) / (k - 1))))];
}
