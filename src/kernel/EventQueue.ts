/** A binary min-heap of timed events on typed arrays, first-in-first-out among equal times. */
import type { SimTime } from './SimTime.js';

/**
 * The heap orders entries by (time, sequence). The sequence number grows with every push, so
 * two entries at the same time come out in the order they were pushed and runs repeat exactly.
 * Entries live in parallel typed arrays (time, sequence, payload) plus one array of handler
 * references, so pushing and popping allocate nothing once the arrays have grown.
 */
export class EventQueue<H> {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private handlers: (H | undefined)[];
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const cap = Math.max(2, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.payloads = new Int32Array(cap);
    this.handlers = new Array<H | undefined>(cap);
  }

  get size(): number {
    return this.count;
  }

  /** Pushes an entry and returns its sequence number, which identifies it (for cancelling). */
  push(time: SimTime, handler: H, payload = 0): number {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    let i = this.count++;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.times[p]!;
      if (pt < time || (pt === time && this.seqs[p]! < seq)) break;
      this.move(p, i);
      i = p;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.payloads[i] = payload;
    this.handlers[i] = handler;
    return seq;
  }

  /** Time of the earliest entry; Infinity when empty. */
  peekTime(): SimTime {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Sequence number of the earliest entry; -1 when empty. */
  peekSeq(): number {
    return this.count > 0 ? this.seqs[0]! : -1;
  }

  /** Payload of the earliest entry. */
  peekPayload(): number {
    return this.payloads[0]!;
  }

  /** Handler of the earliest entry. */
  peekHandler(): H {
    return this.handlers[0]!;
  }

  /** Removes the earliest entry (read it first with the peek methods). */
  pop(): void {
    if (this.count === 0) throw new Error('EventQueue.pop: the queue is empty');
    const last = --this.count;
    const t = this.times[last]!;
    const s = this.seqs[last]!;
    const pl = this.payloads[last]!;
    const h = this.handlers[last];
    this.handlers[last] = undefined;
    if (last === 0) return;
    // Sift the former last entry down from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (this.times[r]! < this.times[c]! || (this.times[r] === this.times[c] && this.seqs[r]! < this.seqs[c]!))) c = r;
      const ct = this.times[c]!;
      if (t < ct || (t === ct && s < this.seqs[c]!)) break;
      this.move(c, i);
      i = c;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.payloads[i] = pl;
    this.handlers[i] = h;
  }

  clear(): void {
    this.handlers.fill(undefined, 0, this.count);
    this.count = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.payloads[to] = this.payloads[from]!;
    this.handlers[to] = this.handlers[from];
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    const payloads = new Int32Array(cap);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
    this.handlers.length = cap;
  }
}
