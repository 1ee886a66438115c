/** `kubesim run`: simulates each scenario, prints its summary and writes its report. */
import { defaultJobs } from '../../experiment/pool.js';
import { runExperiment, summarize } from '../../experiment/runExperiment.js';
import { runToPrecision, type PrecisionRunResult } from '../../experiment/precision/runToPrecision.js';
import { clusterCost } from '../../report/cost.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { precisionLine } from '../../report/precisionLine.js';
import { intFlag, shardFlag } from '../flags.js';
import { precisionProgress, progress } from '../progress.js';
import { checkPrecisionSignals, parsePrecision, type PrecisionFlags } from '../precisionFlags.js';
import { TRACE_REPLICATION, writeScenarioReport } from '../reportFiles.js';
import { loadWithOverrides, reportFolderName, type OverrideFlags } from '../scenarioInput.js';
import type { ExperimentResult } from '../../experiment/runExperiment.js';
import { terminalSummary } from '../terminal.js';
import { documentText, wantsWide, type OutputFlags } from '../outputFormat.js';
import { checkReportDir, wantsReport } from '../writeReport.js';
import { checkDistinctTargets } from '../outputPaths.js';
import { join } from 'node:path';
import { runShard } from './runShard.js';
import { inputName } from '../stdinInput.js';
import { checkWork, workReplications, type BudgetFlags } from '../workBudget.js';
import { checkFaultCostFlags, checkFaultCostScenarios, runsPerReplication, withFaultCost, type FaultCostFlags } from '../faultCostRun.js';

export interface RunFlags extends OverrideFlags, PrecisionFlags, BudgetFlags, FaultCostFlags, OutputFlags {
  readonly out?: string;
  readonly report?: boolean;
  readonly jobs?: string;
  /** `i/n`: run only that slice of the replications and write a partial result (see `kubesim merge`). */
  readonly shard?: string;
}

export async function runCommand(files: string[], flags: RunFlags): Promise<void> {
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  const target = parsePrecision(flags);
  checkFaultCostFlags(flags);
  if (flags.shard !== undefined) return runShard(files, flags, shardFlag(flags.shard), jobs, target);
  const scenarios = loadWithOverrides(files, flags);
  if (target) for (const s of scenarios) checkPrecisionSignals(target, s);
  checkFaultCostScenarios(flags, scenarios, files.map(inputName));
  await checkRunReportDirs(scenarios, files, flags);
  checkWork(scenarios.map((s) => ({ scenario: s, replications: workReplications(s, target) * runsPerReplication(flags, s) })), jobs, flags);
  // Replication 0's trace feeds the report's timeline; without a report nobody reads it.
  const trace = wantsReport(flags) ? { traceReplication: TRACE_REPLICATION } : {};
  const results: RunOutcome[] = [];
  for (const s of scenarios) {
    let result: ExperimentResult;
    if (target) {
      const line = precisionProgress(s.name, target.relative);
      const r = await runToPrecision(s, { costModel: clusterCost, target, jobs, ...trace, onBatch: (p) => line.update(p) });
      line.done();
      result = adaptiveResult(s, r);
    } else {
      const bar = progress(`${s.name}`);
      result = await runExperiment(s, {
        costModel: clusterCost,
        jobs,
        ...trace,
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.done();
      result = await withFaultCost(s, result, flags, jobs);
    }
    results.push(await finishScenario(s, result, flags, scenarios.length));
  }
  printRunResults(results, flags);
}

/** An adaptive run's result as `run` reports it (shared with `kubesim merge`): the replications it used, and its own summary. */
export function adaptiveResult(s: Scenario, r: PrecisionRunResult): ExperimentResult {
  return { ...summarize(s, r.digests, clusterCost, r.trace), summary: r.summary };
}

export interface RunOutcome {
  readonly scenario: Scenario;
  readonly result: ExperimentResult;
  readonly dir: string | undefined;
}

/** Writes a scenario's report unless told not to (shared with `kubesim merge`, which must write the same). */
export async function finishScenario(s: Scenario, result: ExperimentResult, flags: RunFlags, count: number): Promise<RunOutcome> {
  let dir: string | undefined;
  if (wantsReport(flags)) {
    dir = reportDir(s, flags.out, count);
    await writeScenarioReport(dir, s, result);
  }
  return { scenario: s, result, dir };
}

/** The summaries on stdout: JSON or YAML with -o json|yaml (--json), tables otherwise (wider with -o wide). */
export function printRunResults(results: readonly RunOutcome[], flags: RunFlags): void {
  if (flags.json) {
    const docs = results.map((r) => r.result.summary);
    process.stdout.write(documentText(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`, flags));
    return;
  }
  for (const r of results) {
    process.stdout.write(terminalSummary(r.scenario, r.result.summary, process.stdout.isTTY === true, wantsWide(flags)));
    const p = r.result.summary.precision;
    if (p) process.stdout.write(`\n${precisionLine(p)}\n`);
    if (r.dir) process.stdout.write(`\nReport: ${join(r.dir, 'index.html')}\n\n`);
  }
}

/**
 * Before any work (shared with `kubesim merge`): the report folders are distinct (two scenarios
 * with the same name would write one folder), writable and replaceable.
 */
export async function checkRunReportDirs(scenarios: readonly Scenario[], files: readonly string[], flags: RunFlags): Promise<void> {
  if (!wantsReport(flags)) return;
  const dirs = scenarios.map((s) => reportDir(s, flags.out, scenarios.length));
  checkDistinctTargets(dirs.map((path, i) => ({ input: inputName(files[i]!), path })));
  for (const dir of dirs) await checkReportDir(dir);
}

/** reports/<name>, or --out for one scenario, or <out>/<name> for several. */
function reportDir(s: Scenario, out: string | undefined, count: number): string {
  const folder = reportFolderName(s.name);
  if (out === undefined) return join('reports', folder);
  return count === 1 ? out : join(out, folder);
}
