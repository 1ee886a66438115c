/**
 * Splits each signal's downtime among the causes in effect while it is down: the rule of
 * docs/downtime-by-cause.md, in constant memory and without a string per event.
 *
 * Causes are small integers; a cause is held in scopes (0: every signal; or a cluster's layer)
 * by counts, so that overlapping holds of one cause compose like Infrastructure's. Each signal
 * reads a list of scopes. While a signal is down, every span between two changes goes:
 * - to the causes held in any of its scopes, in equal shares (one cause: all of it);
 * - to the signal's mechanism of the moment (leader election, lease handover, rescheduling)
 *   when none is held: the signal is down only because the world is still recovering.
 * The shares of a span add up to the span, so a signal's causes add up to its downtime.
 */
import type { SimTime } from '../../kernel/index.js';

/** What the ledger reads of a signal; read only at a flush, so the values are those of the span just ended. */
export interface LedgerSignal {
  /** The scopes whose causes count for the signal (0, every signal's, included by the caller). */
  readonly scopes: readonly number[];
  isDown(): boolean;
  /** The cause (a mechanism) the signal's downtime goes to while no cause is held for it. */
  mechanism(): number;
}

export class DowntimeLedger {
  /** Per signal (in the order given), seconds of downtime per cause. */
  readonly seconds: Float64Array[];
  private readonly counts: Int32Array;
  /** Scratch: which causes are held for the signal being attributed. */
  private readonly held: Uint8Array;
  private since: SimTime = 0;
  /** Whether some signal may be down: while none is, a flush only moves the start of the span. */
  private anyDown = true;

  constructor(
    readonly causes: number,
    scopes: number,
    private readonly signals: readonly LedgerSignal[],
    start: SimTime = 0,
  ) {
    this.seconds = signals.map(() => new Float64Array(causes));
    this.counts = new Int32Array(scopes * causes);
    this.held = new Uint8Array(causes);
    this.since = start;
  }

  /** Adds (d = 1) or removes (d = -1) a hold of `cause` in each of `scopes`, at `now`. */
  hold(scopes: ArrayLike<number>, cause: number, d: number, now: SimTime): void {
    const { counts, causes } = this;
    // The attribution reads only whether a cause is held in a scope: a count that moves without
    // reaching or leaving 0 (the 14th worker down, say) changes no share, and the span goes on.
    let changes = false;
    for (let i = 0; i < scopes.length && !changes; i++) {
      const before = counts[scopes[i]! * causes + cause]!;
      changes = before > 0 !== before + d > 0;
    }
    if (changes) this.flush(now);
    for (let i = 0; i < scopes.length; i++) counts[scopes[i]! * causes + cause]! += d;
  }

  /**
   * The owner says whether any signal is down after a change of their states (isDown is read
   * only when one may be); a flush then skips the signals while every one is up.
   */
  signalsChanged(anyDown: boolean): void {
    this.anyDown = anyDown;
  }

  /** Attributes the span since the last flush, with the signals' states and holds of that span. */
  flush(now: SimTime): void {
    const span = now - this.since;
    this.since = now;
    if (!(span > 0) || !this.anyDown) return;
    for (let i = 0; i < this.signals.length; i++) if (this.signals[i]!.isDown()) this.attribute(i, span);
  }

  private attribute(i: number, span: SimTime): void {
    const { causes, counts, held } = this;
    const signal = this.signals[i]!;
    const scopes = signal.scopes;
    let n = 0;
    for (let k = 0; k < causes; k++) {
      let on = 0;
      for (let j = 0; j < scopes.length && on === 0; j++) if (counts[scopes[j]! * causes + k]! > 0) on = 1;
      held[k] = on;
      n += on;
    }
    const acc = this.seconds[i]!;
    if (n === 0) {
      acc[signal.mechanism()]! += span;
      return;
    }
    const share = span / n;
    for (let k = 0; k < causes; k++) if (held[k] === 1) acc[k]! += share;
  }
}
