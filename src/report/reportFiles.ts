/** Every file of a report folder, by relative path, ready for the CLI to write (docs/reports.md#reports). */
import { renderCompareHtml } from './renderCompareHtml.js';
import { renderCompareCsv, renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderCompareMarkdown, renderMarkdown } from './renderMarkdown.js';
import { renderSvg } from './renderSvg.js';
import { compareCharts, reportCharts, type Chart } from './reportCharts.js';
import { compareJson } from './compareJson.js';
import type { CompareInput, ReportInput } from './ReportInput.js';

/**
 * index.html, summary.md, summary.json, signals.csv, and for each chart charts/<id>.svg (drawn in
 * Node) and charts/<id>.vl.json (its vega-lite spec, to restyle or embed elsewhere).
 */
export async function renderReportFiles(input: ReportInput): Promise<Record<string, string>> {
  const charts = reportCharts(input);
  return {
    'index.html': renderHtml(input, charts),
    'summary.md': renderMarkdown(input),
    'summary.json': `${JSON.stringify(input.summary, null, 2)}\n`,
    'signals.csv': renderCsv(input.rows),
    ...(await chartFiles(charts)),
  };
}

/**
 * The same files for several scenarios: index.html, summary.md, summary.json (the label and summary
 * of each entry, as `compare --json` prints it), signals.csv (with a scenario column) and the charts.
 */
export async function renderCompareFiles(input: CompareInput): Promise<Record<string, string>> {
  const charts = compareCharts(input);
  return {
    'index.html': renderCompareHtml(input, charts),
    'summary.md': renderCompareMarkdown(input),
    'summary.json': compareJson(input.entries),
    ...(input.entries.every((e) => e.rows) ? { 'signals.csv': renderCompareCsv(input.entries.map((e) => ({ label: e.label, rows: e.rows! }))) } : {}),
    ...(await chartFiles(charts)),
  };
}

async function chartFiles(charts: readonly Chart[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const c of charts) {
    files[`charts/${c.id}.svg`] = await renderSvg(c.spec);
    files[`charts/${c.id}.vl.json`] = `${JSON.stringify(c.spec, null, 2)}\n`;
  }
  return files;
}
