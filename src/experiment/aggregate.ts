/** Builds the summary document from the digests of every replication, in replication order. */
import { LogHistogram, YEAR } from '../kernel/index.js';
import { downtimeCauses } from '../model/causes/downtimeCauses.js';
import { buildTopology } from '../model/Topology.js';
import { failuresTolerated } from '../quorum/index.js';
import { nameRecord, ownEntry } from '../scenario/nameRecord.js';
import type { ClusterSpec, Scenario } from '../scenario/Scenario.js';
import { availabilityInterval } from './availabilityInterval.js';
import type { ReplicationDigest, SignalDigest } from './Digest.js';
import { exactAvailabilities, exactValue } from './exactValues.js';
import { withQuorumEvidence } from './quorumEvidence.js';
import { estimate } from './statistics.js';
import { DOMINANT_OUTAGES, trustOf } from './trust.js';
import { assumedOutageSeconds, zeroOutageBound } from './zeroOutageBound.js';
import type { ClusterSummary, CostSummary, ReplicationRow, SignalSummary, Summary, TenantSummary, WorstReplication } from './Summary.js';
import { KUBESIM_VERSION } from './version.js';

/** Prices a cluster's hosts per month (the report layer's cost model, passed in from above). */
export type CostModel = (scenario: Scenario, cluster: ClusterSpec) => Omit<CostSummary, 'downtimePerMonth'>;

/**
 * The summary is a pure function of the scenario and the digests taken in replication order, so
 * a serial run, a parallel run and merged shards all give the same document, byte for byte.
 */
export function aggregate(s: Scenario, digests: readonly ReplicationDigest[], costModel: CostModel): Summary {
  const ordered = [...digests].sort((a, b) => a.replication - b.replication);
  const horizon = s.horizon;
  const bySignal = new Map<string, SignalDigest[]>();
  const replicationsOf = new Map<string, number[]>();
  for (const d of ordered) {
    for (const sd of d.signals) {
      const key = `${sd.cluster}\u0000${sd.signal}`;
      let list = bySignal.get(key);
      if (!list) {
        bySignal.set(key, (list = []));
        replicationsOf.set(key, []);
      }
      list.push(sd);
      replicationsOf.get(key)!.push(d.replication);
    }
  }
  // Everything below depends on the scenario alone, never on which replications ran where.
  const topology = buildTopology(s);
  const context: SignalContext = {
    horizon,
    assumedOutageSeconds: assumedOutageSeconds(s, topology),
    exact: exactAvailabilities(s),
    causes: downtimeCauses(s, topology).keys,
  };
  const signalsOf = (cluster: string): Record<string, SignalSummary> => {
    const out = nameRecord<SignalSummary>();
    for (const [key, list] of bySignal) {
      const [c, name] = key.split('\u0000') as [string, string];
      if (c === cluster) out[name] = summarizeSignal(list, replicationsOf.get(key)!, context, context.exact.get(key));
    }
    return out;
  };
  const clusters = nameRecord<ClusterSummary>();
  let totalCost = 0;
  let totalDowntimeCost = 0;
  const currency = s.cost.currency;
  for (const spec of s.clusters) {
    const signals = withQuorumEvidence(signalsOf(spec.name));
    const base = costModel(s, spec);
    totalCost += base.perMonth;
    const price = s.cost.downtimePerMinute;
    const apiWrite = signals['apiWrite'];
    const downtimePerMonth =
      price !== undefined && apiWrite ? round2(((apiWrite.downtimeSecondsPerYear / 12) / 60) * price) : undefined;
    if (downtimePerMonth !== undefined) totalDowntimeCost += downtimePerMonth;
    const fractions = ordered.map((d) => d.replicaFraction.find(([c]) => c === spec.name)?.[1] ?? NaN);
    const tenants = tenantSummaries(spec, ordered, horizon);
    clusters[spec.name] = {
      model: spec.model,
      signals,
      ...(spec.workloads.length > 0 ? { replicaFraction: estimate(fractions, 0, 1) } : {}),
      etcdFailuresTolerated: failuresTolerated(spec.etcd.members),
      ...(tenants ? { tenants } : {}),
      cost: { ...base, ...(downtimePerMonth !== undefined ? { downtimePerMonth } : {}) },
    };
  }
  const reach = ordered.map((d) => d.badVersionReach).filter((x): x is number => x !== null);
  return {
    kubesim: KUBESIM_VERSION,
    scenario: s.name,
    seed: s.seed,
    replications: ordered.length,
    horizonSeconds: horizon,
    clusters,
    global: {
      signals: globalSignals(s, signalsOf('global'), clusters),
      ...(reach.length > 0 ? { badVersionReach: estimate(reach) } : {}),
    },
    cost: {
      currency,
      perMonth: round2(totalCost),
      ...(s.cost.downtimePerMinute !== undefined ? { downtimePerMonth: round2(totalDowntimeCost) } : {}),
    },
  };
}

/** What every signal's summary needs from the scenario. */
interface SignalContext {
  readonly horizon: number;
  /** The outage length the zero-outage bound assumes (0 when nothing can fail). */
  readonly assumedOutageSeconds: number;
  /** Exact availabilities by `cluster\u0000signal`, where `kubesim analytic` has one. */
  readonly exact: ReadonlyMap<string, number>;
  /** The keys of the causes downtime is attributed to, by cause id. */
  readonly causes: readonly string[];
}

/** The global signals, those that are a cluster's apiWrite (management, configPush) as sure as that cluster's quorum. */
function globalSignals(s: Scenario, signals: Record<string, SignalSummary>, clusters: Readonly<Record<string, ClusterSummary>>): Record<string, SignalSummary> {
  let out = signals;
  if (s.management) out = withQuorumEvidence(out, ownEntry(clusters, s.management.cluster)?.signals['etcdQuorum'], ['management']);
  if (s.federation) out = withQuorumEvidence(out, ownEntry(clusters, s.federation.hostCluster)?.signals['etcdQuorum'], ['configPush']);
  return out;
}

/** The replication (number) with the most downtime in `list`, the first of equals; null when none was down. */
function worstOf(list: readonly SignalDigest[], replications: readonly number[]): WorstReplication | null {
  let worst = -1;
  for (let i = 0; i < list.length; i++) if (list[i]!.downSeconds > 0 && (worst < 0 || list[i]!.downSeconds > list[worst]!.downSeconds)) worst = i;
  if (worst < 0) return null;
  const d = list[worst]!;
  return { replication: replications[worst]!, downSeconds: round4(d.downSeconds), outages: d.outages };
}

function summarizeSignal(list: readonly SignalDigest[], replications: readonly number[], context: SignalContext, exact: number | undefined): SignalSummary {
  const { horizon } = context;
  const totalTime = list.length * horizon;
  let down = 0;
  let outages = 0;
  let longest = 0;
  let shortest = Infinity;
  const hist = new LogHistogram();
  const longestOutages: number[] = [];
  for (const d of list) {
    down += d.downSeconds;
    outages += d.outages;
    if (d.outages > 0) {
      longest = Math.max(longest, d.longestOutage);
      shortest = Math.min(shortest, d.shortestOutage);
    }
    for (const [b, c] of d.histogram) hist.counts[b]! += c;
    hist.total += d.histogram.reduce((a, [, c]) => a + c, 0);
    longestOutages.push(...d.longestOutages);
  }
  // The longest over all replications are among each replication's longest.
  longestOutages.sort((x, y) => y - x);
  const bound = outages === 0 ? zeroOutageBound(totalTime, context.assumedOutageSeconds) : null;
  const interval = availabilityInterval({
    values: list.map((d) => d.upSeconds / (d.upSeconds + d.downSeconds)),
    outages,
    downSeconds: down,
    totalSeconds: totalTime,
    histograms: list.map((d) => d.histogram),
  });
  // No outage: the two-sided interval would collapse on 100%; the one-sided bound is the honest lower end.
  const availability = bound && interval.ci95 ? { mean: interval.mean, ci95: [bound.availability, 1] as const } : interval;
  const a = availability.mean;
  return {
    availability,
    method: 'naive',
    trust: trustOf({
      replications: list.length,
      outages,
      downSeconds: down,
      longestOutages: longestOutages.slice(0, DOMINANT_OUTAGES),
      totalSeconds: totalTime,
      canFail: context.assumedOutageSeconds > 0,
    }),
    bound,
    exact: exactValue(exact, availability.ci95),
    nines: a >= 1 ? null : round4(-Math.log10(1 - a)),
    downtimeSecondsPerYear: round4((down / totalTime) * YEAR),
    outagesPerYear: round4((outages / totalTime) * YEAR),
    meanOutageSeconds: outages > 0 ? round4(down / outages) : null,
    // The histogram is exact to a few percent; clamping to the exact extremes keeps p99 honest
    // when every outage has the same length (scripted faults).
    p99OutageSeconds: outages > 0 ? round4(Math.min(longest, Math.max(shortest, hist.quantile(0.99)))) : null,
    longestOutageSeconds: outages > 0 ? round4(longest) : null,
    worstReplication: worstOf(list, replications),
    downtimeByCause: byCause(list, context.causes, totalTime),
  };
}

/** Every cause's downtime over all replications, per year, keyed in cause order (zeros too: the keys are the scenario's). */
function byCause(list: readonly SignalDigest[], causes: readonly string[], totalTime: number): Record<string, number> {
  const seconds = new Float64Array(causes.length);
  for (const d of list) for (const [i, x] of d.downtimeByCause) seconds[i]! += x;
  // Keys are distinct but for a fault named like another's description ("2: outage of dc-b for
  // 1h"): such twins share one key, and their seconds, so the causes still add up.
  const merged = new Map<string, number>();
  causes.forEach((key, i) => merged.set(key, (merged.get(key) ?? 0) + seconds[i]!));
  const out = nameRecord<number>();
  for (const [key, x] of merged) out[key] = round4((x / totalTime) * YEAR);
  return out;
}

function tenantSummaries(spec: ClusterSpec, digests: readonly ReplicationDigest[], horizon: number): Record<string, TenantSummary> | undefined {
  if (spec.tenants.length === 0) return undefined;
  const out = nameRecord<TenantSummary>();
  for (const t of spec.tenants) {
    let harmed = 0;
    let exposed = 0;
    let incidents = 0;
    let touched = 0;
    for (const d of digests) {
      const r = d.tenants.find((x) => x.cluster === spec.name && x.tenant === t.name);
      if (!r) continue;
      harmed += r.harmedSeconds;
      exposed += r.exposedSeconds;
      incidents += r.incidents;
      touched += r.tenantsTouched;
    }
    const years = (digests.length * horizon) / YEAR;
    out[t.name] = {
      harmedSecondsPerYear: round4(harmed / years),
      exposedSecondsPerYear: round4(exposed / years),
      blastRadius: incidents > 0 ? round4(touched / incidents) : 0,
    };
  }
  return out;
}

/** One row per replication and signal, for signals.csv. */
export function replicationRows(digests: readonly ReplicationDigest[]): ReplicationRow[] {
  const rows: ReplicationRow[] = [];
  for (const d of [...digests].sort((a, b) => a.replication - b.replication)) {
    for (const s of d.signals) {
      rows.push({
        replication: d.replication,
        cluster: s.cluster,
        signal: s.signal,
        availability: s.upSeconds / (s.upSeconds + s.downSeconds),
        upSeconds: s.upSeconds,
        downSeconds: s.downSeconds,
        outages: s.outages,
        // null without an outage, as the summary's longestOutageSeconds: signals.csv then has an empty cell, not 0.
        longestOutageSeconds: s.outages > 0 ? s.longestOutage : null,
      });
    }
  }
  return rows;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Rounds to 4 decimals: stable JSON, and nothing a person reads needs more. */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
