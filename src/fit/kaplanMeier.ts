/** The Kaplan–Meier estimate of a distribution function from right-censored observations: the empirical CDF when nothing is censored. */
import type { Observation } from './Observation.js';

/** One step: at `time`, the estimated F jumps from `before` to `after`. */
export interface KmStep {
  readonly time: number;
  readonly before: number;
  readonly after: number;
  /** Events at this time. */
  readonly events: number;
}

/**
 * The steps of F̂(t) = 1 − Π (1 − dᵢ / nᵢ) over event times tᵢ ≤ t, with nᵢ the number still
 * at risk just before tᵢ (a censoring at the same time as an event counts as after it, the usual
 * convention). Steps come in increasing time; F̂ is flat between them and after the last one.
 */
export function kaplanMeier(observations: readonly Observation[]): KmStep[] {
  const sorted = [...observations].sort((a, b) => a.value - b.value || Number(a.censored) - Number(b.censored));
  const steps: KmStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i]!.value;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.value === time) {
      if (!sorted[i]!.censored) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      const before = 1 - survival;
      survival *= 1 - events / atRisk;
      steps.push({ time, before, after: 1 - survival, events });
    }
    atRisk -= leaving;
  }
  return steps;
}
