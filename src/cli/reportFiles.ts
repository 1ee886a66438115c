/** Renders every file of a scenario's report and writes the folder atomically. */
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { Scenario } from '../scenario/Scenario.js';
import { writeReportDir } from './writeReport.js';

export async function writeScenarioReport(dir: string, scenario: Scenario, result: ExperimentResult): Promise<void> {
  void scenario;
  const rows = result.rows.map((r) => [r.replication, r.cluster, r.signal, r.availability, r.upSeconds, r.downSeconds, r.outages, r.longestOutageSeconds].join(','));
  await writeReportDir(dir, {
    'summary.json': `${JSON.stringify(result.summary, null, 2)}\n`,
    'signals.csv': `replication,cluster,signal,availability,upSeconds,downSeconds,outages,longestOutageSeconds\n${rows.join('\n')}\n`,
  });
}
