/** The exact steady-state availabilities `kubesim analytic` gives for a scenario's signals, for the summary's `exact` field. */
import { analyzeScenario } from '../analytic/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { ExactValue } from './Summary.js';

/**
 * The signals whose analytic answer is the exact long-run value of the simulated model.
 * `apiWrite` is left out: the analytic answer leaves out leader elections (1-2 s after each loss
 * of the etcd leader), which the simulation includes, so it is an upper bound, not the value.
 */
export const EXACT_SIGNALS = ['etcdQuorum', 'apiRead'] as const;

/**
 * Per cluster and signal (`prod\u0000etcdQuorum`), the exact availability; nothing for a scenario
 * with scripted faults (no steady state includes them), a cluster analyze refuses (too many
 * units), the global signals and signals without a closed form. Cheap: a few milliseconds for
 * the shipped scenarios (closed forms, or a sum over at most 2^22 joint states).
 */
export function exactAvailabilities(s: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  const r = analyzeScenario(s);
  if (!r.ok) return out;
  for (const [cluster, c] of Object.entries(r.clusters)) {
    if (!c.ok) continue;
    for (const signal of EXACT_SIGNALS) out.set(`${cluster}\u0000${signal}`, c.signals[signal].availability);
  }
  return out;
}

/** Whether a value lies in a 95% interval, with a hair of slack for rounding; null without an interval. */
export function withinCi(value: number, ci: readonly [number, number] | null): boolean | null {
  if (ci === null) return null;
  return value >= ci[0] - 1e-12 && value <= ci[1] + 1e-12;
}

/** The summary's `exact` field for an availability known exactly, beside its simulated interval. */
export function exactValue(availability: number | undefined, ci: readonly [number, number] | null): ExactValue | null {
  return availability === undefined ? null : { availability, withinCi: withinCi(availability, ci) };
}
