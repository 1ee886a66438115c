/** Runs a scenario's replications and summarises them. */
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import type { Trace } from '../model/Trace.js';
import type { Scenario } from '../scenario/Scenario.js';
import { aggregate, replicationRows, type CostModel } from './aggregate.js';
import { digest, type ReplicationDigest } from './Digest.js';
import type { ReplicationRow, Summary } from './Summary.js';

export interface ExperimentOptions {
  readonly costModel: CostModel;
  /** Record the trace of this replication (0-based), for timelines. */
  readonly traceReplication?: number;
  /** Called after each replication with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Only these replications (a shard); all of them when absent. */
  readonly replications?: readonly number[];
}

export interface ExperimentResult {
  readonly summary: Summary;
  readonly rows: readonly ReplicationRow[];
  readonly digests: readonly ReplicationDigest[];
  readonly trace?: Trace;
}

/** Runs replications one after another in this thread (see `parallel.ts` for worker threads). */
export function runDigests(s: Scenario, reps: readonly number[], traceReplication?: number, onProgress?: (done: number) => void): { digests: ReplicationDigest[]; trace?: Trace } {
  const topology = buildTopology(s);
  const digests: ReplicationDigest[] = [];
  let trace: Trace | undefined;
  for (const rep of reps) {
    const r = runReplication(s, topology, rep, { trace: rep === traceReplication });
    if (r.trace) trace = r.trace;
    digests.push(digest(r));
    onProgress?.(digests.length);
  }
  return trace ? { digests, trace } : { digests };
}

export function runExperiment(s: Scenario, options: ExperimentOptions): ExperimentResult {
  const reps = options.replications ?? Array.from({ length: s.replications }, (_, i) => i);
  const { digests, trace } = runDigests(s, reps, options.traceReplication, (done) => options.onProgress?.(done, reps.length));
  return {
    summary: aggregate(s, digests, options.costModel),
    rows: replicationRows(digests),
    digests,
    ...(trace ? { trace } : {}),
  };
}
