/**
 * Records a replication's trace events when a report or `explain` asks for them, and nothing
 * otherwise; a long or busy replication keeps a bounded trace (docs/limits.md, "Traces").
 *
 * The first `free` events are all kept. After that only windows are: around each scripted fault,
 * and while any signal is down (an outage, whichever comes); between windows the recorder pauses.
 * While paused it still follows the state of every lane (which components are down and why, who
 * leads, which signals are down, the partition), so that when a window opens it first writes the
 * lanes that changed meanwhile, at the window's start, and the timeline stays right from there on.
 * The paused spans are the trace's gaps; what was left out is counted by kind. Nothing is kept
 * past `max` events. The memory held is bounded by `max` and the number of lanes, whatever the
 * horizon.
 */
import type { Simulation, SimTime } from '../../kernel/index.js';
import type { TraceEvent, TraceGap, TraceOmitted } from '../Trace.js';

export interface TraceLimits {
  /** Events kept unconditionally, from the start. */
  readonly free: number;
  /** Events kept at most. */
  readonly max: number;
}

/** The limits reports use: a trace of a few MB at most. */
export const TRACE_LIMITS: TraceLimits = { free: 10_000, max: 50_000 };

/** A span of time that is always recorded (while under `max`): [start, end]. */
export interface TraceWindow {
  readonly start: SimTime;
  readonly end: SimTime;
}

type LaneEvent = Extract<TraceEvent, { kind: 'component' | 'datacenter' }>;
type LeaderEvent = Extract<TraceEvent, { kind: 'leader' }>;
type PartitionEvent = Extract<TraceEvent, { kind: 'partition' }>;

/** What the lanes show: down hosts with their cause, leaders, down signals, the partition. */
class LaneState {
  readonly down = new Map<string, LaneEvent>();
  readonly leaders = new Map<string, LeaderEvent>();
  readonly signalsDown = new Set<string>();
  partition: PartitionEvent | undefined;

  apply(e: TraceEvent): void {
    switch (e.kind) {
      case 'component':
      case 'datacenter':
        if (e.up) this.down.delete(e.name);
        else if (!this.down.has(e.name)) this.down.set(e.name, e);
        break;
      case 'leader':
        this.leaders.set(e.cluster, e);
        break;
      case 'signal':
        if (e.up) this.signalsDown.delete(e.key);
        else this.signalsDown.add(e.key);
        break;
      case 'partition':
        this.partition = e.active ? e : undefined;
        break;
      default:
        break;
    }
  }
}

export class TraceRecorder {
  /** The events so far, or undefined when nobody asked for a trace. */
  readonly events: TraceEvent[] | undefined;
  /** The spans the recorder was paused in (nothing recorded but the state when it resumed). */
  readonly gaps: TraceGap[] = [];
  private readonly omittedByKind = new Map<TraceEvent['kind'], number>();
  private omittedTotal = 0;
  /** The state of every lane, from every event, kept or not. */
  private readonly actual = new LaneState();
  /** The state of every lane as the kept events tell it. */
  private readonly told = new LaneState();
  private paused: SimTime | undefined;
  private window = 0;
  private readonly windows: readonly TraceWindow[];

  constructor(
    private readonly sim: Simulation,
    enabled: boolean,
    windows: readonly TraceWindow[] = [],
    private readonly limits: TraceLimits = TRACE_LIMITS,
  ) {
    this.events = enabled ? [] : undefined;
    this.windows = [...windows].sort((a, b) => a.start - b.start);
  }

  record(e: TraceEvent): void {
    const events = this.events;
    if (events === undefined) return;
    if (!this.keeps(e, events.length)) {
      this.actual.apply(e);
      this.omit(e);
      return;
    }
    if (this.paused !== undefined) this.resume(e.t, events);
    events.push(e);
    this.actual.apply(e);
    this.told.apply(e);
  }

  /** Whether a line of narration written now would be kept (models skip composing it otherwise). */
  get narrating(): boolean {
    return this.events !== undefined && this.keeps({ t: this.sim.now, kind: 'note', text: '' }, this.events.length);
  }

  /** A line of narration at the current instant. */
  note(text: string): void {
    if (this.events !== undefined) this.record({ t: this.sim.now, kind: 'note', text });
  }

  /** Closes the last gap at the horizon; what was left out, or undefined when nothing was. */
  finish(horizon: SimTime): TraceOmitted | undefined {
    if (this.paused !== undefined) {
      if (horizon > this.paused) this.gaps.push({ start: this.paused, end: horizon });
      this.paused = undefined;
    }
    if (this.omittedTotal === 0) return undefined;
    const byKind: Record<string, number> = {};
    for (const [kind, n] of [...this.omittedByKind].sort((a, b) => (a[0] < b[0] ? -1 : 1))) byKind[kind] = n;
    return { events: this.omittedTotal, byKind, limits: { ...this.limits } };
  }

  private keeps(e: TraceEvent, kept: number): boolean {
    if (kept >= this.limits.max) return false;
    if (kept < this.limits.free) return true;
    // Outages: a signal event, or anything while a signal is down (the state before this event).
    if (e.kind === 'signal' || e.kind === 'fault' || this.told.signalsDown.size > 0) return true;
    return this.inWindow(e.t) !== undefined;
  }

  /** The window holding `t`, if any (events come in time order, so windows are passed once). */
  private inWindow(t: SimTime): TraceWindow | undefined {
    const w = this.windows;
    while (this.window < w.length && w[this.window]!.end < t) this.window++;
    const next = w[this.window];
    return next !== undefined && next.start <= t ? next : undefined;
  }

  private omit(e: TraceEvent): void {
    this.omittedTotal++;
    this.omittedByKind.set(e.kind, (this.omittedByKind.get(e.kind) ?? 0) + 1);
    if (this.paused === undefined) this.paused = e.t;
  }

  /**
   * Ends a gap before the event at `t`: every lane whose state changed while paused is written
   * as it stands, at the start of the window (or at `t`, for an outage).
   */
  private resume(t: SimTime, events: TraceEvent[]): void {
    const window = this.inWindow(t);
    const at = Math.max(this.paused!, window !== undefined ? Math.min(window.start, t) : t);
    if (at > this.paused!) this.gaps.push({ start: this.paused!, end: at });
    this.paused = undefined;
    const write = (e: TraceEvent) => {
      events.push(e);
      this.told.apply(e);
    };
    for (const [name, e] of this.told.down) {
      if (!this.actual.down.has(name)) write({ t: at, kind: e.kind, name, up: true, cause: 'back while the trace was paused' } as LaneEvent);
    }
    for (const [name, e] of this.actual.down) {
      const told = this.told.down.get(name);
      if (told !== undefined && told.cause === e.cause && told.kind === e.kind) continue;
      // Down all along as told, but for another cause now: close the told span first.
      if (told !== undefined) write({ ...told, t: at, up: true, cause: 'back while the trace was paused' });
      write({ ...e, t: at });
    }
    for (const [cluster, e] of this.actual.leaders) {
      const told = this.told.leaders.get(cluster);
      if (told === undefined || told.leader !== e.leader || told.term !== e.term) write({ ...e, t: at });
    }
    for (const key of this.told.signalsDown) if (!this.actual.signalsDown.has(key)) write({ t: at, kind: 'signal', key, up: true });
    for (const key of this.actual.signalsDown) if (!this.told.signalsDown.has(key)) write({ t: at, kind: 'signal', key, up: false });
    const p = this.actual.partition;
    const toldPartition = this.told.partition;
    if (p?.groups !== toldPartition?.groups) {
      if (toldPartition !== undefined) write({ ...toldPartition, t: at, active: false });
      if (p !== undefined) write({ ...p, t: at });
    }
  }
}
