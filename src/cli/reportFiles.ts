/** Renders every file of a scenario's report and writes the folder atomically. */
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { Scenario } from '../scenario/Scenario.js';
import { writeReportDir } from './writeReport.js';

/** The replication whose timeline the report shows. */
export const TRACE_REPLICATION = 0;

export async function writeScenarioReport(dir: string, scenario: Scenario, result: ExperimentResult): Promise<void> {
  // Loaded here: the page and its charts bring vega-lite (about 0.35 s), which a run without a report never needs.
  const { renderReportFiles } = await import('../report/reportFiles.js');
  const files = await renderReportFiles({
    scenario,
    summary: result.summary,
    rows: result.rows,
    ...(result.trace ? { trace: result.trace, traceReplication: TRACE_REPLICATION } : {}),
  });
  await writeReportDir(dir, files);
}
