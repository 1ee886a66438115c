/** The discrete-event environment: a clock, an event queue and the loop that runs them. */
import { EventQueue } from './EventQueue.js';
import type { SimTime } from './SimTime.js';

/** What runs when an event fires. `payload` lets one handler serve many objects without closures. */
export type Handler = (sim: Simulation, payload: number) => void;

/** Identifies a scheduled event, for `cancel`. */
export type EventId = number;

/**
 * Life cycle of an event: scheduled (in the queue), then either processed (its handler ran, at
 * its time) or cancelled (it never runs). The clock only moves forward: scheduling an event
 * before `now` is an error, as is a delay that is negative or not a number.
 */
export class Simulation {
  private readonly queue = new EventQueue<Handler>(256);
  // Lazy deletion: cancelled events stay in the heap and are skipped when they reach the top.
  // Cancels are rare next to pushes, so a set is cheaper than keeping heap positions.
  private readonly cancelled = new Set<number>();
  private clock: SimTime = 0;
  private processed = 0;

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
    return this.queue.size;
  }

  /** Schedules `handler` to run `delay` seconds from now. */
  schedule(delay: SimTime, handler: Handler, payload = 0): EventId {
    if (!(delay >= 0)) throw new RangeError(`Simulation.schedule: negative or invalid delay ${delay}`);
    return this.queue.push(this.clock + delay, handler, payload);
  }

  /** Schedules `handler` at absolute time `time` (not before now). */
  at(time: SimTime, handler: Handler, payload = 0): EventId {
    if (!(time >= this.clock)) {
      throw new RangeError(`Simulation.at: time ${time} is before now (${this.clock}); time never goes backwards`);
    }
    return this.queue.push(time, handler, payload);
  }

  /** Cancels a scheduled event; cancelling one already processed or cancelled does nothing. */
  cancel(id: EventId): void {
    this.cancelled.add(id);
  }

  /** Time of the next event that will run; Infinity when none is left. */
  peek(): SimTime {
    this.dropCancelled();
    return this.queue.peekTime();
  }

  /**
   * Runs events in (time, scheduling order) while their time is before `until`, then sets the
   * clock to `until`. As in SimPy, events at exactly `until` stay queued for a later call.
   */
  run(until: SimTime = Infinity): void {
    if (!(until >= this.clock)) throw new RangeError(`Simulation.run: until ${until} is before now (${this.clock})`);
    const q = this.queue;
    const cancelled = this.cancelled;
    while (q.size > 0) {
      const t = q.peekTime();
      if (!(t < until)) break;
      const seq = q.peekSeq();
      const handler = q.peekHandler();
      const payload = q.peekPayload();
      q.pop();
      if (cancelled.size > 0 && cancelled.delete(seq)) continue;
      this.clock = t;
      this.processed++;
      handler(this, payload);
    }
    if (until !== Infinity) this.clock = until;
  }

  /** Runs exactly the next event; returns false when the queue is empty. */
  step(): boolean {
    this.dropCancelled();
    const q = this.queue;
    if (q.size === 0) return false;
    const t = q.peekTime();
    const handler = q.peekHandler();
    const payload = q.peekPayload();
    q.pop();
    this.clock = t;
    this.processed++;
    handler(this, payload);
    return true;
  }

  private dropCancelled(): void {
    const q = this.queue;
    while (q.size > 0 && this.cancelled.size > 0 && this.cancelled.delete(q.peekSeq())) q.pop();
  }
}
