/** `kubesim run`: simulates each scenario, prints its summary and writes its report. */
import { defaultJobs } from '../../experiment/pool.js';
import { runExperiment } from '../../experiment/runExperiment.js';
import { clusterCost } from '../../report/cost.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { intFlag } from '../flags.js';
import { progress } from '../progress.js';
import { TRACE_REPLICATION, writeScenarioReport } from '../reportFiles.js';
import { loadWithOverrides, reportFolderName, type OverrideFlags } from '../scenarioInput.js';
import type { ExperimentResult } from '../../experiment/runExperiment.js';
import { terminalSummary } from '../terminal.js';
import { join } from 'node:path';

export interface RunFlags extends OverrideFlags {
  readonly out?: string;
  readonly json?: boolean;
  readonly report?: boolean;
  readonly jobs?: string;
}

export async function runCommand(files: string[], flags: RunFlags): Promise<void> {
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  const scenarios = loadWithOverrides(files, flags);
  const results: { scenario: Scenario; result: ExperimentResult; dir: string | undefined }[] = [];
  for (const s of scenarios) {
    const bar = progress(`${s.name}`);
    const result = await runExperiment(s, {
      costModel: clusterCost,
      jobs,
      traceReplication: TRACE_REPLICATION,
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.done();
    const writeReport = flags.report !== false && (!flags.json || flags.out !== undefined);
    let dir: string | undefined;
    if (writeReport) {
      dir = reportDir(s, flags.out, scenarios.length);
      await writeScenarioReport(dir, s, result);
    }
    results.push({ scenario: s, result, dir });
  }
  if (flags.json) {
    const docs = results.map((r) => r.result.summary);
    process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    process.stdout.write(terminalSummary(r.scenario, r.result.summary, process.stdout.isTTY === true));
    if (r.dir) process.stdout.write(`\nReport: ${join(r.dir, 'index.html')}\n\n`);
  }
}

/** reports/<name>, or --out for one scenario, or <out>/<name> for several. */
function reportDir(s: Scenario, out: string | undefined, count: number): string {
  const folder = reportFolderName(s.name);
  if (out === undefined) return join('reports', folder);
  return count === 1 ? out : join(out, folder);
}
