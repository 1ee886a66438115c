/** `kubesim sweep`: runs every point of a grid of --set values with the same seed, checks objectives and recommends one. */
import type { SweepJob } from '../../experiment/partial/index.js';
import { defaultJobs } from '../../experiment/pool.js';
import { summarizePoints, summarizeSweep, runSweep, type SweepPoint } from '../../experiment/sweep/index.js';
import { runToPrecision } from '../../experiment/precision/runToPrecision.js';
import type { Summary } from '../../experiment/Summary.js';
import { InputError } from '../errors.js';
import { checkPrecisionSignals, parsePrecision, type PrecisionFlags } from '../precisionFlags.js';
import { clusterCost } from '../../report/cost.js';
import { readScenarioFile } from '../../scenario/index.js';
import { intFlag, shardFlag } from '../flags.js';
import { parseOverrides } from '../overrides.js';
import { precisionProgress, progress } from '../progress.js';
import type { OverrideFlags } from '../scenarioInput.js';
import { checkObjectiveSignals, parseObjectives } from '../sweep/objectiveFlags.js';
import { emitSweep, sweepReportDir } from '../sweep/sweepOutput.js';
import { checkReportDir, wantsReport } from '../writeReport.js';
import { buildSweepPoints, parseSetFlags } from '../sweep/sweepPoints.js';
import { writeShardResult } from './runShard.js';

export interface SweepFlags extends OverrideFlags, PrecisionFlags {
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
  // The signals that must be precise: --signals, else the objectives' own, else apiWrite.
  const slos = objectives.availability.map((o) => o.signal).join(',');
  const target = parsePrecision({ ...flags, ...(flags.precision !== undefined && flags.signals === undefined && slos !== '' ? { signals: slos } : {}) });
  if (target && shard) throw new InputError('--precision: not with --shard (an adaptive run decides after each batch in order); run it with --jobs instead');
  const job: SweepJob = { command: 'sweep', scenario: { file, text: readScenarioFile(file) }, overrides, parameters, objectives };
  const { name, points } = sweepPointsOf(job);
  checkObjectiveSignals(objectives, points[0]!.scenario);
  if (target) for (const p of points) checkPrecisionSignals(target, p.scenario);
  if (!shard && wantsReport(flags)) await checkReportDir(sweepReportDir(name, flags.out));

  if (target) {
    const summaries: Summary[] = [];
    for (const p of points) {
      const line = precisionProgress(`${name} ${p.label}`, target.relative);
      summaries.push((await runToPrecision(p.scenario, { costModel: clusterCost, target, jobs, onBatch: (x) => line.update(x) })).summary);
      line.done();
    }
    const summary = summarizePoints({ scenario: name, parameters, objectives, points }, summaries);
    await emitSweep(
      summary,
      points.map((p) => p.scenario),
      flags,
    );
    return;
  }
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
