/** Time-weighted statistics of one 0/1 signal over a run, accumulated in constant memory. */
import { LogHistogram } from './LogHistogram.js';
import type { SimTime } from './SimTime.js';

/**
 * Life cycle: created at time `start` in a known state, then `set(now, up)` at every change (a
 * repeated value is ignored), then `finish(end)` once. Up time plus down time always equals
 * end - start. An outage still open at the end counts, truncated at the end (it is censored).
 */
export class SignalStats {
  upTime: SimTime = 0;
  downTime: SimTime = 0;
  /** Number of transitions from up to down (an outage open at the start counts as one). */
  outages = 0;
  longestOutage: SimTime = 0;
  /** Shortest completed (or censored) outage; Infinity while there has been none. */
  shortestOutage: SimTime = Infinity;
  readonly outageLengths = new LogHistogram();
  private up: boolean;
  private since: SimTime;
  private finished = false;
  // Whether `since` marks a change made by `set` (not the initial state), for zero-length outages.
  private sinceChange = false;

  constructor(
    start: SimTime,
    initiallyUp: boolean,
    private readonly onChange?: (time: SimTime, up: boolean) => void,
  ) {
    this.up = initiallyUp;
    this.since = start;
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
      this.outages++;
    } else if (span === 0 && this.outages > 0 && this.sinceChange) {
      // Down and up again at the same instant: no outage happened, so take the count back.
      this.outages--;
    } else {
      this.downTime += span;
      this.closeOutage(span);
    }
    this.sinceChange = true;
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
      this.closeOutage(span);
    }
    this.since = end;
    this.finished = true;
  }

  /** Fraction of the time up; NaN for an empty span. */
  get availability(): number {
    return this.upTime / (this.upTime + this.downTime);
  }

  private closeOutage(length: SimTime): void {
    this.outageLengths.add(length);
    if (length > this.longestOutage) this.longestOutage = length;
    if (length < this.shortestOutage) this.shortestOutage = length;
  }
}
