/** `run --fault-cost`: runs the scenario's replications again without each scripted fault, on common random numbers, and prices each fault. */
import type { Scenario } from '../../scenario/Scenario.js';
import type { ReplicationDigest } from '../Digest.js';
import { runTasks } from '../pool.js';
import type { FaultCostSummary } from './FaultCost.js';
import { faultVariants } from './faultVariants.js';
import { faultCostOf } from './pairedCosts.js';

export interface FaultCostOptions {
  /** Worker threads; 1 runs in this thread. */
  readonly jobs: number;
  /** Called after each replication of the paired runs with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the replications of `whole` (the whole scenario's digests) once more for each variant of
 * faultVariants, all in one pool so that the threads stay busy, and compares each replication
 * with itself: same seed, same stream names, so the random failures are the same and the
 * difference is the fault's own. Like the whole run, the result does not depend on `jobs`.
 */
export async function runFaultCost(s: Scenario, whole: readonly ReplicationDigest[], options: FaultCostOptions): Promise<FaultCostSummary> {
  const variants = faultVariants(s);
  const replications = whole.map((d) => d.replication).sort((a, b) => a - b);
  const results = await runTasks(
    variants.map((v) => ({ scenario: v.scenario, replications })),
    options.jobs,
    options.onProgress,
  );
  const costs = variants.map((v, i) => faultCostOf(v, whole, results[i]!.digests, s.horizon));
  return {
    replications: replications.length,
    faults: costs.filter((c) => c.index !== null),
    together: costs.find((c) => c.index === null) ?? null,
  };
}
