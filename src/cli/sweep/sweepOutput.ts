/** Prints a sweep's results and writes its report folder: shared by `kubesim sweep` and `kubesim merge`. */
import { join } from 'node:path';
import type { SweepSummary } from '../../experiment/sweep/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
// Not report/sweep/index.js: its page and charts bring vega-lite (about 0.3 s), which only a report needs.
import { renderSweepTerminal } from '../../report/sweep/renderSweepText.js';
import { sweepSummaryJson } from '../../report/sweep/sweepSummaryJson.js';
import { reportFolderName } from '../scenarioInput.js';
import { wantsReport, writeReportDir } from '../writeReport.js';
import { documentText, wantsWide, type OutputFlags } from '../outputFormat.js';

export interface SweepOutputFlags extends OutputFlags {
  readonly out?: string;
  /** false for --no-report. */
  readonly report?: boolean;
}

/** reports/<scenario>-sweep unless --out says otherwise. */
export function sweepReportDir(scenario: string, out: string | undefined): string {
  return out ?? join('reports', `${reportFolderName(scenario)}-sweep`);
}

/**
 * With -o json or yaml (--json): the summary on stdout and nothing else (files only when --out is given).
 * Otherwise: the report folder, then the table, the recommendation and where the report is.
 */
export async function emitSweep(summary: SweepSummary, scenarios: readonly Scenario[], flags: SweepOutputFlags): Promise<void> {
  const input = { summary, scenarios };
  const dir = wantsReport(flags) ? sweepReportDir(summary.scenario, flags.out) : undefined;
  if (dir !== undefined) {
    const { renderSweepFiles } = await import('../../report/sweep/renderSweepFiles.js');
    await writeReportDir(dir, await renderSweepFiles(input));
  }
  if (flags.json) {
    process.stdout.write(documentText(sweepSummaryJson(input), flags));
    return;
  }
  process.stdout.write(renderSweepTerminal(summary, { color: process.stdout.isTTY === true && !process.env['NO_COLOR'], wide: wantsWide(flags) }));
  if (dir !== undefined) process.stdout.write(`\nReport: ${join(dir, 'index.html')}\n`);
}
