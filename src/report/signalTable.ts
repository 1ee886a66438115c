/** The table of signals per cluster, formatted once from the summary for HTML, Markdown and the terminal. */
import type { SignalSummary, Summary } from '../experiment/Summary.js';
import { YEAR } from '../kernel/index.js';
import { CLUSTER_SIGNALS } from '../scenario/signals.js';
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

/** The cluster signals first, in their contract order; any others (tenants, global) follow as they come. */
const SIGNAL_ORDER: readonly string[] = CLUSTER_SIGNALS;

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

/** Below this many outages over all replications, a 95% CI across replications is too narrow to trust. */
export const FEW_OUTAGES = 10;

/** How many outages of a signal the replications saw in all (from the per-year rate). */
export function outagesSimulated(s: SignalSummary, replications: number, horizonSeconds: number): number {
  return Math.round((s.outagesPerYear * replications * horizonSeconds) / YEAR);
}

/** A note naming the signals seen down only a few times, whose CIs say little; none when there are none. */
function fewOutagesNote(signals: readonly [string, SignalSummary][], summary: Summary): (readonly [string, string])[] {
  const few = signals.flatMap(([name, s]) => {
    const n = outagesSimulated(s, summary.replications, summary.horizonSeconds);
    return n > 0 && n < FEW_OUTAGES ? [`${name} (${n})`] : [];
  });
  if (few.length === 0) return [];
  return [['Few outages in all runs', `${few.join(', ')}: too few for their 95% CI to be trusted; run more replications or a longer horizon`]];
}

export function signalTables(summary: Summary): SignalTable[] {
  const tables: SignalTable[] = Object.entries(summary.clusters).map(([cluster, cs]) => {
    const signals = orderedSignals(cs.signals);
    return {
      cluster,
      model: cs.model,
      rows: signals.map(([name, s]) => signalRow(name, s)),
      notes: [
        ['etcd failures tolerated', String(cs.etcdFailuresTolerated)],
        ...(cs.replicaFraction
          ? [['Replicas running (time-weighted)', `${formatPercent(cs.replicaFraction.mean)} (95% CI ${formatInterval(cs.replicaFraction.ci95)})`] as const]
          : []),
        ...fewOutagesNote(signals, summary),
      ],
    };
  });
  const global = orderedSignals(summary.global.signals);
  if (global.length > 0) {
    const reach = summary.global.badVersionReach;
    tables.push({
      cluster: 'global',
      rows: global.map(([name, s]) => signalRow(name, s)),
      notes: [...(reach ? [['Clusters a bad version reached (mean)', formatRate(reach.mean)] as const] : []), ...fewOutagesNote(global, summary)],
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
