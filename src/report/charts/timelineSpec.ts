/** The timeline of one replication: components down, the etcd leader, every signal, and the injected faults. */
import type { TopLevelSpec } from 'vega-lite';
import { DAY, formatClock, HOUR, MINUTE, type SimTime } from '../../kernel/index.js';
import type { Trace } from '../../model/Trace.js';
import { formatSeconds } from '../format.js';
import { MAX_WORKER_ROWS } from '../_internals/componentLanes.js';
import { NO_LEADER, NOT_RECORDED, type Interval } from '../traceIntervals.js';
import { timelineView, type TimelineView, type TimeWindow } from '../timelineView.js';
import {
  CHART_WIDTH,
  CONFIG,
  DOWN_COLOR,
  MUTED_COLOR,
  UP_COLOR,
  timeUnitFor,
  type ConcatChild,
  type Encoding,
  type UnitChild,
} from './theme.js';

/** Bars narrower than this share of the horizon also get a tick, so a 1-second election still shows. */
const THIN = 0.004;
const ROW = 18;
const NOT_RECORDED_COLOR = '#dadce0';

export interface TimelineOptions {
  readonly title?: string;
  /** Lines under the title in place of the horizon's (a zoom panel says what it shows). */
  readonly subtitle?: readonly string[];
  readonly width?: number;
  /** Only this span, on a day-and-clock axis, every span as it was (zoom panels); by default the whole horizon, short spans merged. */
  readonly window?: TimeWindow;
}

export function timelineSpec(trace: Trace, options: TimelineOptions = {}): TopLevelSpec {
  const width = options.width ?? CHART_WIDTH - 100;
  const view = timelineView(trace, width, options.window);
  const { data } = view;
  const axis = timeAxis(view, width);
  const x: NonNullable<Encoding['x']> = { field: 'start', type: 'quantitative' };
  const faults = data.faults.map((f) => ({ t: axis.value(f.t), at: formatClock(f.t), text: f.text }));
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
    // One copy of the rows for both the bars and the ticks of the thin ones.
    data: { values: rowsOf(intervals, axis.value) },
    layer: [
      {
        mark: { type: 'bar', height: ROW - 4, opacity: 0.9, aria: axis.markAria },
        encoding: {
          y: { field: 'lane', type: 'nominal', sort: null, scale: { domain: [...lanes] }, axis: { title: null, labelLimit: 220 } },
          // The shared scale is set once, on the strip with the axis title: a time scale set in several strips warns.
          x: { ...x, ...(axisTitle === null ? {} : { scale: axis.scale }), axis: { title: axisTitle, grid: true, ...axis.axis } },
          x2: { field: 'end' },
          color,
          tooltip,
        },
      },
      faultLayer,
      {
        transform: [{ filter: `datum.state != 'up' && datum.end - datum.start < ${axis.value(view.start + THIN * (view.end - view.start)) - axis.value(view.start)}` }],
        mark: { type: 'tick', orient: 'vertical', thickness: 2, size: ROW - 4, aria: axis.markAria },
        encoding: { y: { field: 'lane', type: 'nominal', sort: null }, x, color, tooltip },
      },
    ],
  });

  // Colours follow the whole trace's order, so that a cause or a leader looks the same in every panel.
  const present = (states: readonly string[], all: readonly string[]) => all.map((s, i) => [s, i] as const).filter(([s]) => states.includes(s));
  const causes = present([...new Set(data.down.map((d) => d.state))], view.causes);
  const leaderNames = present(data.leaders.map((d) => d.state), view.leaderNames);
  const unrecorded = data.leaders.some((d) => d.state === NOT_RECORDED);
  const paused = data.gaps.length > 0;
  const omitted = trace.omitted;
  const bounded = omitted
    ? [
        `A bounded trace: ${omitted.events.toLocaleString('en-US')} events outside the windows around faults and outages are counted, not drawn (grey: not recorded).`,
      ]
    : [];
  // A zoom panel has a row only for what was down in it: no need to say which workers have none.
  const hidden =
    data.hiddenComponents > 0 && !options.window
      ? [`Workers that never failed have no row; past ${MAX_WORKER_ROWS} failed workers, a cluster's workers share one row (${data.hiddenComponents} workers without a row of their own).`]
      : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'Timeline of one replication',
      subtitle: wrapLines([...(options.subtitle ?? wholeSubtitle(view)), ...hidden, ...bounded], SUBTITLE_CHARS),
    },
    config: CONFIG,
    spacing: 18,
    resolve: { scale: { x: 'shared', color: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      // A zoom panel in which no component was down has no component strip.
      ...(options.window && data.componentLanes.length === 0
        ? []
        : [
            strip('Components down', data.componentLanes, data.down, {
              field: 'state',
              type: 'nominal',
              scale: { domain: causes.map(([c]) => c), range: causes.map(([, i]) => causeColour(i)) },
              legend: { title: 'Why down', orient: 'right', labelLimit: 160 },
            }, null),
          ]),
      strip('etcd leader', data.leaderLanes, data.leaders, {
        field: 'state',
        type: 'nominal',
        scale: {
          domain: [...leaderNames.map(([l]) => l), NO_LEADER, ...(unrecorded ? [NOT_RECORDED] : [])],
          range: [...leaderNames.map(([, i]) => leaderColour(i)), DOWN_COLOR, ...(unrecorded ? [NOT_RECORDED_COLOR] : [])],
        },
        legend: { title: 'Leading member', orient: 'right', labelLimit: 160 },
      }, null),
      strip('Availability signals', data.signalLanes, data.signals, {
        field: 'state',
        type: 'nominal',
        scale: { domain: ['up', 'down', ...(paused ? [NOT_RECORDED] : [])], range: [UP_COLOR, DOWN_COLOR, ...(paused ? [NOT_RECORDED_COLOR] : [])] },
        legend: { title: 'Signal', orient: 'right' },
      }, axis.title),
    ],
  };
}

function rowsOf(intervals: readonly Interval[], value: (t: SimTime) => number) {
  return intervals.map((i) => ({
    lane: i.lane,
    state: i.state,
    detail: i.detail,
    start: value(i.start),
    end: value(i.end),
    from: formatClock(i.start),
    to: formatClock(i.end),
    length: formatSeconds(i.end - i.start),
  }));
}

function wholeSubtitle(view: TimelineView): string[] {
  const lines = [`${formatSeconds(view.end - view.start)} of simulated time; dashed lines mark injected faults (hover for details).`];
  if (view.mergedBelow !== undefined) {
    lines.push(`Spans shorter than ${formatSeconds(view.mergedBelow)} (one pixel here) that lie less than that apart in a row are merged into one bar (hover: what it holds).`);
  }
  return lines;
}

interface TimeAxis {
  readonly title: string;
  readonly scale: { readonly domain: [number, number]; readonly nice: false; readonly zero: false };
  readonly axis: Record<string, unknown>;
  /**
   * Whether each bar carries its own aria-label: not on the whole horizon, where hundreds of
   * labels would make up most of timeline.svg and read as noise (the title says what is drawn).
   */
  readonly markAria: boolean;
  /** Seconds of simulated time as the axis's value, rounded to a hundredth of a pixel (shorter specs, the same drawing). */
  value(t: SimTime): number;
}

/** Steps between a window's ticks: the first that gives at most eight. */
const TICK_STEPS: readonly SimTime[] = [10, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];

/**
 * The whole horizon reads in minutes, hours or days from the start; a window reads in seconds,
 * its ticks at round steps labelled as day and clock ("30d 02:15").
 */
function timeAxis(view: TimelineView, width: number): TimeAxis {
  const span = view.end - view.start;
  const rounded = (scale: number) => {
    const digits = Math.max(0, -Math.floor(Math.log10(span / scale / width / 100)));
    return (t: SimTime): number => Number((t / scale).toFixed(digits));
  };
  if (view.mergedBelow !== undefined) {
    const unit = timeUnitFor(span);
    const value = rounded(unit.seconds);
    return { title: `Simulated time (${unit.name})`, scale: { domain: [value(view.start), value(view.end)], nice: false, zero: false }, axis: { tickMinStep: 1 }, markAria: false, value };
  }
  const value = rounded(1);
  const step = TICK_STEPS.find((s) => span / s <= 8) ?? Math.ceil(span / 8 / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) ticks.push(t);
  const clock = step < MINUTE ? '%H:%M:%S' : '%H:%M';
  return {
    title: 'Simulated time (day and clock)',
    scale: { domain: [value(view.start), value(view.end)], nice: false, zero: false },
    axis: { values: ticks, labelExpr: `floor(datum.value / 86400) + 'd ' + utcFormat(datum.value * 1000, '${clock}')` },
    markAria: true,
    value,
  };
}

/** Warm colours for why a component is down (never green: green means up), by the cause's place in the whole trace. */
function causeColour(i: number): string {
  const colors = ['#e15759', '#f28e2b', '#b07aa1', '#9c755f', '#ff9da7', '#edc948', '#4e79a7', '#bab0ac'];
  return colors[i % colors.length] ?? MUTED_COLOR;
}

/** Calm colours for leaders (no red, which means "no leader", and no green, which means up). */
function leaderColour(i: number): string {
  const colors = ['#4e79a7', '#76b7b2', '#edc948', '#b07aa1', '#9c755f', '#f28e2b', '#bab0ac'];
  return colors[i % colors.length] ?? MUTED_COLOR;
}

/** About how many characters of a subtitle fit across the chart (vega draws each line as one, cutting nothing: a longer one runs off the page). */
const SUBTITLE_CHARS = 130;

/** Each line broken at spaces into lines of at most `width` characters (a longer word stays whole). */
export function wrapLines(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    out.push(current);
  }
  return out;
}
