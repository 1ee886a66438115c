/** Every file of a report folder, by relative path, ready for the CLI to write (see docs/readme-parts/reports.md). */
import { renderCompareHtml } from './renderCompareHtml.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderCompareMarkdown, renderMarkdown } from './renderMarkdown.js';
import { renderSvg } from './renderSvg.js';
import { compareCharts, reportCharts, type Chart } from './reportCharts.js';
import type { CompareInput, ReportInput } from './ReportInput.js';

/**
 * index.html, report.md, summary.json, signals.csv, and for each chart charts/<id>.svg (drawn in
 * Node) and charts/<id>.vl.json (its vega-lite spec, to restyle or embed elsewhere).
 */
export async function renderReportFiles(input: ReportInput): Promise<Record<string, string>> {
  const charts = reportCharts(input);
  return {
    'index.html': renderHtml(input, charts),
    'report.md': renderMarkdown(input),
    'summary.json': `${JSON.stringify(input.summary, null, 2)}\n`,
    'signals.csv': renderCsv(input.rows),
    ...(await chartFiles(charts)),
  };
}

/** index.html, report.md, summaries.json (label and summary of each entry) and the charts. */
export async function renderCompareFiles(input: CompareInput): Promise<Record<string, string>> {
  const charts = compareCharts(input);
  return {
    'index.html': renderCompareHtml(input, charts),
    'report.md': renderCompareMarkdown(input),
    'summaries.json': `${JSON.stringify(input.entries.map((e) => ({ label: e.label, summary: e.summary })), null, 2)}\n`,
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
