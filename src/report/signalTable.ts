/** The table of signals per cluster, formatted once from the summary for HTML, Markdown and the terminal. */
import type { SignalSummary, Summary } from '../experiment/Summary.js';
import { formatInterval, formatNines, formatPercent, formatRate, formatSeconds } from './format.js';

/** Column headings, in order; every row has one cell per column. */
export const SIGNAL_COLUMNS = [
  'Signal',
  'Availability',
  '95% CI',
  'Nines',
  'Downtime / yr',
  'Outages / yr',
  'Mean outage',
  'p99 outage',
] as const;

/** The signals of design.md first, in this order; any others (tenants, global) follow as they come. */
export const SIGNAL_ORDER = ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling', 'workloads'];

export interface SignalTable {
  /** A cluster name, or `global` for the signals across clusters. */
  readonly cluster: string;
  /** The deployment model; absent for `global`. */
  readonly model?: string;
  readonly rows: readonly SignalTableRow[];
  /** Further figures of the cluster (replica fraction, etcd failures tolerated), as label and value. */
  readonly notes: readonly (readonly [string, string])[];
}

export interface SignalTableRow {
  readonly signal: string;
  /** The raw values the cells come from, for colouring. */
  readonly summary: SignalSummary;
  /** One formatted cell per SIGNAL_COLUMNS entry. */
  readonly cells: readonly string[];
}

export function signalTables(summary: Summary): SignalTable[] {
  const tables: SignalTable[] = Object.entries(summary.clusters).map(([cluster, cs]) => ({
    cluster,
    model: cs.model,
    rows: orderedSignals(cs.signals).map(([name, s]) => signalRow(name, s)),
    notes: [
      ['etcd failures tolerated', String(cs.etcdFailuresTolerated)],
      ...(cs.replicaFraction
        ? [['Replicas running (time-weighted)', `${formatPercent(cs.replicaFraction.mean)} (95% CI ${formatInterval(cs.replicaFraction.ci95)})`] as const]
        : []),
    ],
  }));
  const global = orderedSignals(summary.global.signals);
  if (global.length > 0) {
    const reach = summary.global.badVersionReach;
    tables.push({
      cluster: 'global',
      rows: global.map(([name, s]) => signalRow(name, s)),
      notes: reach ? [['Clusters a bad version reached (mean)', formatRate(reach.mean)]] : [],
    });
  }
  return tables;
}

export function signalRow(signal: string, s: SignalSummary): SignalTableRow {
  return {
    signal,
    summary: s,
    cells: [
      signal,
      formatPercent(s.availability.mean),
      formatInterval(s.availability.ci95),
      formatNines(s.nines),
      formatSeconds(s.downtimeSecondsPerYear),
      formatRate(s.outagesPerYear),
      formatSeconds(s.meanOutageSeconds),
      formatSeconds(s.p99OutageSeconds),
    ],
  };
}

export function orderedSignals<T>(signals: Readonly<Record<string, T>>): [string, T][] {
  const entries = Object.entries(signals);
  const rank = (name: string): number => {
    const i = SIGNAL_ORDER.indexOf(name);
    return i === -1 ? SIGNAL_ORDER.length : i;
  };
  return entries.map((e, i) => [e, i] as const).sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1]).map(([e]) => e);
}
