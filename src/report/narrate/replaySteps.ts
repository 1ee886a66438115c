/** Groups a trace into steps, one per instant at which something happened, with the state before and after each. */
import type { SimTime } from '../../kernel/index.js';
import type { Topology } from '../../model/Topology.js';
import type { Trace, TraceEvent } from '../../model/Trace.js';
import { TraceReplay, type Snapshot } from './TraceReplay.js';

/** A signal that changed over a step (down and up again at the same instant is no change). */
export interface SignalChange {
  /** `prod/apiWrite`, `global/service`. */
  readonly key: string;
  readonly up: boolean;
}

export interface ReplayedStep {
  readonly t: SimTime;
  /** The step's events, in the order the model recorded them. */
  readonly events: readonly TraceEvent[];
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly changed: readonly SignalChange[];
}

/**
 * One step per distinct event time, in order. The model records a cause and the signal changes
 * it brings at the same simulated time (a state change, then one "settle" at that instant), so a
 * step holds a cause together with its consequences. The first step is at time 0: it holds the
 * signals' initial values, which are not changes.
 */
export function replaySteps(trace: Trace, topology: Topology): ReplayedStep[] {
  const replay = new TraceReplay(topology);
  const steps: ReplayedStep[] = [];
  const events = trace.events;
  let i = 0;
  if (events.length === 0 || events[0]!.t > 0) {
    steps.push({ t: 0, events: [], before: replay.snapshot(), after: replay.snapshot(), changed: [] });
  }
  while (i < events.length) {
    const t = events[i]!.t;
    const before = replay.snapshot();
    const group: TraceEvent[] = [];
    const valueBefore = new Map<string, boolean | undefined>();
    for (; i < events.length && events[i]!.t === t; i++) {
      const e = events[i]!;
      if (e.kind === 'signal' && !valueBefore.has(e.key)) valueBefore.set(e.key, replay.signal(e.key));
      replay.apply(e);
      group.push(e);
    }
    const changed: SignalChange[] = [];
    for (const [key, was] of valueBefore) {
      const now = replay.signal(key)!;
      if (was !== undefined && was !== now) changed.push({ key, up: now });
    }
    steps.push({ t, events: group, before, after: replay.snapshot(), changed });
  }
  return steps;
}
