/** What the report functions take: the results of one scenario, or several side by side. */
import { ownEntry } from '../scenario/nameRecord.js';
import type { ReplicationRow, SignalSummary, Summary } from '../experiment/Summary.js';
import type { Trace } from '../model/Trace.js';
import type { Scenario } from '../scenario/Scenario.js';

/** One scenario's results, as `kubesim run` has them. */
export interface ReportInput {
  readonly scenario: Scenario;
  readonly summary: Summary;
  /** One row per replication and signal (signals.csv); the outage chart is drawn from them. */
  readonly rows: readonly ReplicationRow[];
  /** The recording of one replication; without it the page has no timeline. */
  readonly trace?: Trace;
  /** Which replication the trace recorded, as the experiment numbers them, for the chart's title. */
  readonly traceReplication?: number;
}

/** One configuration of a comparison or a sweep. */
export interface CompareEntry {
  /** Short and unique: a file name, or the swept values ("etcd.members=5"). */
  readonly label: string;
  readonly scenario: Scenario;
  readonly summary: Summary;
  /** One row per replication and signal; with them, a comparison's signals.csv is written too. */
  readonly rows?: readonly ReplicationRow[];
}

/** A table of qualitative properties (e.g. highly available, replicated config, namespace isolation). */
export interface PropertyTable {
  readonly title?: string;
  /** How the values were found; by default they are taken as given by design. */
  readonly description?: string;
  readonly columns: readonly string[];
  /** One row per configuration or model; a value is text, or true/false shown as yes/no. */
  readonly rows: readonly { readonly label: string; readonly values: Readonly<Record<string, string | boolean>> }[];
}

/** Which availability stands for a configuration in the headline column and the cost chart. */
export interface Headline {
  /** Default `apiWrite`. */
  readonly signal?: string;
  /** Default: the first cluster of each entry that has the signal (then the global signals). */
  readonly cluster?: string;
}

/** Several configurations side by side: `kubesim compare` (files) or `kubesim sweep` (values). */
export interface CompareInput {
  readonly kind: 'compare' | 'sweep';
  readonly title: string;
  readonly description?: string;
  readonly entries: readonly CompareEntry[];
  readonly properties?: PropertyTable;
  readonly headline?: Headline;
}

/** The signal that stands for an entry, and where it was found; undefined when no cluster has it. */
export function headlineOf(summary: Summary, headline: Headline = {}): { readonly where: string; readonly signal: string; readonly value: SignalSummary } | undefined {
  const signal = headline.signal ?? 'apiWrite';
  const clusters = headline.cluster === undefined ? Object.keys(summary.clusters) : [headline.cluster];
  for (const cluster of clusters) {
    const value = ownEntry(ownEntry(summary.clusters, cluster)?.signals, signal);
    if (value) return { where: cluster, signal, value };
  }
  const global = headline.cluster === undefined || headline.cluster === 'global' ? ownEntry(summary.global.signals, signal) : undefined;
  return global ? { where: 'global', signal, value: global } : undefined;
}
