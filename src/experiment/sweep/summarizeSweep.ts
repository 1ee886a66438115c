/** Builds the sweep's summary document from each point's digests: a pure function, identical for serial, parallel and merged runs. */
import { ETCD_MODEL_ASSUMPTIONS, etcdHeadroomOf, etcdModelAssumptions, etcdPerformanceOf, type EtcdPerformance, type Headroom } from '../../model/latency/index.js';
import { hostCounts } from '../../scenario/hostCounts.js';
import type { Role } from '../../scenario/Scenario.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { aggregate, type CostModel } from '../aggregate.js';
import { KUBESIM_VERSION } from '../version.js';
import type { ReplicationDigest } from '../Digest.js';
import type { SignalSummary, Summary } from '../Summary.js';
import { checkPoint } from './checkPoint.js';
import { compareDesigns } from './compareDesigns.js';
import { hasObjectives, type Objectives } from './Objectives.js';
import { givenPaths } from './givenPaths.js';
import { recommend } from './recommend.js';
import type { SweepParameter, SweepSummary } from './SweepSummary.js';

/** One point of the grid, ready to run. */
export interface SweepPoint {
  readonly label: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly scenario: Scenario;
}

export interface SweepDefinition {
  readonly scenario: string;
  readonly parameters: readonly SweepParameter[];
  readonly objectives: Objectives;
  readonly points: readonly SweepPoint[];
}

/** `etcd.members=5, workers.nodes=1000`; values as JSON writes them (strings without quotes). */
export function pointLabel(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([path, v]) => `${path}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/**
 * `digests[i]` are point i's digests, in any order. Points that share the given values (the
 * load: see givenPaths) are compared with each other, and each such group gets its
 * recommendation. The headline availability that breaks cost ties is the first availability
 * objective's signal (apiWrite without one) in the first cluster that has it.
 */
export function summarizeSweep(def: SweepDefinition, digests: readonly (readonly ReplicationDigest[])[], costModel: CostModel): SweepSummary {
  return summarizePoints(
    def,
    def.points.map((p, i) => aggregate(p.scenario, digests[i] ?? [], costModel)),
  );
}

/** The same from each point's summary already made (adaptive runs make their own: see runToPrecision). */
export function summarizePoints(def: SweepDefinition, summaries: readonly Summary[]): SweepSummary {
  const points = def.points.map((p, i) => {
    const summary = summaries[i]!;
    const etcd = roundDeep(etcdPerformanceOf(p.scenario)) as Record<string, EtcdPerformance>;
    const headroom = roundDeep(etcdHeadroomOf(p.scenario, def.objectives.maxWriteP99Ms)) as Record<string, Headroom>;
    return { label: p.label, values: p.values, summary, etcd, headroom, hosts: hostsOf(p.scenario), verdict: checkPoint(summary, etcd, def.objectives) };
  });
  const signal = def.objectives.availability[0]?.signal ?? 'apiWrite';
  const given = givenPaths(def.parameters);
  const groups = new Map<string, { given: Record<string, unknown>; members: number[] }>();
  points.forEach((p, i) => {
    const values = Object.fromEntries(given.map((path) => [path, p.values[path]]));
    const key = pointLabel(values);
    const g = groups.get(key) ?? { given: values, members: [] };
    g.members.push(i);
    groups.set(key, g);
  });
  const recommendations = [...groups].map(([label, g]) => {
    const recommendation = recommend(
      g.members.map((i) => {
        const p = points[i]!;
        return { index: i, label: p.label, costPerMonth: p.summary.cost.perMonth, availability: headline(p.summary, signal)?.availability.mean ?? NaN, verdict: p.verdict };
      }),
      hasObjectives(def.objectives),
    );
    const { runnerUp, alternatives } = compareDesigns(points, g.members, recommendation, (i) => headline(points[i]!.summary, signal));
    return { given: g.given, label, points: g.members, recommendation, runnerUp, alternatives };
  });
  const first = def.points[0]?.scenario;
  return {
    kubesim: KUBESIM_VERSION,
    kind: 'sweep',
    scenario: def.scenario,
    seed: first?.seed ?? 0,
    replications: first?.replications ?? 0,
    horizonSeconds: first?.horizon ?? 0,
    parameters: def.parameters,
    objectives: def.objectives,
    points,
    given,
    recommendations,
    // The first point's (swept spec.etcdLoad fields differ by point, as each point's label says).
    assumptions: { etcd: first ? etcdModelAssumptions(first.etcdLoad) : ETCD_MODEL_ASSUMPTIONS },
  };
}

/** The signal weighed: in the first cluster that has it, else the global one. */
function headline(s: Summary, signal: string): SignalSummary | undefined {
  for (const c of Object.values(s.clusters)) {
    const v = c.signals[signal];
    if (v) return v;
  }
  return s.global.signals[signal];
}

/** Hosts over every cluster of a scenario, by role. */
function hostsOf(s: Scenario): Record<Role, number> {
  const total: Record<Role, number> = { controlPlane: 0, etcd: 0, worker: 0, loadBalancer: 0 };
  for (const c of s.clusters) for (const [role, n] of Object.entries(hostCounts(c)) as [Role, number][]) total[role] += n;
  return total;
}

/** Rounds every number to 4 decimals (stable, readable JSON); Infinity and NaN are left to JSON (null). */
function roundDeep(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : v;
  if (Array.isArray(v)) return v.map(roundDeep);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]));
  return v;
}
