/** One observed duration in seconds: a complete one (an event) or a right-censored one (still running when observation stopped). */
export interface Observation {
  /** Seconds; for a censored observation, how long it had lasted when observation stopped. */
  readonly value: number;
  /** True when the period was still running at the end (or began before the start) of observation. */
  readonly censored: boolean;
}

/** The number of complete observations: what a fit learns the most from. */
export function eventCount(observations: readonly Observation[]): number {
  let n = 0;
  for (const o of observations) if (!o.censored) n++;
  return n;
}
