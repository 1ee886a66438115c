/** `kubesim sweep`: runs every point of a grid of --set values with the same seed, checks objectives and recommends one. */
import type { SweepJob } from '../../experiment/partial/index.js';
import { defaultJobs } from '../../experiment/pool.js';
import { summarizeSweep, runSweep, type SweepPoint } from '../../experiment/sweep/index.js';
import { clusterCost } from '../../report/cost.js';
import { readScenarioFile } from '../../scenario/index.js';
import { intFlag, shardFlag } from '../flags.js';
import { parseOverrides } from '../overrides.js';
import { progress } from '../progress.js';
import type { OverrideFlags } from '../scenarioInput.js';
import { checkObjectiveSignals, parseObjectives } from '../sweep/objectiveFlags.js';
import { emitSweep, sweepReportDir } from '../sweep/sweepOutput.js';
import { checkReportDir, wantsReport } from '../writeReport.js';
import { buildSweepPoints, parseSetFlags } from '../sweep/sweepPoints.js';
import { writeShardResult } from './runShard.js';

export interface SweepFlags extends OverrideFlags {
  readonly set?: string[];
  readonly slo?: string[];
  readonly maxWriteP99?: string;
  readonly jobs?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly shard?: string;
}

/** The grid of a sweep job: what `sweep` runs and what `merge` rebuilds from a partial result. */
export function sweepPointsOf(job: SweepJob): { name: string; points: SweepPoint[] } {
  return buildSweepPoints(job.scenario, job.parameters, job.overrides);
}

export async function sweepCommand(file: string, flags: SweepFlags): Promise<void> {
  // Every flag is checked before the file is read, and the whole grid before anything runs.
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  const shard = flags.shard === undefined ? undefined : shardFlag(flags.shard);
  const overrides = parseOverrides(flags);
  const parameters = parseSetFlags(flags.set ?? []);
  const objectives = parseObjectives(flags.slo ?? [], flags.maxWriteP99);
  const job: SweepJob = { command: 'sweep', scenario: { file, text: readScenarioFile(file) }, overrides, parameters, objectives };
  const { name, points } = sweepPointsOf(job);
  checkObjectiveSignals(objectives, points[0]!.scenario);
  if (!shard && wantsReport(flags)) await checkReportDir(sweepReportDir(name, flags.out));

  const bar = progress(`${name} sweep${shard ? ` shard ${shard.index}/${shard.count}` : ''}`);
  const digests = await runSweep(points, { jobs, ...(shard ? { shard } : {}), onProgress: (d, t) => bar.update(d, t) });
  bar.done();
  if (shard) {
    await writeShardResult(name, job, shard, digests, [], flags);
    return;
  }
  const summary = summarizeSweep({ scenario: name, parameters, objectives, points }, digests, clusterCost);
  await emitSweep(
    summary,
    points.map((p) => p.scenario),
    flags,
  );
}
