/** Runs the points of a sweep (or one shard of them) on worker threads, with the same seed at every point. */
import type { ReplicationDigest } from '../Digest.js';
import { runTasks } from '../pool.js';
import { allReplications, shardReplications, type Shard } from '../shard.js';
import type { SweepPoint } from './summarizeSweep.js';

/**
 * Every point keeps the scenario's seed (common random numbers): replication r of every point
 * draws from the same named streams, so a component that exists at two points fails at the same
 * times in both and the differences between points are the design's, not noise. Returns each
 * point's digests, sorted by replication; with a shard, only that shard's replications.
 */
export async function runSweep(
  points: readonly SweepPoint[],
  options: { readonly jobs: number; readonly shard?: Shard; readonly onProgress?: (done: number, total: number) => void },
): Promise<ReplicationDigest[][]> {
  const counts = points.map((p) => p.scenario.replications);
  const reps = options.shard ? shardReplications(counts, options.shard) : allReplications(counts);
  const tasks = points.map((p, i) => ({ scenario: p.scenario, replications: reps[i]! }));
  const results = await runTasks(tasks, options.jobs, options.onProgress);
  return results.map((r) => [...r.digests]);
}
