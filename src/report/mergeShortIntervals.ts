/** Merges the spans of a timeline row that are too short to see at a chart's width into one bar each (the year-long timeline). */
import type { SimTime } from '../kernel/index.js';
import { formatSeconds } from './format.js';
import { NOT_RECORDED, type Interval } from './traceIntervals.js';

export interface MergeOptions {
  /** States that colour a merged bar whenever it holds one (in this order): `down`, `no leader`. Otherwise the state with most time wins. */
  readonly prefer?: readonly string[];
}

/**
 * In each row, a run of spans each shorter than `below` that lie less than `below` apart (or
 * overlap) becomes one span from the run's first start to its last end; its detail says how many
 * spans of each state it holds and their time. A longer span, and a "not recorded" one, ends a run
 * and stays as it is; so does a run of one. The rows keep their order; spans within a row come out
 * by start. With `below` one pixel's time, the merged chart looks as the whole one would (a
 * sub-pixel bar is drawn a pixel wide anyway) with far fewer marks.
 */
export function mergeShortIntervals(intervals: readonly Interval[], below: SimTime, options: MergeOptions = {}): Interval[] {
  const byLane = new Map<string, Interval[]>();
  for (const i of intervals) {
    const lane = byLane.get(i.lane);
    if (lane) lane.push(i);
    else byLane.set(i.lane, [i]);
  }
  const out: Interval[] = [];
  for (const lane of byLane.values()) {
    let run: Interval[] = [];
    let runEnd = -Infinity;
    const flush = (): void => {
      if (run.length > 0) out.push(run.length === 1 ? run[0]! : merged(run, runEnd, below, options.prefer ?? []));
      run = [];
      runEnd = -Infinity;
    };
    for (const i of [...lane].sort((a, b) => a.start - b.start)) {
      const short = i.end - i.start < below && i.state !== NOT_RECORDED;
      if (!short) {
        flush();
        out.push(i);
        continue;
      }
      if (run.length > 0 && i.start - runEnd >= below) flush();
      run.push(i);
      runEnd = Math.max(runEnd, i.end);
    }
    flush();
  }
  return out;
}

function merged(run: readonly Interval[], end: SimTime, below: SimTime, prefer: readonly string[]): Interval {
  // Time and count per state, in the order the states first appear.
  const by = new Map<string, { n: number; seconds: number }>();
  for (const i of run) {
    const s = by.get(i.state) ?? { n: 0, seconds: 0 };
    by.set(i.state, { n: s.n + 1, seconds: s.seconds + (i.end - i.start) });
  }
  const states = [...by.keys()];
  const state =
    prefer.find((p) => by.has(p)) ?? states.reduce((best, s) => (by.get(s)!.seconds > by.get(best)!.seconds ? s : best), states[0]!);
  const parts = [...by].map(([s, v]) => `${s} ×${v.n} (${formatSeconds(v.seconds)} in all)`);
  return {
    lane: run[0]!.lane,
    start: run[0]!.start,
    end,
    state,
    detail: `${run.length} spans shorter than ${formatSeconds(below)} merged: ${parts.join(', ')}`,
  };
}
