/**
 * Censoring times for the bootstrap, by the conditional scheme of Davison and Hinkley (Bootstrap
 * Methods and their Application, 1997, §3.5): a censored observation keeps its own censoring
 * time; an event's is unknown but later than the event, and is drawn from the Kaplan–Meier
 * estimate of the censoring distribution (censorings as its events) given that it is later.
 */
import type { RandomStream } from '../kernel/index.js';
import { kaplanMeier } from './kaplanMeier.js';
import type { Observation } from './Observation.js';

/** Draws a censoring time later than `after`; Infinity when the estimate leaves the draw beyond every censoring seen. */
export type CensoringDraw = (after: number, rng: RandomStream) => number;

export function censoringTimes(observations: readonly Observation[]): CensoringDraw {
  // The censoring distribution's steps: its survival after each censoring time, in increasing
  // time; survival never rises, so both searches below are binary.
  const steps = kaplanMeier(observations.map((o) => ({ value: o.value, censored: !o.censored })));
  const times = steps.map((s) => s.time);
  const survival = steps.map((s) => 1 - s.after);
  /** The first index in [lo, n) where `pass` holds, given that it holds from some index on. */
  const first = (lo: number, pass: (i: number) => boolean): number => {
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pass(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return (after, rng) => {
    const later = first(0, (i) => times[i]! > after);
    const base = later === 0 ? 1 : survival[later - 1]!;
    if (base <= 0) return Infinity;
    const target = base * (1 - rng.next());
    const at = first(later, (i) => survival[i]! <= target);
    return at < times.length ? times[at]! : Infinity;
  };
}
