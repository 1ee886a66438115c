/** `run --fault-cost`: its checks before any work, and the paired runs after the whole scenario's (docs/fault-cost.md). */
import { runFaultCost } from '../experiment/faultCost/runFaultCost.js';
import { faultCostRuns } from '../experiment/faultCost/faultVariants.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { Scenario } from '../scenario/Scenario.js';
import { InputError } from './errors.js';
import { progress } from './progress.js';

export interface FaultCostFlags {
  /** Price each scripted fault: run every replication again without it, on the same random numbers. */
  readonly faultCost?: boolean;
  readonly ignoreFaults?: boolean;
  readonly shard?: string;
  readonly precision?: string;
}

/** Flags that cannot go with --fault-cost, checked before any file is read. */
export function checkFaultCostFlags(flags: FaultCostFlags): void {
  if (flags.faultCost !== true) return;
  if (flags.shard !== undefined) {
    throw new InputError('--fault-cost: cannot be sharded (partial files do not carry the paired runs); run without --shard');
  }
  if (flags.precision !== undefined) {
    throw new InputError('--fault-cost: not with --precision (an adaptive run has no fixed replications to pair); give --replications instead');
  }
  if (flags.ignoreFaults === true) throw new InputError('--fault-cost: not with --ignore-faults (it prices the scripted faults that --ignore-faults drops)');
}

/** Every scenario has a scripted fault to price, checked after loading and before any work. */
export function checkFaultCostScenarios(flags: FaultCostFlags, scenarios: readonly Scenario[], files: readonly string[]): void {
  if (flags.faultCost !== true) return;
  scenarios.forEach((s, i) => {
    if (s.faults.length === 0) throw new InputError(`--fault-cost: ${files[i]} has no scripted faults (spec.faults) to price`);
  });
}

/** How many times the scenario's replications run: once, or once more per paired run with --fault-cost. */
export function runsPerReplication(flags: FaultCostFlags, s: Scenario): number {
  return flags.faultCost === true ? faultCostRuns(s) : 1;
}

/** The result with its summary's `faultCost` section, after the paired runs (with their own progress line). */
export async function withFaultCost(s: Scenario, result: ExperimentResult, flags: FaultCostFlags, jobs: number): Promise<ExperimentResult> {
  if (flags.faultCost !== true) return result;
  const bar = progress(`${s.name} without each fault`);
  const faultCost = await runFaultCost(s, result.digests, { jobs, onProgress: (d, t) => bar.update(d, t) });
  bar.done();
  return { ...result, summary: { ...result.summary, faultCost } };
}
