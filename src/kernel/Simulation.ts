/** The discrete-event environment: a clock, an event queue and the loop that runs them. */
import { TimedHeap } from './_internals/TimedHeap.js';
import type { SimTime } from './SimTime.js';

/**
 * What runs when an event fires. `payload` (a 32-bit integer, e.g. a component's index) lets one
 * handler serve many objects without a closure per event.
 */
export type Handler = (sim: Simulation, payload: number) => void;

/** Identifies a scheduled event, for `cancel`. */
export type EventId = number;

/**
 * Life cycle of an event: scheduled (in the queue), then either processed (its handler ran, at
 * its time) or cancelled (it never runs). Events run in order of time, and events at the same
 * time in the order they were scheduled. The clock only moves forward: scheduling an event
 * before `now` is an error, as is a delay that is negative or not a number.
 */
export class Simulation {
  private readonly heap = new TimedHeap<Handler>(256);
  // Lazy deletion: cancelled events stay in the heap and are skipped when they reach the top.
  // Cancels are rare next to pushes, so a set is cheaper than keeping heap positions.
  private readonly cancelled = new Set<number>();
  private clock: SimTime = 0;
  private processed = 0;
  // Whether the queue's top entry is the event whose handler is running (or last ran): it is
  // left in place so that the handler's first schedule can replace it in one sift (most handlers
  // schedule exactly one follow-up) instead of a pop and a push. Every other entry point removes
  // it first (settle), so nothing outside can tell.
  private topSpent = false;
  // The watchdog: every CHECK_EVERY events run() looks up from the hot loop (see checkpoint).
  private nextCheck = CHECK_EVERY;
  private checkedAt: SimTime = 0;
  private sameInstant = 0;
  private sameInstantFrom = 0;
  private limit = Infinity;
  private stopped = false;

  /**
   * Stops run() once this many events have been processed in all (the clock stays where the last
   * event left it): for measuring a scenario's pace on a slice of it. Infinity by default.
   */
  set eventLimit(n: number) {
    this.limit = n;
    this.nextCheck = Math.min(this.nextCheck, Math.max(this.processed + 1, n));
  }

  /** Whether run() stopped at the event limit rather than at `until` or an empty queue. */
  get limitReached(): boolean {
    return this.stopped;
  }

  /** The current simulated time, in seconds. */
  get now(): SimTime {
    return this.clock;
  }

  /** Number of events processed so far (cancelled ones excluded). */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Number of events waiting (cancelled ones that have not reached the top included). */
  get pending(): number {
    return this.heap.count - (this.topSpent ? 1 : 0);
  }

  /** Schedules `handler` to run `delay` seconds from now. */
  schedule(delay: SimTime, handler: Handler, payload = 0): EventId {
    if (!(delay >= 0)) throw invalidDelay(delay);
    return this.enqueue(this.clock + delay, handler, payload);
  }

  /** Schedules `handler` at absolute time `time` (not before now). */
  at(time: SimTime, handler: Handler, payload = 0): EventId {
    if (!(time >= this.clock)) throw timeBeforeNow('Simulation.at: time', time, this.clock);
    return this.enqueue(time, handler, payload);
  }

  /**
   * Cancels a scheduled event; cancelling one already processed or cancelled does nothing, and
   * an id never returned by `schedule`/`at` is ignored (it cannot cancel a later event).
   */
  cancel(id: EventId): void {
    if (!(id >= 0 && id < this.heap.nextSeq && Number.isInteger(id))) return;
    const cancelled = this.cancelled;
    cancelled.add(id);
    // Ids of events already processed would stay in the set forever: when the set outgrows
    // the queue, keep only the ids still waiting. Amortised O(1) per cancel, memory bounded.
    if (cancelled.size > 2 * this.heap.count + 32) this.forgetProcessed();
  }

  /** Time of the next event that will run; Infinity when none is left. */
  peek(): SimTime {
    this.settle();
    this.dropCancelled();
    return this.heap.count > 0 ? this.heap.times[0]! : Infinity;
  }

  /**
   * Runs events in (time, scheduling order) while their time is before `until`, then sets the
   * clock to `until`. As in SimPy, events at exactly `until` stay queued for a later call.
   */
  run(until: SimTime = Infinity): void {
    if (!(until >= this.clock)) throw timeBeforeNow('Simulation.run: until', until, this.clock);
    const q = this.heap;
    const cancelled = this.cancelled;
    this.stopped = false;
    // The hot loop. It stays small on purpose: V8 inlines the handler into it when it can.
    for (;;) {
      if (this.topSpent) this.settle();
      if (q.count === 0) break;
      const t = q.times[0]!;
      if (!(t < until)) break;
      if (cancelled.size > 0 && cancelled.delete(q.seqs[0]!)) {
        q.pop();
        continue;
      }
      if (this.processed === this.nextCheck && !this.checkpoint(t)) return;
      const handler = q.handlers[0]!;
      const payload = q.payloads[0]!;
      this.topSpent = true;
      this.clock = t;
      this.processed++;
      handler(this, payload);
    }
    if (until !== Infinity) this.clock = until;
  }

  /**
   * The watchdog, before the event at `t` runs: false when the event limit is reached; throws
   * EventStormError when time has not moved for MAX_SAME_INSTANT events (a model that schedules
   * without end at one instant would otherwise run silently forever).
   */
  private checkpoint(t: SimTime): boolean {
    if (this.processed >= this.limit) {
      this.stopped = true;
      return false;
    }
    this.sameInstant = t === this.checkedAt ? this.sameInstant + (this.processed - this.sameInstantFrom) : 0;
    this.sameInstantFrom = this.processed;
    this.checkedAt = t;
    if (this.sameInstant >= MAX_SAME_INSTANT) throw new EventStormError(t, this.sameInstant);
    this.nextCheck = Math.min(this.processed + CHECK_EVERY, Math.max(this.processed + 1, this.limit));
    return true;
  }

  /** Runs exactly the next event; returns false when the queue is empty. */
  step(): boolean {
    this.settle();
    this.dropCancelled();
    const q = this.heap;
    if (q.count === 0) return false;
    const handler = q.handlers[0]!;
    const payload = q.payloads[0]!;
    this.topSpent = true;
    this.clock = q.times[0]!;
    this.processed++;
    handler(this, payload);
    return true;
  }

  private enqueue(time: SimTime, handler: Handler, payload: number): EventId {
    // The heap keeps payloads in an Int32Array: anything else would come back changed.
    if ((payload | 0) !== payload) throw invalidPayload(payload);
    if (this.topSpent) {
      this.topSpent = false;
      return this.heap.replaceTop(time, handler, payload);
    }
    return this.heap.push(time, handler, payload);
  }

  /** Removes the spent top entry, if any. */
  private settle(): void {
    if (this.topSpent) {
      this.topSpent = false;
      this.heap.pop();
    }
  }

  private forgetProcessed(): void {
    this.settle();
    const cancelled = this.cancelled;
    const waiting: number[] = [];
    const q = this.heap;
    for (let i = 0; i < q.count; i++) if (cancelled.has(q.seqs[i]!)) waiting.push(q.seqs[i]!);
    // In place: run() holds a reference to this set.
    cancelled.clear();
    for (const seq of waiting) cancelled.add(seq);
  }

  private dropCancelled(): void {
    const q = this.heap;
    while (q.count > 0 && this.cancelled.size > 0 && this.cancelled.delete(q.seqs[0]!)) q.pop();
  }
}

/** How often run() looks up from the hot loop, in events. */
const CHECK_EVERY = 1 << 20;
/** Events at one instant past which time is taken to be stuck. */
export const MAX_SAME_INSTANT = 1 << 24;

/** Thrown by run() when the clock has not moved for MAX_SAME_INSTANT events: an event storm. */
export class EventStormError extends Error {
  override name = 'EventStormError';
  constructor(
    readonly at: SimTime,
    readonly events: number,
  ) {
    super(`event storm: ${events.toLocaleString('en-US')} events at t=${at} s without time moving on; the model schedules without end at one instant`);
  }
}

// Errors are built out of line, to keep schedule() and at() small enough to inline.
function invalidDelay(delay: number): RangeError {
  return new RangeError(`Simulation.schedule: delay must be a number >= 0 (time never goes backwards), found ${delay}`);
}

function invalidPayload(payload: number): RangeError {
  return new RangeError(`Simulation: an event payload must be a 32-bit integer (an index), found ${payload}`);
}

function timeBeforeNow(what: string, time: number, now: SimTime): RangeError {
  if (Number.isNaN(time)) return new RangeError(`${what} must be a number, found NaN`);
  return new RangeError(`${what} ${time} is before now (${now}); time never goes backwards`);
}
