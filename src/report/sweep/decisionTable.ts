/** The decision table: per worker count, the pick, the runner-up and what every alternative costs more and buys, with host counts. */
import type { Alternative, GroupRecommendation, SweepSummary } from '../../experiment/sweep/index.js';
import { evidenceOf } from '../evidence.js';
import { formatMoney, formatSeconds } from '../format.js';
import { deltaCells, signed, WITHIN_NOISE } from './deltaCells.js';
import { headlineSignal, headlineSummary, worstWriteP99Ms } from './sweepAxes.js';
import { formatMs } from './sweepTable.js';

/** The decision table's title, in every format. */
export const DECISION_TITLE = 'What each configuration costs more than the pick, and what it buys';

/** What the delta columns mean, printed under the table. */
export const DECISION_LEGEND =
  `The pick's row holds its own figures; every other row its change against the pick (nines: more is better; downtime: − is less). Significant: whether the availability differs from the pick's at this precision (95%; a conservative test, as points share their random numbers): no means indistinguishable, and its nines and downtime read ${WITHIN_NOISE}; the other differences are rounded to what the two intervals support. Hosts: CP control-plane, external etcd, LB load balancer; the workers are the same in every row of a worker count.`;

export type Choice = 'recommended' | 'runner-up' | 'closest' | '';

export interface DecisionRow {
  readonly cells: readonly string[];
  readonly choice: Choice;
  /** Grid index of the point. */
  readonly point: number;
  readonly met: boolean;
}

export interface DecisionTable {
  readonly head: readonly string[];
  readonly rows: readonly DecisionRow[];
  /** Columns to right-align (figures). */
  readonly numeric: readonly boolean[];
}

/** The swept paths that are design choices (not given load), in the order swept. */
export function designPaths(summary: SweepSummary): string[] {
  return summary.parameters.map((p) => p.path).filter((p) => !summary.given.includes(p));
}

/**
 * One row per point of every group that has a pick (the recommended point, or the closest miss
 * when none meets the objectives), the pick first and then the others cheapest first. The pick's
 * row holds its own figures; every other row says whether it meets the objectives and what it
 * changes against the pick: "+$416.10" a month, "+0.3" nines and "−2h" of downtime a year (rounded
 * to what the two intervals support, "within noise" where not significant: deltaCells), and the
 * write p99 with its change. "Significant" says whether the headline availability differs from
 * the pick's at this precision (compareAvailability).
 */
export function decisionTable(summary: SweepSummary): DecisionTable {
  const signal = headlineSignal(summary);
  const design = designPaths(summary);
  const currency = summary.points[0]?.summary.cost.currency ?? 'USD';
  const money = (x: number) => formatMoney(x, currency);
  const head = [...summary.given, 'Choice', ...design, 'CP hosts', 'etcd hosts', 'LB hosts', 'Cost / month', 'Costs more / month', signal, 'Trust', 'Nines', 'Downtime / yr', 'Write p99', 'Significant'];
  const numericFrom = summary.given.length + 1 + design.length;
  const numeric = head.map((h, i) => i >= numericFrom && h !== 'Trust' && h !== 'Significant');
  const rows: DecisionRow[] = [];
  for (const g of summary.recommendations) {
    const pick = pickOf(g);
    if (pick === null) continue;
    const order: (Alternative | null)[] = [null, ...g.alternatives];
    const pickSignal = headlineSummary(summary.points[pick]!, signal);
    for (const alt of order) {
      const i = alt === null ? pick : alt.point;
      const p = summary.points[i]!;
      const s = headlineSummary(p, signal);
      const e = s === undefined ? undefined : evidenceOf(s);
      const delta = alt === null ? null : deltaCells(pickSignal, s, alt);
      const choice: Choice = alt === null ? (g.recommendation.kind === 'cheapest' ? 'recommended' : 'closest') : i === g.runnerUp ? 'runner-up' : '';
      const p99 = worstWriteP99Ms(p);
      const failing = [...new Set(p.verdict.checks.filter((c) => !c.met).map((c) => (c.kind === 'availability' ? c.signal : 'write p99')))];
      rows.push({
        point: i,
        choice,
        met: p.verdict.met,
        cells: [
          ...summary.given.map((path) => show(p.values[path])),
          // The choice, or for the others whether they meet the objectives at all.
          choice === 'closest' ? `closest (misses ${failing.join(', ')})` : choice !== '' ? choice : p.verdict.met ? 'meets' : `misses ${failing.join(', ')}`,
          ...design.map((path) => show(p.values[path])),
          String(p.hosts.controlPlane),
          String(p.hosts.etcd),
          String(p.hosts.loadBalancer),
          money(p.summary.cost.perMonth),
          alt === null ? '—' : signedMoney(alt.costDeltaPerMonth, money),
          e === undefined ? '—' : e.figure,
          e === undefined ? '' : e.tag,
          delta === null ? (e?.nines ?? '—') : (delta.nines ?? e?.nines ?? '—'),
          delta === null ? (s ? formatSeconds(s.downtimeSecondsPerYear) : '—') : delta.downtime,
          alt === null || alt.writeP99DeltaMs === null ? formatMs(p99) : `${formatMs(p99)} (${signed(alt.writeP99DeltaMs, 1)})`,
          alt === null ? '—' : differenceText(alt),
        ],
      });
    }
  }
  return { head, rows, numeric };
}

/** The point a group's others are weighed against. */
export function pickOf(g: GroupRecommendation): number | null {
  return g.recommendation.kind === 'cheapest' ? g.recommendation.point : g.recommendation.kind === 'none' ? g.recommendation.closest : null;
}

/** "no" (indistinguishable at this precision), "yes", "yes (exact)"; '—' when either point lacks the signal. */
export function differenceText(a: Alternative): string {
  if (a.significant === null) return '—';
  if (a.basis === 'exact') return a.significant ? 'yes (exact)' : 'no (exact)';
  return a.significant ? 'yes' : 'no';
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "+$416.10", "−$12.00", "$0.00". */
export function signedMoney(x: number, money: (x: number) => string): string {
  if (x === 0) return money(0);
  return `${x > 0 ? '+' : '−'}${money(Math.abs(x))}`;
}

