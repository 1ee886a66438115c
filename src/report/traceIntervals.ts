/** Turns a trace's events into intervals per lane (down spans, leaders, signal states) for the timeline chart. */
import type { SimTime } from '../kernel/index.js';
import type { Trace, TraceGap } from '../model/Trace.js';
import { componentLanes } from './_internals/componentLanes.js';

export interface Interval {
  readonly lane: string;
  readonly start: SimTime;
  readonly end: SimTime;
  /** What the bar shows: the kind of cause of a down span, the leading member (`etcd-2`) or `no leader`, `up` or `down`. */
  readonly state: string;
  /** More for the tooltip: the term and reason of a leader, the groups of a partition. */
  readonly detail: string;
}

export interface TimelineData {
  readonly horizon: SimTime;
  /** Rows of the down-span strip: datacenters, then components in the trace's order, then partitions. */
  readonly componentLanes: readonly string[];
  readonly down: readonly Interval[];
  /** Workers with no row of their own: never down, or folded into one row per cluster (see componentLanes). */
  readonly hiddenComponents: number;
  readonly leaderLanes: readonly string[];
  readonly leaders: readonly Interval[];
  readonly signalLanes: readonly string[];
  readonly signals: readonly Interval[];
  readonly faults: readonly { readonly t: SimTime; readonly text: string }[];
  /** Where a bounded trace was paused (empty for a whole trace). */
  readonly gaps: readonly TraceGap[];
}

export const PARTITION_LANE = 'network partition';
export const NO_LEADER = 'no leader';
export const NOT_RECORDED = 'not recorded';

/**
 * Causes the model words as a sentence about one component (src/model/faults, CauseTracker), and
 * their kind: without these, each component's crash or upgrade would be a legend entry of its own.
 */
const SENTENCES: readonly (readonly [RegExp, string])[] = [
  [/^scripted crash of /, 'scripted crash'],
  [/^scripted outage of failure domain /, 'scripted outage'],
  [/^rolling upgrade takes /, 'rolling upgrade'],
  [/^failure domain .+ fails$/, 'failure domain outage'],
];

/**
 * The kind of a cause, for the legend: the model writes "worker failure: prod/worker-7 fails", so
 * the part before the first colon ("worker failure"), or the kind of a known sentence ("scripted
 * crash of prod/etcd-1": "scripted crash"); the whole cause stays in the detail.
 */
export function causeCategory(cause: string): string {
  for (const [sentence, kind] of SENTENCES) if (sentence.test(cause)) return kind;
  const i = cause.indexOf(':');
  return (i > 0 ? cause.slice(0, i) : cause).trim() || 'unknown';
}

export function traceIntervals(trace: Trace): TimelineData {
  const down: Interval[] = [];
  const open = new Map<string, { start: SimTime; cause: string }>();
  const datacenters: string[] = [];
  const leaders: Interval[] = [];
  const leaderOpen = new Map<string, { start: SimTime; state: string; detail: string }>();
  const signals: Interval[] = [];
  const signalOpen = new Map<string, { start: SimTime; up: boolean }>(trace.signals.map((s) => [s, { start: 0, up: true }]));
  const faults: { t: SimTime; text: string }[] = [];
  let partitionStart: { t: SimTime; text: string } | undefined;

  for (const e of trace.events) {
    switch (e.kind) {
      case 'datacenter':
      case 'component': {
        if (e.kind === 'datacenter' && !datacenters.includes(e.name)) datacenters.push(e.name);
        const was = open.get(e.name);
        if (!e.up && was === undefined) open.set(e.name, { start: e.t, cause: e.cause });
        if (e.up && was !== undefined) {
          down.push({ lane: e.name, start: was.start, end: e.t, state: causeCategory(was.cause), detail: `${was.cause}; back: ${e.cause}` });
          open.delete(e.name);
        }
        break;
      }
      case 'partition': {
        const text = e.groups.map((g) => `[${g.join(', ')}]`).join(' | ');
        if (e.active && partitionStart === undefined) partitionStart = { t: e.t, text };
        if (!e.active && partitionStart !== undefined) {
          down.push({ lane: PARTITION_LANE, start: partitionStart.t, end: e.t, state: 'partition', detail: partitionStart.text });
          partitionStart = undefined;
        }
        break;
      }
      case 'leader': {
        const lane = `${e.cluster} etcd leader`;
        const was = leaderOpen.get(lane);
        if (was !== undefined && e.t > was.start) leaders.push({ lane, ...was, end: e.t });
        // The member's own name (etcd-2) colours the bar, alike in every cluster; the tooltip has it all.
        const member = e.leader === null ? NO_LEADER : e.leader.slice(e.leader.lastIndexOf('/') + 1);
        leaderOpen.set(lane, { start: e.t, state: member, detail: `${e.leader ?? 'none'}, term ${e.term}: ${e.reason}` });
        break;
      }
      case 'signal': {
        const was = signalOpen.get(e.key) ?? { start: 0, up: true };
        if (was.up === e.up) break;
        if (e.t > was.start) signals.push(signalInterval(e.key, was.start, e.t, was.up));
        signalOpen.set(e.key, { start: e.t, up: e.up });
        break;
      }
      case 'fault':
        faults.push({ t: e.t, text: e.text });
        break;
      case 'note':
        break;
    }
  }
  // Whatever is still open runs to the end of the trace (censored, as in the statistics).
  const end = trace.horizon;
  for (const [name, o] of open) down.push({ lane: name, start: o.start, end, state: causeCategory(o.cause), detail: `${o.cause}; still down at the end` });
  if (partitionStart) down.push({ lane: PARTITION_LANE, start: partitionStart.t, end, state: 'partition', detail: partitionStart.text });
  for (const [lane, o] of leaderOpen) if (end > o.start) leaders.push({ lane, ...o, end });
  for (const [key, o] of signalOpen) if (end > o.start) signals.push(signalInterval(key, o.start, end, o.up));

  const gaps = trace.gaps ?? [];
  if (gaps.length > 0) {
    // A bounded trace's paused spans show as "not recorded" rather than as the state before them.
    const paused = (lane: string) => gaps.map((g) => ({ lane, start: g.start, end: g.end, state: NOT_RECORDED, detail: 'the trace was paused here (docs/limits.md, "Traces")' }));
    down.splice(0, down.length, ...outsideGaps(down, gaps));
    const lanes = (list: Interval[]) => [...new Set(list.map((l) => l.lane))];
    leaders.splice(0, leaders.length, ...outsideGaps(leaders, gaps), ...lanes(leaders).flatMap(paused));
    signals.splice(0, signals.length, ...outsideGaps(signals, gaps), ...lanes(signals).flatMap(paused));
  }
  const rows = componentLanes(trace.components, datacenters, down, PARTITION_LANE);
  // A leader lane whose first record comes after the start: who led until then is not in the trace.
  for (const lane of leaderOpen.keys()) {
    const first = Math.min(...leaders.filter((l) => l.lane === lane).map((l) => l.start), leaderOpen.get(lane)!.start);
    if (first > 0) leaders.unshift({ lane, start: 0, end: first, state: NOT_RECORDED, detail: 'the trace holds no leader record before this' });
  }
  const clusterOrder = [...new Set(trace.components.map((c) => c.split('/')[0]!))];
  const rank = (lane: string): number => {
    const i = clusterOrder.indexOf(lane.replace(/ etcd leader$/, ''));
    return i === -1 ? clusterOrder.length : i;
  };
  return {
    horizon: trace.horizon,
    componentLanes: rows.lanes,
    down: rows.down,
    hiddenComponents: rows.foldedOrHidden,
    leaderLanes: [...leaderOpen.keys()].sort((a, b) => rank(a) - rank(b)),
    leaders,
    signalLanes: [...new Set([...trace.signals, ...signalOpen.keys()])],
    signals,
    faults,
    gaps,
  };
}

/** The parts of the intervals outside the gaps (both sorted lists of disjoint spans per lane). */
function outsideGaps(intervals: readonly Interval[], gaps: readonly TraceGap[]): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    let start = i.start;
    for (const g of gaps) {
      if (g.end <= start || g.start >= i.end) continue;
      if (g.start > start) out.push({ ...i, start, end: g.start });
      start = Math.max(start, g.end);
    }
    if (i.end > start) out.push({ ...i, start });
  }
  return out;
}

function signalInterval(lane: string, start: SimTime, end: SimTime, up: boolean): Interval {
  return { lane, start, end, state: up ? 'up' : 'down', detail: '' };
}
