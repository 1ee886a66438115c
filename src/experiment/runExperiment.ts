/** Runs a scenario's replications and summarises them. */
import type { Trace } from '../model/Trace.js';
import type { Scenario } from '../scenario/Scenario.js';
import { aggregate, replicationRows, type CostModel } from './aggregate.js';
import type { ReplicationDigest } from './Digest.js';
import type { ReplicationRow, Summary } from './Summary.js';
import { runTasks, type TaskResult } from './pool.js';

export interface ExperimentOptions {
  readonly costModel: CostModel;
  /** Record the trace of this replication (0-based), for timelines. */
  readonly traceReplication?: number;
  /** Called after each replication with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Worker threads; 1 runs in this thread. */
  readonly jobs?: number;
  /** Only these replications (a shard); all of them when absent. */
  readonly replications?: readonly number[];
}

export interface ExperimentResult {
  readonly summary: Summary;
  readonly rows: readonly ReplicationRow[];
  readonly digests: readonly ReplicationDigest[];
  readonly trace?: Trace;
}

/** Runs the scenario's replications (or the `replications` given) on `jobs` threads and summarises them. */
export async function runExperiment(s: Scenario, options: ExperimentOptions): Promise<ExperimentResult> {
  const reps = options.replications ?? Array.from({ length: s.replications }, (_, i) => i);
  const task = { scenario: s, replications: reps, ...(options.traceReplication !== undefined ? { traceReplication: options.traceReplication } : {}) };
  const [{ digests, trace }] = (await runTasks([task], options.jobs ?? 1, options.onProgress)) as [TaskResult];
  return summarize(s, digests, options.costModel, trace);
}

/** The experiment's result from digests (for merged shards too). */
export function summarize(s: Scenario, digests: readonly ReplicationDigest[], costModel: CostModel, trace?: Trace): ExperimentResult {
  return {
    summary: aggregate(s, digests, costModel),
    rows: replicationRows(digests),
    digests,
    ...(trace ? { trace } : {}),
  };
}
