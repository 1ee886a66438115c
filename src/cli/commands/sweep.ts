/** `kubesim sweep`: runs every point of a grid of --set values with the same seed, checks objectives and recommends one. */
import type { SweepJob } from '../../experiment/partial/index.js';
import { defaultJobs, runTasks } from '../../experiment/pool.js';
import { summarizePoints, summarizeSweep, runSweep, type SweepPoint } from '../../experiment/sweep/index.js';
import { precisionWork, runToPrecision } from '../../experiment/precision/runToPrecision.js';
import { shardReplications } from '../../experiment/shard.js';
import type { Summary } from '../../experiment/Summary.js';
import { checkPrecisionSignals, parsePrecision, type PrecisionFlags } from '../precisionFlags.js';
import { clusterCost } from '../../report/cost.js';
import { checkShardCount, intFlag, shardFlag } from '../flags.js';
import { readScenarioSource } from '../stdinInput.js';
import { parseOverrides } from '../overrides.js';
import { precisionProgress, progress } from '../progress.js';
import type { OverrideFlags } from '../scenarioInput.js';
import { checkObjectiveSignals, parseObjectives } from '../sweep/objectiveFlags.js';
import { emitSweep, sweepReportDir } from '../sweep/sweepOutput.js';
import { checkReportDir, wantsReport } from '../writeReport.js';
import { checkWork, workReplications, type BudgetFlags } from '../workBudget.js';
import { buildSweepPoints, parseSetFlags } from '../sweep/sweepPoints.js';
import type { OutputFlags } from '../outputFormat.js';
import { checkShardOut, checkShardedPrecision, shardEpisodes, shardedPrecision, writeShardResult } from './runShard.js';

export interface SweepFlags extends OverrideFlags, PrecisionFlags, BudgetFlags, OutputFlags {
  readonly set?: string[];
  readonly slo?: string[];
  readonly maxWriteP99?: string;
  readonly jobs?: string;
  readonly out?: string;
  readonly report?: boolean;
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
  const precision = target && shard ? shardedPrecision(target, flags) : undefined;
  const job: SweepJob = { command: 'sweep', scenario: readScenarioSource(file), overrides, parameters, objectives, ...(precision ? { precision } : {}) };
  const { name, points } = sweepPointsOf(job);
  checkObjectiveSignals(objectives, points[0]!.scenario);
  if (target) for (const p of points) checkPrecisionSignals(target, p.scenario);
  if (precision) for (const p of points) checkShardedPrecision(precision, p.scenario, flags);
  if (!shard && wantsReport(flags)) await checkReportDir(sweepReportDir(name, flags.out));
  if (shard) checkShardCount(shard, points.reduce((n, p) => n + (precision ? precisionWork(p.scenario, precision).replications : p.scenario.replications), 0), '(point, replication) pairs');
  if (shard) checkShardOut(name, shard, flags);
  // A shard runs about 1/n of the grid's replications (shardReplications spreads them evenly).
  const share = shard ? 1 / shard.count : 1;
  checkWork(points.map((p) => ({ scenario: p.scenario, replications: Math.ceil(share * workReplications(p.scenario, target)) })), jobs, flags);

  if (precision && shard) {
    // Each shard runs its share of every point's caps; merge stops each point where a serial run would.
    const scenarios = points.map((p) => p.scenario);
    const work = scenarios.map((s) => precisionWork(s, precision));
    const reps = shardReplications(work.map((w) => w.replications), shard);
    const bar = progress(`${name} sweep shard ${shard.index}/${shard.count}`);
    const results = await runTasks(scenarios.map((scenario, i) => ({ scenario, replications: reps[i]! })), jobs, (d, t) => bar.update(d, t));
    bar.done();
    const episodes = await shardEpisodes(scenarios, work, shard, jobs);
    await writeShardResult(name, job, shard, results.map((r) => r.digests), [], flags, episodes);
    return;
  }

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
