/** The one-sided 95% lower bound on availability when no outage was observed: the rule of three (docs/statistics.md). */
import { mean, YEAR } from '../kernel/index.js';
import { processSpecs } from '../model/FailureProcesses.js';
import type { Topology } from '../model/Topology.js';
import { faultDefinition } from '../scenario/faults/faultKinds.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { AvailabilityBound } from './Summary.js';

/**
 * No outage in a simulated time T: if outages came as a Poisson process of rate λ, seeing none
 * has probability e^(−λT), which is below 5% once λT > 3 (e^−3 ≈ 0.0498). So λ ≤ 3/T at 95%
 * (Hanley and Lippman-Hand, "If nothing goes wrong, is everything all right?", JAMA 1983), and
 * with outages lasting `assumedOutageSeconds` on average the unavailability is at most
 * 3·d/T: availability ≥ max(0, 1 − 3·d/T). With d = 0 (nothing can fail) the bound is 1.
 */
export function zeroOutageBound(totalSeconds: number, assumedOutageSeconds: number): AvailabilityBound {
  const availability = assumedOutageSeconds > 0 ? Math.max(0, 1 - (3 * assumedOutageSeconds) / totalSeconds) : 1;
  return { availability, method: 'rule-of-three', simulatedYears: totalSeconds / YEAR, assumedOutageSeconds };
}

/**
 * The outage length the bound assumes: the longest mean repair time of the scenario's random
 * failure processes (datacenter, failure domain, host and component `mttr`), or the longest
 * scripted fault if that is longer; 0 when nothing can fail. An outage of a signal ends at the
 * latest when the repair that caused it does, so its mean is at most the longest mean repair
 * (for a quorum that needs several members down, much less).
 */
export function assumedOutageSeconds(s: Scenario, t: Topology): number {
  let d = 0;
  for (const p of processSpecs(s, t)) d = Math.max(d, mean(p.spec.mttr));
  for (const f of s.faults) d = Math.max(d, faultDefinition(f).downSeconds(f, s));
  return d;
}
