/** The tables of a comparison, formatted once for HTML and Markdown: configurations, and signals side by side. */
import { ownEntry } from '../scenario/nameRecord.js';
import type { SignalSummary } from '../experiment/Summary.js';
import { baselineOf, comparePoints, perAddedNine } from './comparePoints.js';
import { evidenceOf, valueWithTag, type Evidence } from './evidence.js';
import { formatMoney, formatSeconds } from './format.js';
import { paretoFront } from './paretoFront.js';
import type { CompareInput } from './ReportInput.js';
import { flagLines, legendLines, orderedSignals } from './signalTable.js';

export interface CompareRow {
  readonly cells: readonly string[];
  /** The headline signal, for colouring; absent when the entry lacks it. */
  readonly headline?: SignalSummary;
  readonly evidence?: Evidence;
  readonly onFront: boolean;
}

/**
 * One row per configuration (per availability unit of each scenario in a `compare`, see
 * comparePoints): what it is, what it costs, its headline availability and price per nine.
 */
export function compareTable(input: CompareInput): {
  readonly head: readonly string[];
  readonly rows: readonly CompareRow[];
  /** Each configuration whose headline is flagged, with the reason; and the legend of the marks used. */
  readonly flags: readonly string[];
  readonly legend: readonly string[];
} {
  const perRow = input.kind === 'compare' && !input.headline;
  const signal = input.headline?.signal ?? 'apiWrite';
  const currency = input.entries[0]?.summary.cost.currency ?? 'USD';
  const points = comparePoints(input);
  const front = new Set(paretoFront(points));
  const base = baselineOf(input.kind, points);
  const evidence = points.map((p) => (p.h ? evidenceOf(p.h.value) : undefined));
  const withTrust = evidence.some((e) => e !== undefined && e.tag !== '');
  const withExact = evidence.some((e) => e !== undefined && e.exact !== '');
  const head = [
    input.kind === 'sweep' ? 'Values' : 'Configuration',
    'Models',
    'Hosts',
    'Cost / month',
    ...(perRow ? ['Signal', 'Availability'] : [`${signal} availability`]),
    ...(withTrust ? ['Trust'] : []),
    '95% CI',
    'Nines',
    ...(withExact ? ['Exact'] : []),
    'Downtime / yr',
    'Cost per added nine',
    'Pareto front',
  ];
  const rows = points.map((p, i): CompareRow => {
    const { entry, h } = p;
    const e = evidence[i];
    const perNine = perAddedNine(input.kind, base, p);
    return {
      cells: [
        p.label,
        p.models.join(', '),
        String(p.hosts),
        formatMoney(p.cost, entry.summary.cost.currency),
        ...(perRow
          ? [h ? `${h.where}/${h.signal}` : '—', e ? e.value : '—']
          : [h && e ? `${e.value}${h.where === Object.keys(entry.summary.clusters)[0] ? '' : ` (${h.where})`}` : '—']),
        ...(withTrust ? [e?.tag ?? ''] : []),
        e ? e.interval : '—',
        e ? e.nines : '—',
        ...(withExact ? [e && e.exact !== '' ? e.exact : '—'] : []),
        h ? formatSeconds(h.value.downtimeSecondsPerYear) : '—',
        typeof perNine === 'number' ? formatMoney(perNine, currency) : perNine ?? '—',
        front.has(p) ? 'yes' : 'no',
      ],
      ...(h ? { headline: h.value } : {}),
      ...(e ? { evidence: e } : {}),
      onFront: front.has(p),
    };
  });
  const flags = flagLines(points.flatMap((p, i) => (evidence[i] ? [{ label: p.label, evidence: evidence[i] }] : [])));
  const legend = legendLines(evidence.filter((e): e is Evidence => e !== undefined));
  return { head, rows, flags, legend };
}

/** Every signal of every cluster (rows) in every configuration (columns), as availability. */
export function signalsSideBySide(input: CompareInput): {
  readonly head: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly { readonly text: string; readonly summary?: SignalSummary; readonly evidence?: Evidence }[] }[];
  /** Every flagged signal of every configuration, with its reason; and the legend of the marks used. */
  readonly flags: readonly string[];
  readonly legend: readonly string[];
} {
  const keys: [string, string][] = [];
  const seen = new Set<string>();
  for (const e of input.entries) {
    const groups = [...Object.entries(e.summary.clusters).map(([c, s]) => [c, s.signals] as const), ['global', e.summary.global.signals] as const];
    for (const [cluster, signals] of groups) {
      for (const [signal] of orderedSignals(signals)) {
        const k = `${cluster}\u0000${signal}`;
        if (seen.has(k)) continue;
        seen.add(k);
        keys.push([cluster, signal]);
      }
    }
  }
  const rows = keys.map(([cluster, signal]) => ({
    label: `${cluster} · ${signal}`,
    cells: input.entries.map((e) => {
      const s = cluster === 'global' ? ownEntry(e.summary.global.signals, signal) : ownEntry(ownEntry(e.summary.clusters, cluster)?.signals, signal);
      if (!s) return { text: '—' };
      const ev = evidenceOf(s);
      return { text: valueWithTag(ev), summary: s, evidence: ev };
    }),
  }));
  const all = rows.flatMap((r) => r.cells.flatMap((c, i) => (c.evidence ? [{ label: `${input.entries[i]!.label} · ${r.label}`, evidence: c.evidence }] : [])));
  return {
    head: ['Cluster · signal', ...input.entries.map((e) => e.label)],
    rows,
    flags: flagLines(all),
    legend: legendLines(all.map((a) => a.evidence)),
  };
}
