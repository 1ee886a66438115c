/** Time-weighted statistics of one 0/1 signal over a run, accumulated in constant memory. */
import { LogHistogram } from './LogHistogram.js';
import type { SimTime } from './SimTime.js';

/**
 * Life cycle: created at time `start` in a known state, then `set(now, up)` at every change (a
 * repeated value is ignored), then `finish(end)` once. Up time plus down time always equals
 * end - start. An outage still open at the end counts, truncated at the end (it is censored).
 *
 * Several changes at the same instant count as one: the signal's value at a time is the last one
 * set at that time. So a down and up again at the same instant is no outage, and an up and down
 * again at the same instant does not split an outage in two. Outages therefore have positive
 * lengths; `outages` counts the one in progress, if any, from the moment it starts.
 */
export class SignalStats {
  upTime: SimTime = 0;
  downTime: SimTime = 0;
  /** Number of outages (maximal down intervals of positive length), the one in progress included. */
  outages = 0;
  longestOutage: SimTime = 0;
  /** The (up to) 3 longest outages closed so far, longest first: enough to tell when a few outages hold most of the downtime. */
  longestOutages: readonly SimTime[] = [];
  /** Shortest outage closed so far (an open one counts at `finish`); Infinity while none. */
  shortestOutage: SimTime = Infinity;
  readonly outageLengths = new LogHistogram();
  private up: boolean;
  private since: SimTime;
  private finished = false;
  /** Start of the outage in progress (or of the last one). */
  private outageStart: SimTime;
  // The last outage closed, kept so that a down at the very instant it closed can reopen it.
  private lastCloseTime: SimTime = -Infinity;
  private lastLength: SimTime = 0;
  private longestBeforeLast: SimTime = 0;
  private longestOutagesBeforeLast: readonly SimTime[] = [];
  private shortestBeforeLast: SimTime = Infinity;

  constructor(
    start: SimTime,
    initiallyUp: boolean,
    private readonly onChange?: (time: SimTime, up: boolean) => void,
  ) {
    this.up = initiallyUp;
    this.since = start;
    this.outageStart = start;
    if (!initiallyUp) this.outages = 1;
    onChange?.(start, initiallyUp);
  }

  get isUp(): boolean {
    return this.up;
  }

  set(now: SimTime, up: boolean): void {
    if (up === this.up) return;
    if (this.finished) throw new Error('SignalStats.set: the signal is already finished');
    if (now < this.since) throw new RangeError(`SignalStats.set: time ${now} is before the last change ${this.since}`);
    const span = now - this.since;
    if (this.up) {
      this.upTime += span;
      if (now === this.lastCloseTime) this.reopenLast();
      else {
        this.outages++;
        this.outageStart = now;
      }
    } else {
      this.downTime += span;
      this.closeOutage(now);
    }
    this.up = up;
    this.since = now;
    this.onChange?.(now, up);
  }

  finish(end: SimTime): void {
    if (this.finished) return;
    const span = end - this.since;
    if (this.up) this.upTime += span;
    else {
      this.downTime += span;
      this.closeOutage(end);
    }
    this.since = end;
    this.finished = true;
  }

  /** Fraction of the time up; NaN for an empty span. */
  get availability(): number {
    return this.upTime / (this.upTime + this.downTime);
  }

  private closeOutage(now: SimTime): void {
    const length = now - this.outageStart;
    if (length === 0) {
      // Down and up again at the same instant: no outage happened, take the count back.
      this.outages--;
      return;
    }
    this.outageLengths.add(length);
    this.longestBeforeLast = this.longestOutage;
    this.shortestBeforeLast = this.shortestOutage;
    this.longestOutagesBeforeLast = this.longestOutages;
    this.longestOutages = insertTop(this.longestOutages, length);
    if (length > this.longestOutage) this.longestOutage = length;
    if (length < this.shortestOutage) this.shortestOutage = length;
    this.lastCloseTime = now;
    this.lastLength = length;
  }

  /** Up and down again at the instant the last outage closed: it goes on (still counted once). */
  private reopenLast(): void {
    this.outageLengths.add(this.lastLength, -1);
    this.longestOutage = this.longestBeforeLast;
    this.shortestOutage = this.shortestBeforeLast;
    this.longestOutages = this.longestOutagesBeforeLast;
    this.lastCloseTime = -Infinity;
  }
}

/** How many of the longest outages a signal keeps (the "dominated" verdict reads them). */
export const LONGEST_KEPT = 3;

/** `top` (longest first, at most LONGEST_KEPT) with `length` in its place: O(1), a new array so the previous one can be restored. */
function insertTop(top: readonly SimTime[], length: SimTime): readonly SimTime[] {
  if (top.length === LONGEST_KEPT && length <= top[LONGEST_KEPT - 1]!) return top;
  const out = [...top, length].sort((a, b) => b - a);
  return out.length > LONGEST_KEPT ? out.slice(0, LONGEST_KEPT) : out;
}
