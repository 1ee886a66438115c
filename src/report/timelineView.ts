/** What a timeline chart draws of a trace: the whole horizon with short spans merged, or a window with every span as it was. */
import type { SimTime } from '../kernel/index.js';
import type { Trace } from '../model/Trace.js';
import { mergeShortIntervals } from './mergeShortIntervals.js';
import { NO_LEADER, NOT_RECORDED, traceIntervals, type Interval, type TimelineData } from './traceIntervals.js';

/** At most this many kinds of cause get a colour of their own; the rarest random ones share "other". */
const MAX_CAUSES = 8;

/** Kinds of cause a scripted fault gives (traceIntervals): each keeps its colour, so a fault's zoom panel never says "other" for the fault itself. */
const isScripted = (kind: string) => kind === 'partition' || kind === 'rolling upgrade' || kind.startsWith('scripted ');

export interface TimeWindow {
  readonly start: SimTime;
  readonly end: SimTime;
}

export interface TimelineView {
  readonly data: TimelineData;
  /** The span drawn: the whole horizon, or the window. */
  readonly start: SimTime;
  readonly end: SimTime;
  /** On the whole horizon: spans shorter than this (one pixel's time) were merged (mergeShortIntervals). */
  readonly mergedBelow?: SimTime;
  /** Every kind of cause and every leader of the whole trace, in colour order, so that a window colours them as the whole does. */
  readonly causes: readonly string[];
  readonly leaderNames: readonly string[];
}

/**
 * The trace's intervals for a chart `width` pixels wide. Without a window: the whole horizon, with
 * runs of spans shorter than one pixel's time merged in every row. With one: only what overlaps it,
 * cut at its edges, component rows with nothing down in it left out, and nothing merged.
 */
export function timelineView(trace: Trace, width: number, window?: TimeWindow): TimelineView {
  const raw = traceIntervals(trace);
  const counts = new Map<string, number>();
  for (const d of raw.down) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => Number(isScripted(b[0])) - Number(isScripted(a[0])) || b[1] - a[1]);
  const kept = new Set(ranked.slice(0, counts.size > MAX_CAUSES ? MAX_CAUSES - 1 : MAX_CAUSES).map(([c]) => c));
  const data: TimelineData = { ...raw, down: raw.down.map((d) => (kept.has(d.state) ? d : { ...d, state: 'other' })) };
  const colours = {
    causes: [...new Set(data.down.map((d) => d.state))],
    leaderNames: [...new Set(data.leaders.map((d) => d.state).filter((s) => s !== NO_LEADER && s !== NOT_RECORDED))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  };
  if (window) return { data: clip(data, window), start: window.start, end: window.end, ...colours };
  const below = data.horizon / width;
  return {
    data: {
      ...data,
      down: mergeShortIntervals(data.down, below),
      leaders: mergeShortIntervals(data.leaders, below, { prefer: [NO_LEADER] }),
      signals: mergeShortIntervals(data.signals, below, { prefer: ['down'] }),
    },
    start: 0,
    end: data.horizon,
    mergedBelow: below,
    ...colours,
  };
}

function clip(data: TimelineData, w: TimeWindow): TimelineData {
  const inside = (list: readonly Interval[]): Interval[] =>
    list.filter((i) => i.end > w.start && i.start < w.end).map((i) => ({ ...i, start: Math.max(i.start, w.start), end: Math.min(i.end, w.end) }));
  const down = inside(data.down);
  const lanes = new Set(down.map((d) => d.lane));
  return {
    ...data,
    componentLanes: data.componentLanes.filter((l) => lanes.has(l)),
    down,
    leaders: inside(data.leaders),
    signals: inside(data.signals),
    faults: data.faults.filter((f) => f.t >= w.start && f.t < w.end),
    gaps: data.gaps.filter((g) => g.end > w.start && g.start < w.end),
  };
}
