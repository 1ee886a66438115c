/** Exact signal availabilities and outage rates by summing over every joint state of independent units. */
import { evaluateSignals, SIGNAL_BITS, type SignalMasks } from './signalMasks.js';
import type { Unit } from './units.js';

/** Long-run totals of one signal: P(up), P(down), and outages per second. */
export interface SignalTotals {
  readonly up: number;
  readonly down: number;
  readonly outagesPerSecond: number;
}

/** Above this many units (2^22 ~ 4 million joint states) enumeration refuses. */
export const ENUMERATION_UNIT_LIMIT = 22;

/**
 * Sums the product-form weight prod(up or down) of every joint state into each signal's up or
 * down total: exact for independent units, whatever their distributions. Outage rates follow
 * Ross ("Introduction to Probability Models", systems with repair): a signal goes down when an
 * up unit whose loss flips it fails, which happens at rate P(state) * failureRate(unit), again
 * for any distributions of independent alternating renewal processes in the long run. Two
 * passes: the signals of every state first (one byte each), then the weights, depth first.
 */
export function enumerateSignals(units: readonly Unit[], masks: SignalMasks): SignalTotals[] {
  const k = units.length;
  if (k > ENUMERATION_UNIT_LIMIT) throw new RangeError(`enumerateSignals takes at most ${ENUMERATION_UNIT_LIMIT} units, found ${k}`);
  const values = new Uint8Array(1 << k);
  for (let s = 0; s < values.length; s++) values[s] = evaluateSignals(masks, s);
  const ups = Float64Array.from(units, (u) => u.up);
  const downs = Float64Array.from(units, (u) => u.down);
  const rates = Float64Array.from(units, (u) => u.failureRate);
  // Totals per signal bit (1, 2, 4): the hot loop below indexes them by bit, not by signal.
  const up = new Float64Array(5);
  const down = new Float64Array(5);
  const rate = new Float64Array(5);
  const leaf = (s: number, w: number) => {
    const v = values[s]!;
    for (const bit of SIGNAL_BITS) {
      if (v & bit) up[bit]! += w;
      else down[bit]! += w;
    }
    if (v === 0) return;
    for (let rest = s; rest !== 0; ) {
      const low = rest & -rest;
      rest ^= low;
      const lost = v & ~values[s ^ low]!;
      if (lost === 0) continue;
      const r = w * rates[31 - Math.clz32(low)]!;
      for (const bit of SIGNAL_BITS) if (lost & bit) rate[bit]! += r;
    }
  };
  const visit = (u: number, s: number, w: number): void => {
    if (w === 0) return;
    if (u === k) return leaf(s, w);
    visit(u + 1, s | (1 << u), w * ups[u]!);
    visit(u + 1, s, w * downs[u]!);
  };
  visit(0, 0, 1);
  return SIGNAL_BITS.map((bit) => ({ up: up[bit]!, down: down[bit]!, outagesPerSecond: rate[bit]! }));
}
