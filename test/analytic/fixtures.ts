/** Builds Scenario values in code for the analytic tests, without the parser: defaults plus what a test overrides. */
import type { Distribution } from '../../src/kernel/index.js';
import type { AnalyticResult, ClusterAnswer } from '../../src/analytic/index.js';
import type { FailureProcess, Scenario } from '../../src/scenario/Scenario.js';
import { scenario as modelScenario } from '../model/fixtures.js';

export { cluster } from '../model/fixtures.js';

type ScenarioInput = Partial<Omit<Scenario, 'raft' | 'kubernetes'>>;

/** A scenario around `clusters` (one default cluster) over a year; the analytic answer reads no timings. */
export function scenario(s: ScenarioInput = {}): Scenario {
  return modelScenario({ horizon: 365 * 86_400, ...s });
}

export const exp = (mean: number): Distribution => ({ kind: 'exponential', mean });

/** An exponential failure process with these means, in seconds. */
export const fails = (mttf: number, mttr: number): FailureProcess => ({ mttf: exp(mttf), mttr: exp(mttr) });

export const HOUR = 3600;
export const DAY = 86_400;
export const YEAR = 365 * DAY;

/** The answer for one cluster, failing the test with the reason if anything was refused. */
export function clusterAnswer(r: AnalyticResult, name = 'prod'): ClusterAnswer {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  const c = r.clusters[name];
  if (!c) throw new Error(`no cluster ${name}`);
  if (!c.ok) throw new Error(`cluster ${name} refused: ${c.reason}`);
  return c;
}
