/** `kubesim merge`: combines the partial results of every shard into the summary and report a single run gives. */
import { KUBESIM_VERSION } from '../../experiment/version.js';
import { checkAgainstJob, checkShardSet, gatherDigests, gatherEpisodes, type Job, type NamedPartial } from '../../experiment/partial/index.js';
import { precisionWork, recordedWork, runToPrecision } from '../../experiment/precision/runToPrecision.js';
import { summarize } from '../../experiment/runExperiment.js';
import { summarizePoints, summarizeSweep } from '../../experiment/sweep/index.js';
import { clusterCost } from '../../report/cost.js';
import { ScenarioError, formatProblem } from '../../scenario/ScenarioError.js';
import { InputError } from '../errors.js';
import { readPartials } from '../partialFiles.js';
import { emitSweep, sweepReportDir } from '../sweep/sweepOutput.js';
import { checkReportDir, wantsReport } from '../writeReport.js';
import { adaptiveResult, checkRunReportDirs, finishScenario, printRunResults, type RunFlags } from './run.js';
import { runScenariosOf } from './runShard.js';
import { sweepPointsOf } from './sweep.js';
import type { OutputFlags } from '../outputFormat.js';

export interface MergeFlags extends OutputFlags {
  readonly out?: string;
  readonly report?: boolean;
}

/**
 * Refuses damaged or edited partials (schema and checksum, partialFiles.ts), partials of
 * different runs, versions or shard counts, incomplete or repeated sets, and digests that do not
 * fit the job (checkAgainstJob); then rebuilds the job from the scenario texts the partials carry and summarises the
 * digests exactly as the unsharded command does, so the output is the same byte for byte.
 */
export async function mergeCommand(inputs: string[], flags: MergeFlags): Promise<void> {
  const parts = readPartials(inputs);
  const check = checkShardSet(parts, KUBESIM_VERSION);
  if (!check.ok) throw new InputError(`merge: ${check.message}`);
  const job = check.job;
  const precision = job.precision;
  if (job.command === 'sweep') {
    const { name, points } = rebuilt(parts[0]!.name, job, () => sweepPointsOf(job));
    if (wantsReport(flags)) await checkReportDir(sweepReportDir(name, flags.out));
    const def = { scenario: name, parameters: job.parameters, objectives: job.objectives, points };
    checked(parts, points.map((p) => p.scenario.horizon));
    let summary;
    if (precision) {
      const work = points.map((p) => precisionWork(p.scenario, precision));
      const digests = gathered(parts, work.map((w) => w.replications));
      const episodes = gatheredEpisodes(parts, work.map((w) => w.episodes));
      const summaries = [];
      for (const [i, p] of points.entries()) {
        summaries.push((await runToPrecision(p.scenario, { costModel: clusterCost, target: precision, jobs: 1, source: recordedWork(digests[i]!, episodes[i]!) })).summary);
      }
      summary = summarizePoints(def, summaries);
    } else {
      summary = summarizeSweep(def, gathered(parts, points.map((p) => p.scenario.replications)), clusterCost);
    }
    await emitSweep(
      summary,
      points.map((p) => p.scenario),
      flags,
    );
    return;
  }
  const scenarios = rebuilt(parts[0]!.name, job, () => runScenariosOf(job));
  checked(parts, scenarios.map((s) => s.horizon));
  await checkRunReportDirs(scenarios, job.scenarios.map((src) => src.file), flags);
  const work = scenarios.map((s) => (precision ? precisionWork(s, precision) : { replications: s.replications, episodes: 0 }));
  const digests = gathered(parts, work.map((w) => w.replications));
  const episodes = gatheredEpisodes(parts, work.map((w) => w.episodes));
  const traces = parts.flatMap((p) => p.partial.traces);
  const runFlags: RunFlags = flags;
  const results = [];
  for (const [i, s] of scenarios.entries()) {
    const trace = traces.find((t) => t.task === i)?.trace;
    const result = precision
      ? adaptiveResult(s, await runToPrecision(s, { costModel: clusterCost, target: precision, jobs: 1, source: recordedWork(digests[i]!, episodes[i]!, trace) }))
      : summarize(s, digests[i]!, clusterCost, trace);
    results.push(await finishScenario(s, result, runFlags, scenarios.length));
  }
  printRunResults(results, runFlags);
}

/**
 * The job's scenarios rebuilt from the texts the partial carries. A problem in them is the
 * partial's (forged or damaged), not the user's scenario file: each message names the partial
 * file and where in it the scenario is, `p.json: job.scenario (the scenario embedded from x.yaml):7: ...`.
 */
function rebuilt<T>(file: string, job: Job, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof ScenarioError) {
      const sources = job.command === 'run' ? job.scenarios : [job.scenario];
      const where = (f: string): string => {
        const i = sources.findIndex((s) => s.file === f);
        const path = job.command === 'run' ? `job.scenarios[${i}]` : 'job.scenario';
        return i < 0 ? `${file}: job` : `${file}: ${path} (the scenario embedded from ${f})`;
      };
      const lines = e.problems.map((p) => `merge: ${formatProblem({ ...p, file: where(p.file) })}`);
      throw new InputError(lines[0] ?? `merge: ${file}: job: invalid scenario`, lines);
    }
    // applyOverrides words its refusals for the flags (`--horizon: ...`); here the value is the file's.
    if (e instanceof InputError) throw new InputError(`merge: ${file}: ${e.message.replace(/^--(seed|replications|horizon): /, 'job.overrides.$1: ').replace(/^(?!job\.)/, 'job: ')}`);
    throw e;
  }
}

function checked(parts: readonly NamedPartial[], horizons: readonly number[]): void {
  const problem = checkAgainstJob(parts, horizons);
  if (problem !== undefined) throw new InputError(`merge: ${problem}`);
}

function gathered(parts: readonly NamedPartial[], counts: readonly number[]) {
  const g = gatherDigests(parts, counts);
  if (!g.ok) throw new InputError(`merge: ${g.message}`);
  return g.digests;
}

function gatheredEpisodes(parts: readonly NamedPartial[], counts: readonly number[]) {
  const g = gatherEpisodes(parts, counts);
  if (!g.ok) throw new InputError(`merge: ${g.message}`);
  return g.episodes;
}
