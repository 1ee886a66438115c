/** The binary min-heap of timed entries under Simulation, its fields open to it. */
import type { SimTime } from '../SimTime.js';

/**
 * Entries are ordered by (time, sequence); the sequence number grows with every push, so equal
 * times come out first-in-first-out. They live in parallel typed arrays (time, sequence,
 * payload) plus one array of handler references: pushing and popping allocate nothing once the
 * arrays have grown. `count` entries are valid; `times[0]` etc. are the earliest.
 *
 * Why the fields are public: Simulation's loop reads the top entry straight from the arrays.
 * Through accessor methods the same loop ran ~15% slower, because the inlined accessors used up
 * V8's inlining budget and the model's handler was then no longer inlined into the loop.
 *
 * An entry is written into its slot before it is sifted, so no double is passed to a function
 * V8 may not inline (that would box it: an allocation per event).
 */
export class TimedHeap<H> {
  times: Float64Array;
  seqs: Float64Array;
  payloads: Int32Array;
  handlers: (H | undefined)[];
  count = 0;
  nextSeq = 0;

  constructor(initialCapacity = 64) {
    const cap = Math.max(2, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.payloads = new Int32Array(cap);
    // Filled one by one, not new Array(cap): a packed array, whose loads need no hole check.
    this.handlers = [];
    for (let i = 0; i < cap; i++) this.handlers.push(undefined);
  }

  /** Pushes an entry and returns its sequence number, which identifies it (for cancelling). */
  push(time: SimTime, handler: H, payload = 0): number {
    const i = this.count++;
    if (i === this.times.length) this.grow();
    const seq = this.nextSeq++;
    this.times[i] = time;
    this.seqs[i] = seq;
    this.payloads[i] = payload;
    this.handlers[i] = handler;
    this.siftUp(i);
    return seq;
  }

  /** Removes the earliest entry and pushes a new one, in one sift; returns its sequence number. */
  replaceTop(time: SimTime, handler: H, payload = 0): number {
    if (this.count === 0) throw empty('replaceTop');
    const seq = this.nextSeq++;
    this.times[0] = time;
    this.seqs[0] = seq;
    this.payloads[0] = payload;
    this.handlers[0] = handler;
    this.siftDown(0);
    return seq;
  }

  /** Removes the earliest entry (read it first from slot 0). */
  pop(): void {
    if (this.count === 0) throw empty('pop');
    const last = --this.count;
    this.times[0] = this.times[last]!;
    this.seqs[0] = this.seqs[last]!;
    this.payloads[0] = this.payloads[last]!;
    this.handlers[0] = this.handlers[last];
    this.handlers[last] = undefined;
    if (last > 1) this.siftDown(0);
  }

  clear(): void {
    this.handlers.fill(undefined, 0, this.count);
    this.count = 0;
  }

  /** Moves the entry at `i` up to its place. */
  private siftUp(i: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const handlers = this.handlers;
    const t = times[i]!;
    const s = seqs[i]!;
    const pl = payloads[i]!;
    const h = handlers[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < t || (pt === t && seqs[p]! < s)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      payloads[i] = payloads[p]!;
      handlers[i] = handlers[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    payloads[i] = pl;
    handlers[i] = h;
  }

  /** Moves the entry at `i` down to its place. */
  private siftDown(i: number): void {
    const n = this.count;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const handlers = this.handlers;
    const t = times[i]!;
    const s = seqs[i]!;
    const pl = payloads[i]!;
    const h = handlers[i];
    const half = n >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      let ct = times[c]!;
      const r = c + 1;
      if (r < n) {
        const rt = times[r]!;
        if (rt < ct || (rt === ct && seqs[r]! < seqs[c]!)) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      payloads[i] = payloads[c]!;
      handlers[i] = handlers[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    payloads[i] = pl;
    handlers[i] = h;
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
    for (let i = this.handlers.length; i < cap; i++) this.handlers.push(undefined);
  }
}

// Built out of line, to keep the hot methods small enough for V8 to inline.
function empty(method: string): Error {
  return new Error(`TimedHeap.${method}: the heap is empty`);
}
