/** The node monitor's passes to come: for each check time, the nodes due then, in the order they were added; no allocation once grown. */
import type { SimTime } from '../kernel/index.js';

/**
 * Each pass is a list of entries in a shared pool (an entry: a worker and the next entry), so a
 * worker can wait in two passes at once (its check moved; the old pass then skips it) and adding
 * or reading allocates nothing: a pass per node check would otherwise be an array, short-lived
 * but promoted, and the heap would grow with the horizon. Passes are few at any time (a check is
 * at most a grace period and a monitor period ahead), so they are found by a scan.
 */
export class MonitorPasses {
  private worker = new Int32Array(64);
  private next = new Int32Array(64);
  /** Entries never used yet start here; freed ones are chained from `free`. */
  private fresh = 0;
  private free = -1;
  private time = new Float64Array(8);
  private first = new Int32Array(8);
  private last = new Int32Array(8);
  private count = 0;
  /** The entry `take` returns next, of the pass being read. */
  private reading = -1;

  /**
   * Adds worker `w` to the pass at `t`; returns true when it is the first of that pass (the caller
   * schedules the pass then).
   */
  add(t: SimTime, w: number): boolean {
    const e = this.entry(w);
    for (let p = 0; p < this.count; p++) {
      if (this.time[p] !== t) continue;
      this.next[this.last[p]!] = e;
      this.last[p] = e;
      return false;
    }
    if (this.count === this.time.length) this.growPasses();
    const p = this.count++;
    this.time[p] = t;
    this.first[p] = e;
    this.last[p] = e;
    return true;
  }

  /** Starts reading the pass at `t` (and forgets it: workers added at `t` from now on make a new one); `take` returns its workers. */
  open(t: SimTime): void {
    let p = 0;
    while (p < this.count && this.time[p] !== t) p++;
    if (p === this.count) throw new Error(`MonitorPasses.open: no pass at ${t}`);
    this.reading = this.first[p]!;
    const end = --this.count;
    this.time[p] = this.time[end]!;
    this.first[p] = this.first[end]!;
    this.last[p] = this.last[end]!;
  }

  /** The next worker of the pass being read, or -1 when it has no more. */
  take(): number {
    const e = this.reading;
    if (e < 0) return -1;
    this.reading = this.next[e]!;
    this.next[e] = this.free;
    this.free = e;
    return this.worker[e]!;
  }

  private entry(w: number): number {
    let e = this.free;
    if (e >= 0) this.free = this.next[e]!;
    else {
      if (this.fresh === this.worker.length) this.growEntries();
      e = this.fresh++;
    }
    this.worker[e] = w;
    this.next[e] = -1;
    return e;
  }

  private growEntries(): void {
    this.worker = doubled(this.worker);
    this.next = doubled(this.next);
  }

  private growPasses(): void {
    this.time = doubled(this.time);
    this.first = doubled(this.first);
    this.last = doubled(this.last);
  }
}

/** A typed array twice as long, holding `a` at its start. */
function doubled<A extends Int32Array | Float64Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}
