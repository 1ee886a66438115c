/** The headroom chart: the offered write rate against workers, with where each etcd design saturates or passes the p99 objective. */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepSummary } from '../../experiment/sweep/index.js';
import { CHART_WIDTH, CONFIG, DOWN_COLOR, MUTED_COLOR, POINT_COLOR } from '../charts/theme.js';
import type { Chart } from '../reportCharts.js';
import { headroomTable } from './headroomTable.js';

/**
 * x: workers, y: writes per second, both on log axes. The grey line is the load model's offered
 * rate (the same for every design: it depends on the workers, not on etcd); grey ticks are the
 * worker counts swept; each design's saturation (red, filled) and p99 objective (blue, hollow)
 * sit on that line where the solver put them. Designs with the same limits (stacked and external
 * of one size) share one label. Null when the sweep has no etcd.
 */
export function headroomChart(summary: SweepSummary): Chart | null {
  const t = headroomTable(summary);
  if (t.rows.length === 0) return null;
  // The design's own cells: every swept path but the workers (and the cluster when there are several).
  const designCells = t.head.findIndex((h) => h === 'Members' || h === 'Cluster' || h.startsWith('Saturates'));
  // One mark per distinct pair of limits; its label names every design that has them.
  const limits = new Map<string, { label: string[]; saturation: { w: number; r: number }; objective: { w: number; r: number } | null }>();
  for (const r of t.rows) {
    const h = summary.points[r.point]!.headroom[r.cluster]!;
    const o = h.objective?.kind === 'reached' ? { w: h.objective.workers, r: h.objective.writesPerSecond } : null;
    const key = JSON.stringify([h.saturation.workers, o?.w ?? null]);
    const name = r.cells.slice(0, Math.max(1, designCells)).join(' ');
    const entry = limits.get(key) ?? { label: [], saturation: { w: h.saturation.workers, r: h.saturation.writesPerSecond }, objective: o };
    entry.label.push(name);
    limits.set(key, entry);
  }
  const marks = [...limits.values()].flatMap((l) => [
    { workers: l.saturation.w, rate: l.saturation.r, kind: 'leader saturates', label: l.label.join(', '), text: `${l.label.join(', ')}: saturates at ${Math.floor(l.saturation.w).toLocaleString('en-US')} workers` },
    ...(l.objective ? [{ workers: l.objective.w, rate: l.objective.r, kind: 'write p99 reaches the objective', label: '', text: `${l.label.join(', ')}: write p99 reaches the objective at ${Math.floor(l.objective.w).toLocaleString('en-US')} workers` }] : []),
  ]);
  // The load line through the grid's own points and the solved ones (all on the one line).
  const first = Object.keys(summary.points[0]?.etcd ?? {})[0];
  // A point's workers, read back from its node-lease writes (one per worker per renewal interval).
  const renew = summary.assumptions.etcd.load.leaseRenewInterval;
  const swept = first === undefined ? [] : summary.points.flatMap((p) => {
    const e = p.etcd[first];
    return e && e.load.nodeLeases > 0 ? [{ workers: Math.round(e.load.nodeLeases * renew), rate: e.load.total }] : [];
  });
  const line = [...swept, ...marks.map((m) => ({ workers: m.workers, rate: m.rate }))].sort((a, b) => a.workers - b.workers);
  // Without --max-write-p99 there is no objective: no legend entry for it either.
  const kinds = summary.objectives.maxWriteP99Ms === null ? (['leader saturates'] as const) : (['leader saturates', 'write p99 reaches the objective'] as const);
  const x = { field: 'workers', type: 'quantitative', scale: { type: 'log' }, axis: { title: 'Workers (log scale)', format: '~s' } } as const;
  const y = { field: 'rate', type: 'quantitative', scale: { type: 'log' }, axis: { title: 'Offered etcd writes per second (log scale)', format: '~s' } } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Headroom: where each etcd design runs out', subtitle: 'The load model\'s write rate against workers; each design\'s limits solved on it. Ticks: the worker counts swept.' },
    config: CONFIG,
    width: CHART_WIDTH - 120,
    height: 300,
    layer: [
      { data: { values: line }, mark: { type: 'line', color: MUTED_COLOR, strokeWidth: 1.5 }, encoding: { x, y } },
      { data: { values: swept }, mark: { type: 'tick', color: MUTED_COLOR, thickness: 2, size: 14 }, encoding: { x, y } },
      // Saturation filled, the objective hollow: one colour legend for both.
      ...kinds.map((kind) => ({
        data: { values: marks },
        transform: [{ filter: `datum.kind == '${kind}'` }],
        mark: { type: 'point' as const, size: 90, strokeWidth: 2, opacity: 1, filled: kind === 'leader saturates', ...(kind === 'leader saturates' ? {} : { fill: 'white' }) },
        encoding: {
          x,
          y,
          color: { field: 'kind', type: 'nominal' as const, scale: { domain: [...kinds], range: [DOWN_COLOR, POINT_COLOR].slice(0, kinds.length) }, legend: { title: null, orient: 'bottom' as const, labelLimit: 0 } },
          tooltip: [{ field: 'text', title: 'Limit' }],
        },
      })),
      // Labels left of the saturation marks and above them: the objective's mark sits just before on the line.
      { data: { values: marks.filter((m) => m.label !== '') }, mark: { type: 'text', align: 'right', dx: -8, dy: -12, fontSize: 11, color: '#202124' }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
  return { id: 'headroom', title: 'Headroom: where each etcd design runs out', spec };
}
