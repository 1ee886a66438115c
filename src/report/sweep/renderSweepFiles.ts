/** Every file of a sweep's report folder, by relative path, ready for the CLI to write. */
import { renderSvg } from '../renderSvg.js';
import { renderSweepCsv } from './renderSweepCsv.js';
import { renderSweepHtml, type SweepReportInput } from './renderSweepHtml.js';
import { renderSweepMarkdown } from './renderSweepText.js';
import { sweepCharts } from './sweepCharts.js';
import { sweepSummaryJson } from './sweepSummaryJson.js';

/** index.html, summary.md, summary.json, points.csv, and charts/<id>.svg and .vl.json for each chart. */
export async function renderSweepFiles(input: SweepReportInput): Promise<Record<string, string>> {
  const charts = sweepCharts(input.summary);
  const files: Record<string, string> = {
    'index.html': renderSweepHtml(input, charts),
    'summary.md': renderSweepMarkdown(input.summary),
    'summary.json': sweepSummaryJson(input),
    'points.csv': renderSweepCsv(input.summary),
  };
  for (const c of charts) {
    files[`charts/${c.id}.svg`] = await renderSvg(c.spec);
    files[`charts/${c.id}.vl.json`] = `${JSON.stringify(c.spec, null, 2)}\n`;
  }
  return files;
}
