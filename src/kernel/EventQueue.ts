/** A binary min-heap of timed events on typed arrays, first-in-first-out among equal times. */
import { TimedHeap } from './_internals/TimedHeap.js';
import type { SimTime } from './SimTime.js';

/**
 * The heap orders entries by (time, sequence). The sequence number grows with every push, so
 * two entries at the same time come out in the order they were pushed and runs repeat exactly.
 * Entries live in parallel typed arrays, so pushing and popping allocate nothing once the arrays
 * have grown. Simulation uses the same heap (./_internals/TimedHeap.ts) directly.
 */
export class EventQueue<H> {
  private readonly heap: TimedHeap<H>;

  constructor(initialCapacity = 64) {
    this.heap = new TimedHeap<H>(initialCapacity);
  }

  get size(): number {
    return this.heap.count;
  }

  /** The sequence number the next push will return; every smaller one has been returned. */
  get nextSequence(): number {
    return this.heap.nextSeq;
  }

  /**
   * Pushes an entry and returns its sequence number, which identifies it (for cancelling).
   * `payload` is stored as a 32-bit integer.
   */
  push(time: SimTime, handler: H, payload = 0): number {
    if (Number.isNaN(time)) throw new RangeError('EventQueue.push: time must be a number, found NaN');
    return this.heap.push(time, handler, payload);
  }

  /** Removes the earliest entry and pushes a new one, in one sift; returns its sequence number. */
  replaceTop(time: SimTime, handler: H, payload = 0): number {
    if (Number.isNaN(time)) throw new RangeError('EventQueue.replaceTop: time must be a number, found NaN');
    return this.heap.replaceTop(time, handler, payload);
  }

  /** Time of the earliest entry; Infinity when empty. */
  peekTime(): SimTime {
    return this.heap.count > 0 ? this.heap.times[0]! : Infinity;
  }

  /** Sequence number of the earliest entry; -1 when empty. */
  peekSeq(): number {
    return this.heap.count > 0 ? this.heap.seqs[0]! : -1;
  }

  /** Payload of the earliest entry. */
  peekPayload(): number {
    return this.heap.payloads[0]!;
  }

  /** Handler of the earliest entry. */
  peekHandler(): H {
    return this.heap.handlers[0]!;
  }

  /** Removes the earliest entry (read it first with the peek methods). */
  pop(): void {
    this.heap.pop();
  }

  clear(): void {
    this.heap.clear();
  }
}
