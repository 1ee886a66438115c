/** Turns a trace's events into intervals per lane (down spans, leaders, signal states) for the timeline chart. */
import type { SimTime } from '../kernel/index.js';
import type { Trace } from '../model/Trace.js';

export interface Interval {
  readonly lane: string;
  readonly start: SimTime;
  readonly end: SimTime;
  /** What the bar shows: a cause of a down span, a leader's name or `no leader`, `up` or `down`. */
  readonly state: string;
  /** More for the tooltip: the term and reason of a leader, the groups of a partition. */
  readonly detail: string;
}

export interface TimelineData {
  readonly horizon: SimTime;
  /** Rows of the down-span strip: datacenters, then components in the trace's order, then partitions. */
  readonly componentLanes: readonly string[];
  readonly down: readonly Interval[];
  /** Workers that never went down are left out of the strip, or it would hold thousands of rows. */
  readonly hiddenComponents: number;
  readonly leaderLanes: readonly string[];
  readonly leaders: readonly Interval[];
  readonly signalLanes: readonly string[];
  readonly signals: readonly Interval[];
  readonly faults: readonly { readonly t: SimTime; readonly text: string }[];
}

export const PARTITION_LANE = 'network partition';
export const NO_LEADER = 'no leader';

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
          down.push({ lane: e.name, start: was.start, end: e.t, state: was.cause, detail: `back: ${e.cause}` });
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
        leaderOpen.set(lane, { start: e.t, state: e.leader ?? NO_LEADER, detail: `term ${e.term}: ${e.reason}` });
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
  for (const [name, o] of open) down.push({ lane: name, start: o.start, end, state: o.cause, detail: 'still down at the end' });
  if (partitionStart) down.push({ lane: PARTITION_LANE, start: partitionStart.t, end, state: 'partition', detail: partitionStart.text });
  for (const [lane, o] of leaderOpen) if (end > o.start) leaders.push({ lane, ...o, end });
  for (const [key, o] of signalOpen) if (end > o.start) signals.push(signalInterval(key, o.start, end, o.up));

  const everDown = new Set(down.map((d) => d.lane));
  const shown = trace.components.filter((c) => !/\/worker-\d+$/.test(c) || everDown.has(c));
  const named = new Set([...datacenters, ...trace.components]);
  const extra = [...everDown].filter((l) => !named.has(l) && l !== PARTITION_LANE);
  return {
    horizon: trace.horizon,
    componentLanes: [...datacenters, ...shown, ...extra, ...(everDown.has(PARTITION_LANE) ? [PARTITION_LANE] : [])],
    down,
    hiddenComponents: trace.components.length - shown.length,
    leaderLanes: [...leaderOpen.keys()],
    leaders,
    signalLanes: [...new Set([...trace.signals, ...signalOpen.keys()])],
    signals,
    faults,
  };
}

function signalInterval(lane: string, start: SimTime, end: SimTime, up: boolean): Interval {
  return { lane, start, end, state: up ? 'up' : 'down', detail: '' };
}
