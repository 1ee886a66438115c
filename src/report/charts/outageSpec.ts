/** How long outages last: the longest outage of each replication per signal, with the mean and p99 of all outages. */
import type { TopLevelSpec } from 'vega-lite';
import type { ReplicationRow, Summary } from '../../experiment/Summary.js';
import { formatSeconds } from '../format.js';
import { orderedSignals } from '../signalTable.js';
import { CHART_WIDTH, CONFIG, DOWN_COLOR, DURATION_LABEL_EXPR, DURATION_TICKS, POINT_COLOR, type ConcatChild, type Encoding } from './theme.js';

export interface OutageOptions {
  readonly title?: string;
  readonly width?: number;
}

/**
 * One panel per cluster, one row per signal, on a log time axis. A box plot (min to max, quartiles)
 * shows the longest outage of each replication that had one, with every replication as a faint
 * tick; a diamond marks the mean outage length and a triangle the 99th percentile of all outages
 * (both from the summary). The note at the right says how many replications had any outage.
 */
export function outageSpec(summary: Summary, rows: readonly ReplicationRow[], options: OutageOptions = {}): TopLevelSpec {
  const longest = rows.flatMap((r) =>
    r.outages > 0 && r.longestOutageSeconds !== null && r.longestOutageSeconds > 0
      ? [{ cluster: r.cluster, signal: r.signal, seconds: r.longestOutageSeconds, replication: r.replication, outages: r.outages, length: formatSeconds(r.longestOutageSeconds) }]
      : [],
  );
  const groups = [...Object.entries(summary.clusters).map(([name, c]) => [name, c.signals] as const), ['global', summary.global.signals] as const].filter(
    ([, signals]) => Object.keys(signals).length > 0,
  );
  const marks = groups.flatMap(([cluster, signals]) =>
    orderedSignals(signals).flatMap(([signal, s]) => [
      ...(s.meanOutageSeconds ? [{ cluster, signal, stat: 'mean outage', seconds: s.meanOutageSeconds, length: formatSeconds(s.meanOutageSeconds) }] : []),
      ...(s.p99OutageSeconds ? [{ cluster, signal, stat: 'p99 outage', seconds: s.p99OutageSeconds, length: formatSeconds(s.p99OutageSeconds) }] : []),
    ]),
  );
  const all = [...longest.map((d) => d.seconds), ...marks.map((d) => d.seconds)];
  const [lo, hi] = logDomain(all);
  const replications = new Set(rows.map((r) => r.replication)).size || summary.replications;
  const notes = groups.flatMap(([cluster, signals]) =>
    orderedSignals(signals).map(([signal]) => {
      const k = longest.filter((d) => d.cluster === cluster && d.signal === signal).length;
      return { cluster, signal, note: `${k} of ${replications} runs`, seconds: hi };
    }),
  );
  const x: NonNullable<Encoding['x']> = {
    field: 'seconds',
    type: 'quantitative',
    scale: { type: 'log', domain: [lo, hi], nice: false },
    axis: { title: 'Outage length (log scale)', values: DURATION_TICKS.filter((t) => t >= lo && t <= hi), labelExpr: DURATION_LABEL_EXPR, grid: true },
  };
  const panel = (cluster: string, signals: readonly string[]): ConcatChild => {
    const y: NonNullable<Encoding['y']> = { field: 'signal', type: 'nominal', sort: null, scale: { domain: [...signals] }, axis: { title: null, minExtent: 110 } };
    const only = { filter: { field: 'cluster', equal: cluster } };
    return {
      title: { text: cluster, fontSize: 13, fontWeight: 600, anchor: 'start', frame: 'group', offset: 6 },
      width: options.width ?? CHART_WIDTH - 80,
      height: { step: 30 },
      layer: [
        {
          data: { values: longest },
          transform: [only],
          mark: { type: 'boxplot', extent: 'min-max', size: 16, color: '#a0cbe8', median: { color: '#1f4e79' }, rule: { color: '#5f6368' } },
          encoding: { y, x: { ...x, title: 'Outage length (log scale)' } },
        },
        {
          data: { values: longest },
          transform: [only],
          mark: { type: 'tick', orient: 'vertical', size: 22, thickness: 1, opacity: 0.45, color: '#1f4e79' },
          encoding: {
            y,
            x,
            tooltip: [
              { field: 'signal', title: 'Signal' },
              { field: 'replication', title: 'Replication' },
              { field: 'length', title: 'Longest outage' },
              { field: 'outages', title: 'Outages in the run' },
            ],
          },
        },
        {
          data: { values: marks },
          transform: [only],
          mark: { type: 'point', filled: true, size: 60, opacity: 1, stroke: 'white', strokeWidth: 1 },
          encoding: {
            y,
            x,
            shape: { field: 'stat', type: 'nominal', scale: { domain: ['mean outage', 'p99 outage'], range: ['diamond', 'triangle-up'] }, legend: { title: 'All outages', orient: 'top', direction: 'horizontal' } },
            color: { field: 'stat', type: 'nominal', scale: { domain: ['mean outage', 'p99 outage'], range: [POINT_COLOR, DOWN_COLOR] }, legend: { title: 'All outages', orient: 'top', direction: 'horizontal' } },
            tooltip: [
              { field: 'signal', title: 'Signal' },
              { field: 'stat', title: 'Statistic' },
              { field: 'length', title: 'Length' },
            ],
          },
        },
        {
          data: { values: notes },
          transform: [only],
          mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: '#5f6368' },
          encoding: { y, x: { field: 'seconds', type: 'quantitative' }, text: { field: 'note' } },
        },
      ],
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'How long outages last',
      subtitle: 'Box: the longest outage of each replication that had one (ticks: each replication). Markers: mean and p99 of all outages.',
    },
    config: CONFIG,
    spacing: 16,
    vconcat: groups.map(([cluster, signals]) => panel(cluster, orderedSignals(signals).map(([s]) => s))),
  };
}

/** A log domain around the values, widened to the round durations of the axis; 1 s to 1 h when empty. */
function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [1, 3600];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const lo = [...DURATION_TICKS].reverse().find((t) => t <= min / 1.2) ?? min / 2;
  const hi = DURATION_TICKS.find((t) => t >= max * 1.2) ?? max * 2;
  return [lo, hi];
}
