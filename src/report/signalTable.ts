/** The table of signals per cluster, formatted once from the summary for HTML, Markdown and the terminal. */
import type { SignalSummary, Summary } from '../experiment/Summary.js';
import { CLUSTER_SIGNALS } from '../scenario/signals.js';
import { evidenceOf, IS_LEGEND, OUTSIDE_CI_LEGEND, type Evidence } from './evidence.js';
import { formatEstimate, formatEstimateInterval, formatRate, formatSeconds } from './format.js';

/** Column headings, in order; Trust and Exact appear only in tables where some signal needs them. */
export const SIGNAL_COLUMNS = [
  'Signal',
  'Availability',
  'Trust',
  '95% CI',
  'Nines',
  'Exact',
  'Downtime / yr',
  'Outages / yr',
  'Mean outage',
  'p99 outage',
] as const;

export type SignalColumn = (typeof SIGNAL_COLUMNS)[number];

/** The cluster signals first, in their contract order; any others (tenants, global) follow as they come. */
const SIGNAL_ORDER: readonly string[] = CLUSTER_SIGNALS;

export interface SignalTable {
  /** A cluster name, or `global` for the signals across clusters. */
  readonly cluster: string;
  /** The deployment model; absent for `global`. */
  readonly model?: string;
  /** The columns this table shows: SIGNAL_COLUMNS without Trust when every signal is ok, without Exact when none has one. */
  readonly head: readonly SignalColumn[];
  readonly rows: readonly SignalTableRow[];
  /** Further figures of the cluster (replica fraction, etcd failures tolerated), as label and value. */
  readonly notes: readonly (readonly [string, string])[];
  /** Why each flagged signal is flagged: one line each ("apiWrite, few outages (4) — only 4 outages observed …"). */
  readonly flags: readonly string[];
  /** What the marks used in the table mean (IS, outside CI): one line each. */
  readonly legend: readonly string[];
}

export interface SignalTableRow {
  readonly signal: string;
  /** The raw values the cells come from. */
  readonly summary: SignalSummary;
  readonly evidence: Evidence;
  /** One formatted cell per column of the table's `head`. */
  readonly cells: readonly string[];
}

/**
 * Under a table: each flagged signal with its tag and reason, one line per tag and reason, so
 * that five signals of one replication make one line ("etcdQuorum, apiWrite: 1 replication — …").
 */
export function flagLines(rows: readonly { readonly label: string; readonly evidence: Evidence }[]): string[] {
  const groups = new Map<string, { labels: string[]; tag: string; reason: string }>();
  for (const r of rows) {
    if (r.evidence.tag === '') continue;
    const key = `${r.evidence.tag}\u0000${r.evidence.reason}`;
    const g = groups.get(key) ?? { labels: [], tag: r.evidence.tag, reason: r.evidence.reason };
    g.labels.push(r.label);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    // A sweep point's label is itself a list ("etcd.members=3, workers.nodes=100"): then "; " between them.
    const between = g.labels.some((l) => l.includes(', ')) ? '; ' : ', ';
    return `${g.labels.join(between)}${g.labels.length > 1 ? ':' : ','} ${g.tag} — ${g.reason}`;
  });
}

/** Under a table: what its marks mean, for the marks it uses. */
export function legendLines(evidence: readonly Evidence[]): string[] {
  return [
    ...(evidence.some((e) => e.exactOutside) ? [OUTSIDE_CI_LEGEND] : []),
    ...(evidence.some((e) => e.importanceSampling) ? [IS_LEGEND] : []),
  ];
}

export function signalTables(summary: Summary): SignalTable[] {
  const tables: SignalTable[] = Object.entries(summary.clusters).map(([cluster, cs]) =>
    table(cluster, cs.model, orderedSignals(cs.signals), [
      ['etcd failures tolerated', String(cs.etcdFailuresTolerated)],
      ...worstNote(cs.signals),
      ...(cs.replicaFraction
        ? [['Replicas running (time-weighted)', `${formatEstimate(cs.replicaFraction.mean, cs.replicaFraction.ci95)} (${cs.replicaFraction.ci95 === null ? 'no CI' : `95% CI ${formatEstimateInterval(cs.replicaFraction.mean, cs.replicaFraction.ci95)}`})`] as const]
        : []),
    ]),
  );
  const global = orderedSignals(summary.global.signals);
  if (global.length > 0) {
    const reach = summary.global.badVersionReach;
    tables.push(table('global', undefined, global, reach ? [['Clusters a bad version reached (mean)', formatRate(reach.mean)]] : []));
  }
  return tables;
}

function table(cluster: string, model: string | undefined, signals: readonly [string, SignalSummary][], notes: (readonly [string, string])[]): SignalTable {
  const rows = signals.map(([name, s]) => ({ name, s, e: evidenceOf(s) }));
  const head = SIGNAL_COLUMNS.filter((c) => (c === 'Trust' ? rows.some((r) => r.e.tag !== '') : c === 'Exact' ? rows.some((r) => r.e.exact !== '') : true));
  return {
    cluster,
    ...(model === undefined ? {} : { model }),
    head,
    rows: rows.map((r) => signalRow(r.name, r.s, head)),
    notes,
    flags: flagLines(rows.map((r) => ({ label: r.name, evidence: r.e }))),
    legend: [...legendLines(rows.map((r) => r.e)), ...(rows.some((r) => r.name === 'workloads') ? [WORKLOADS_LEGEND] : [])],
  };
}

/** The worst replication of each signal that was ever down, to narrate with `kubesim explain --replication worst --signal S`. */
function worstNote(signals: Readonly<Record<string, SignalSummary>>): (readonly [string, string])[] {
  const parts = orderedSignals(signals)
    .filter(([, s]) => s.worstReplication)
    .map(([name, s]) => `${name} #${s.worstReplication!.replication} (${formatSeconds(s.worstReplication!.downSeconds)})`);
  return parts.length === 0 ? [] : [['Worst replication (explain --replication worst --signal S)', parts.join(', ')]];
}

/** What the two workload signals mean: a red `workloads` row is one missing replica, not an outage users see. */
export const WORKLOADS_LEGEND =
  'workloads: every desired replica of every workload running (one missing replica counts as down); serving: at least minAvailable replicas of every workload running and reachable, what the services\' users see';

export function signalRow(signal: string, s: SignalSummary, head: readonly SignalColumn[] = SIGNAL_COLUMNS): SignalTableRow {
  const e = evidenceOf(s);
  const cell: Record<SignalColumn, string> = {
    Signal: signal,
    Availability: e.value,
    Trust: e.tag,
    '95% CI': e.interval,
    Nines: e.nines,
    Exact: e.exact === '' ? '—' : e.exact,
    'Downtime / yr': formatSeconds(s.downtimeSecondsPerYear),
    'Outages / yr': formatRate(s.outagesPerYear),
    'Mean outage': formatSeconds(s.meanOutageSeconds),
    'p99 outage': formatSeconds(s.p99OutageSeconds),
  };
  return { signal, summary: s, evidence: e, cells: head.map((c) => cell[c]) };
}

export function orderedSignals<T>(signals: Readonly<Record<string, T>>): [string, T][] {
  const entries = Object.entries(signals);
  const rank = (name: string): number => {
    const i = SIGNAL_ORDER.indexOf(name);
    return i === -1 ? SIGNAL_ORDER.length : i;
  };
  return entries.map((e, i) => [e, i] as const).sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1]).map(([e]) => e);
}
