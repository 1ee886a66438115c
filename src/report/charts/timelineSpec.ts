/** The timeline of one replication: components down, the etcd leader, every signal, and the injected faults. */
import type { TopLevelSpec } from 'vega-lite';
import { formatClock } from '../../kernel/index.js';
import type { Trace } from '../../model/Trace.js';
import { formatSeconds } from '../format.js';
import { MAX_WORKER_ROWS } from '../_internals/componentLanes.js';
import { NO_LEADER, NOT_RECORDED, traceIntervals, type Interval } from '../traceIntervals.js';
import {
  CHART_WIDTH,
  CONFIG,
  DOWN_COLOR,
  MUTED_COLOR,
  UP_COLOR,
  timeUnitFor,
  type ConcatChild,
  type Encoding,
  type TimeUnit,
  type UnitChild,
} from './theme.js';

/** Bars narrower than this share of the horizon also get a tick, so a 1-second election still shows. */
const THIN = 0.004;
const ROW = 18;
const MAX_CAUSES = 8;
const NOT_RECORDED_COLOR = '#dadce0';

export interface TimelineOptions {
  readonly title?: string;
  readonly width?: number;
}

export function timelineSpec(trace: Trace, options: TimelineOptions = {}): TopLevelSpec {
  const raw = traceIntervals(trace);
  // At most MAX_CAUSES kinds of cause get a colour of their own; the rarest share "other".
  const counts = new Map<string, number>();
  for (const d of raw.down) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
  const kept = new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, counts.size > MAX_CAUSES ? MAX_CAUSES - 1 : MAX_CAUSES).map(([c]) => c));
  const data = { ...raw, down: raw.down.map((d) => (kept.has(d.state) ? d : { ...d, state: 'other' })) };
  const unit = timeUnitFor(data.horizon);
  const width = options.width ?? CHART_WIDTH - 100;
  const x: NonNullable<Encoding['x']> = { field: 'start', type: 'quantitative', scale: { domain: [0, data.horizon / unit.seconds], nice: false } };
  const faults = data.faults.map((f) => ({ t: f.t / unit.seconds, at: formatClock(f.t), text: f.text }));
  const faultLayer: UnitChild = {
    data: { values: faults },
    mark: { type: 'rule', color: '#3c4043', strokeDash: [4, 3], strokeWidth: 1.5 },
    encoding: {
      x: { field: 't', type: 'quantitative' },
      tooltip: [
        { field: 'text', title: 'Injected fault' },
        { field: 'at', title: 'At' },
      ],
    },
  };
  const tooltip: NonNullable<Encoding['tooltip']> = [
    { field: 'lane', title: 'Row' },
    { field: 'state', title: 'State' },
    { field: 'from', title: 'From' },
    { field: 'to', title: 'To' },
    { field: 'length', title: 'Length' },
    { field: 'detail', title: 'Detail' },
  ];
  const strip = (
    title: string,
    lanes: readonly string[],
    intervals: readonly Interval[],
    color: NonNullable<Encoding['color']>,
    axisTitle: string | null,
  ): ConcatChild => ({
    title: { text: title, fontSize: 13, fontWeight: 500, anchor: 'start', frame: 'group', offset: 6 },
    width,
    height: { step: ROW },
    layer: [
      {
        data: { values: rowsOf(intervals, unit) },
        mark: { type: 'bar', height: ROW - 4, opacity: 0.9 },
        encoding: {
          y: { field: 'lane', type: 'nominal', sort: null, scale: { domain: [...lanes] }, axis: { title: null, labelLimit: 220 } },
          x: { field: 'start', type: 'quantitative', scale: { domain: [0, data.horizon / unit.seconds], nice: false }, axis: { title: axisTitle, grid: true, tickMinStep: 1 } },
          x2: { field: 'end' },
          color,
          tooltip,
        },
      },
      faultLayer,
      {
        data: { values: rowsOf(intervals, unit).filter((r) => r.end - r.start < THIN * (data.horizon / unit.seconds)) },
        transform: [{ filter: "datum.state != 'up'" }],
        mark: { type: 'tick', orient: 'vertical', thickness: 2, size: ROW - 4 },
        encoding: { y: { field: 'lane', type: 'nominal', sort: null }, x, color, tooltip },
      },
    ],
  });

  const causes = [...new Set(data.down.map((d) => d.state))];
  const leaderNames = [...new Set(data.leaders.map((d) => d.state).filter((s) => s !== NO_LEADER && s !== NOT_RECORDED))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const unrecorded = data.leaders.some((d) => d.state === NOT_RECORDED);
  const paused = data.gaps.length > 0;
  const omitted = trace.omitted;
  const bounded = omitted
    ? [
        `A bounded trace: ${omitted.events.toLocaleString('en-US')} events outside the windows around faults and outages are counted, not drawn (grey: not recorded).`,
      ]
    : [];
  const timeTitle = `Simulated time (${unit.name})`;
  const hidden =
    data.hiddenComponents > 0
      ? [`Workers that never failed have no row; past ${MAX_WORKER_ROWS} failed workers, a cluster's workers share one row (${data.hiddenComponents} workers without a row of their own).`]
      : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'Timeline of one replication',
      subtitle: [`${formatSeconds(data.horizon)} of simulated time; dashed lines mark injected faults (hover for details).`, ...hidden, ...bounded],
    },
    config: CONFIG,
    spacing: 18,
    resolve: { scale: { x: 'shared', color: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      strip('Components down', data.componentLanes, data.down, {
        field: 'state',
        type: 'nominal',
        scale: { domain: causes, range: causePalette(causes.length) },
        legend: { title: 'Why down', orient: 'right', labelLimit: 160 },
      }, null),
      strip('etcd leader', data.leaderLanes, data.leaders, {
        field: 'state',
        type: 'nominal',
        scale: {
          domain: [...leaderNames, NO_LEADER, ...(unrecorded ? [NOT_RECORDED] : [])],
          range: [...palette(leaderNames.length), DOWN_COLOR, ...(unrecorded ? [NOT_RECORDED_COLOR] : [])],
        },
        legend: { title: 'Leading member', orient: 'right', labelLimit: 160 },
      }, null),
      strip('Availability signals', data.signalLanes, data.signals, {
        field: 'state',
        type: 'nominal',
        scale: { domain: ['up', 'down', ...(paused ? [NOT_RECORDED] : [])], range: [UP_COLOR, DOWN_COLOR, ...(paused ? [NOT_RECORDED_COLOR] : [])] },
        legend: { title: 'Signal', orient: 'right' },
      }, timeTitle),
    ],
  };
}

function rowsOf(intervals: readonly Interval[], unit: TimeUnit) {
  return intervals.map((i) => ({
    lane: i.lane,
    state: i.state,
    detail: i.detail,
    start: i.start / unit.seconds,
    end: i.end / unit.seconds,
    from: formatClock(i.start),
    to: formatClock(i.end),
    length: formatSeconds(i.end - i.start),
  }));
}

/** Warm colours for why a component is down (never green: green means up). */
function causePalette(n: number): string[] {
  const colors = ['#e15759', '#f28e2b', '#b07aa1', '#9c755f', '#ff9da7', '#edc948', '#4e79a7', '#bab0ac'];
  return Array.from({ length: n }, (_, i) => colors[i % colors.length] ?? MUTED_COLOR);
}

/** Calm colours for leaders (no red, which means "no leader", and no green, which means up). */
function palette(n: number): string[] {
  const colors = ['#4e79a7', '#76b7b2', '#edc948', '#b07aa1', '#9c755f', '#f28e2b', '#bab0ac'];
  return Array.from({ length: n }, (_, i) => colors[i % colors.length] ?? MUTED_COLOR);
}
