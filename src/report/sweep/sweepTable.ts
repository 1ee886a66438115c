/** The sweep's grid as one table (one row per point), formatted once for the terminal, Markdown and HTML. */
import { describeObjective, type SweepSummary } from '../../experiment/sweep/index.js';
import { formatMoney, formatNines, formatPercent, ninesOf } from '../format.js';
import { headlineAvailability, headlineSignal, worstWriteP99Ms } from './sweepAxes.js';

export interface SweepRow {
  readonly cells: readonly string[];
  /** Availability in nines (null when never down), for colouring. */
  readonly nines: number | null;
  /** null when no objectives were given. */
  readonly met: boolean | null;
  /** The recommended point (cheapest that meets all), or the closest miss when none does. */
  readonly marked: 'recommended' | 'closest' | null;
}

/** Milliseconds for tables: "0.84 ms", "52.4 ms", "1,204 ms". */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'saturated';
  if (!Number.isFinite(ms)) return String(ms);
  return `${ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}

export function sweepTable(summary: SweepSummary): { readonly head: readonly string[]; readonly rows: readonly SweepRow[] } {
  const signal = headlineSignal(summary);
  const asked = summary.objectives.availability.length > 0 || summary.objectives.maxWriteP99Ms !== null;
  const marks = new Map<number, 'recommended' | 'closest'>();
  for (const { recommendation: r } of summary.recommendations) {
    if (r.kind === 'cheapest') marks.set(r.point, 'recommended');
    if (r.kind === 'none') marks.set(r.closest, 'closest');
  }
  const head = [...summary.parameters.map((p) => p.path), 'Tolerates', `${signal}`, 'Nines', 'Write p99', 'etcd load', 'Cost / month', 'Objectives'];
  const rows = summary.points.map((p, i): SweepRow => {
    const a = headlineAvailability(p, signal);
    const nines = a === undefined || a.mean >= 1 ? null : ninesOf(a.mean);
    const etcd = Object.values(p.etcd);
    const tolerates = [...new Set(etcd.map((e) => `${e.failuresTolerated}`))].join('/');
    const load = Math.max(...etcd.map((e) => e.utilisation));
    const failing = [...new Set(p.verdict.checks.filter((c) => !c.met).map(describeObjective))];
    const objectives = !asked ? '—' : p.verdict.met ? 'met' : `misses ${failing.join('; ')}`;
    return {
      cells: [
        ...summary.parameters.map((param) => show(p.values[param.path])),
        tolerates === '' ? '—' : tolerates === '1' ? '1 failure' : `${tolerates} failures`,
        a === undefined ? '—' : formatPercent(a.mean),
        a === undefined ? '—' : formatNines(nines),
        etcd.length === 0 ? '—' : formatMs(worstWriteP99Ms(p)),
        etcd.length === 0 ? '—' : `${(load * 100).toFixed(load < 0.1 ? 1 : 0)}%`,
        formatMoney(p.summary.cost.perMonth, p.summary.cost.currency),
        objectives,
      ],
      nines,
      met: asked ? p.verdict.met : null,
      marked: marks.get(i) ?? null,
    };
  });
  return { head, rows };
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
