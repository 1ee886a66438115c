/** Headroom: for each etcd design of a sweep, the worker count (and write rate) at which the load model says it saturates or passes the p99 objective. */
import type { SweepSummary } from '../../experiment/sweep/index.js';
import { markdownTable } from '../renderMarkdown.js';
import { alignedTable } from './alignedTable.js';

export const HEADROOM_TITLE = 'Headroom: how many workers each etcd design carries';

/**
 * Under the table: where the figures come from. The objective columns are there only with
 * --max-write-p99, and so is the sentence about them.
 */
export function headroomLegend(summary: Pick<SweepSummary, 'objectives'>): string {
  const objective = summary.objectives.maxWriteP99Ms === null ? '' : '; the objective columns are where the write p99 reaches --max-write-p99';
  return `Solved on the etcd load model (bisection on workers, not read off the grid): saturation is where the offered writes reach the leader's capacity${objective}. Workers rounded down; the write rate is the load model's there. Model figures: see the assumptions.`;
}

export interface HeadroomRow {
  /** The point the design was taken from (its first in the grid). */
  readonly point: number;
  readonly cluster: string;
  readonly cells: readonly string[];
  /** Solved worker counts, for the chart: saturation, and the objective's when reached. */
  readonly saturationWorkers: number;
  readonly objectiveWorkers: number | null;
}

/**
 * One row per distinct design and cluster: the swept paths other than the worker count (which the
 * headroom is solved for), so 24 points over 4 worker counts give 6 rows.
 */
export function headroomTable(summary: SweepSummary): { head: string[]; rows: HeadroomRow[]; numeric: boolean[] } {
  const paths = summary.parameters.map((p) => p.path).filter((p) => !/(^|[.\]])workers\.nodes$/.test(p));
  const clusters = new Set(summary.points.flatMap((p) => Object.keys(p.headroom)));
  const objective = summary.objectives.maxWriteP99Ms;
  // The member count, unless it is swept (then it is already a column).
  const members = !paths.some((p) => /(^|\.)etcd\.members$/.test(p));
  const head = [
    ...paths,
    ...(clusters.size > 1 ? ['Cluster'] : []),
    ...(members ? ['Members'] : []),
    'Saturates at workers',
    'Writes/s at saturation',
    ...(objective === null ? [] : [`Write p99 reaches ${objective} ms at workers`, 'Writes/s at the objective']),
  ];
  const seen = new Set<string>();
  const rows: HeadroomRow[] = [];
  summary.points.forEach((p, i) => {
    for (const [cluster, h] of Object.entries(p.headroom)) {
      const key = JSON.stringify([...paths.map((path) => p.values[path]), cluster]);
      if (seen.has(key)) continue;
      seen.add(key);
      const o = h.objective;
      rows.push({
        point: i,
        cluster,
        saturationWorkers: h.saturation.workers,
        objectiveWorkers: o?.kind === 'reached' ? o.workers : null,
        cells: [
          ...paths.map((path) => show(p.values[path])),
          ...(clusters.size > 1 ? [cluster] : []),
          ...(members ? [String(p.etcd[cluster]?.members ?? '—')] : []),
          workers(h.saturation.workers),
          rate(h.saturation.writesPerSecond),
          ...(o === null ? [] : o.kind === 'reached' ? [workers(o.workers), rate(o.writesPerSecond)] : [`never (${o.floorMs.toFixed(1)} ms with none)`, '—']),
        ],
      });
    }
  });
  return { head, rows, numeric: head.map((_, i) => i >= paths.length + (clusters.size > 1 ? 1 : 0)) };
}

export function headroomTerminal(summary: SweepSummary, dim: (s: string) => string, bold: (s: string) => string): string[] {
  const t = headroomTable(summary);
  if (t.rows.length === 0) return [];
  return ['', bold(HEADROOM_TITLE), ...alignedTable(t.head, t.rows.map((r) => r.cells), (i) => !t.numeric[i], dim), dim(headroomLegend(summary))];
}

export function headroomMarkdown(summary: SweepSummary): string[] {
  const t = headroomTable(summary);
  if (t.rows.length === 0) return [];
  return [`## ${HEADROOM_TITLE}`, '', markdownTable(t.head, t.rows.map((r) => r.cells), (i) => t.numeric[i] === true), '', headroomLegend(summary), ''];
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Workers rounded down (a planner cannot run part of a node): "48,212". */
function workers(n: number): string {
  return Math.floor(n).toLocaleString('en-US');
}

function rate(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
