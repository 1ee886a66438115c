/** The sweep's grid as one table (one row per point), formatted once for the terminal, Markdown and HTML. */
import { describeObjective, type SweepSummary } from '../../experiment/sweep/index.js';
import { evidenceOf, IS_LEGEND, type Evidence } from '../evidence.js';
import { formatMoney, formatRate, formatSeconds } from '../format.js';
import { flagLines, legendLines } from '../signalTable.js';
import { headlineSignal, headlineSummary, worstWriteP99Ms } from './sweepAxes.js';

export interface SweepRow {
  readonly cells: readonly string[];
  /** The headline signal's evidence, for colouring and the trust tag's reason; absent when the point lacks it. */
  readonly evidence?: Evidence;
  /** Nines to colour by (the estimate's, or the bound's; null when there are none). */
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

/** How the Method column names each estimator. */
export const METHOD_NAMES = { naive: 'MC', 'importance-sampling': 'IS' } as const;

/** The legend of the Method column. */
export const METHOD_LEGEND = 'Method: MC = Monte Carlo, the mean over replications; IS = importance sampling (rare-event method).';

/**
 * One row per point: the swept values, failures tolerated, the headline availability with its
 * trust tag, 95% CI (or bound) and method, nines, write p99, etcd load, cost and objectives.
 * `flags` lists each point whose headline is flagged, with the reason.
 */
export function sweepTable(summary: SweepSummary, options: { readonly wide?: boolean } = {}): { readonly head: readonly string[]; readonly rows: readonly SweepRow[]; readonly flags: readonly string[]; readonly legend: readonly string[] } {
  const signal = headlineSignal(summary);
  // -o wide: the write p50 (the slowest cluster's) before the p99, the headline's downtime and outages per year before the cost.
  const wide = options.wide === true;
  const asked = summary.objectives.availability.length > 0 || summary.objectives.maxWriteP99Ms !== null;
  const marks = new Map<number, 'recommended' | 'closest'>();
  for (const { recommendation: r } of summary.recommendations) {
    if (r.kind === 'cheapest') marks.set(r.point, 'recommended');
    if (r.kind === 'none') marks.set(r.closest, 'closest');
  }
  const head = [...summary.parameters.map((p) => p.path), 'Tolerates', `${signal}`, 'Trust', '95% CI', 'Method', 'Nines', ...(wide ? ['Write p50'] : []), 'Write p99', 'etcd load', ...(wide ? ['Downtime / yr', 'Outages / yr'] : []), 'Cost / month', 'Objectives'];
  const rows = summary.points.map((p, i): SweepRow => {
    const s = headlineSummary(p, signal);
    const e = s === undefined ? undefined : evidenceOf(s);
    const etcd = Object.values(p.etcd);
    const tolerates = [...new Set(etcd.map((e) => `${e.failuresTolerated}`))].join('/');
    const load = Math.max(...etcd.map((e) => e.utilisation));
    const failing = [...new Set(p.verdict.checks.filter((c) => !c.met).map(describeObjective))];
    const objectives = !asked ? '—' : p.verdict.met ? 'met' : `misses ${failing.join('; ')}`;
    return {
      cells: [
        ...summary.parameters.map((param) => show(p.values[param.path])),
        tolerates === '' ? '—' : tolerates === '1' ? '1 failure' : `${tolerates} failures`,
        e === undefined ? '—' : e.figure,
        e === undefined ? '' : e.tag,
        e === undefined ? '—' : e.interval,
        s === undefined ? '—' : METHOD_NAMES[s.method],
        e === undefined ? '—' : e.nines,
        ...(wide ? [etcd.length === 0 ? '—' : formatMs(worstWriteP50Ms(p))] : []),
        etcd.length === 0 ? '—' : formatMs(worstWriteP99Ms(p)),
        etcd.length === 0 ? '—' : `${(load * 100).toFixed(load < 0.1 ? 1 : 0)}%`,
        ...(wide ? [s === undefined ? '—' : formatSeconds(s.downtimeSecondsPerYear), s === undefined ? '—' : formatRate(s.outagesPerYear)] : []),
        formatMoney(p.summary.cost.perMonth, p.summary.cost.currency),
        objectives,
      ],
      nines: e === undefined ? null : e.colourNines,
      ...(e === undefined ? {} : { evidence: e }),
      met: asked ? p.verdict.met : null,
      marked: marks.get(i) ?? null,
    };
  });
  const flagged = rows.flatMap((r, i) => (r.evidence ? [{ label: summary.points[i]!.label, evidence: r.evidence }] : []));
  return { head, rows, flags: flagLines(flagged), legend: [METHOD_LEGEND, ...legendLines(flagged.map((f) => f.evidence)).filter((l) => l !== IS_LEGEND)] };
}

/** The slowest cluster's write p50, as worstWriteP99Ms does for the p99; null when one is saturated. */
function worstWriteP50Ms(p: SweepSummary['points'][number]): number | null {
  let worst = 0;
  for (const e of Object.values(p.etcd)) {
    if (e.write.kind === 'saturated') return null;
    worst = Math.max(worst, e.write.p50Ms);
  }
  return worst;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
