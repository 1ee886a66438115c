/** The sweep report: page, Markdown, terminal table, CSV and charts of a capacity-planning sweep. */
export { renderSweepFiles } from './renderSweepFiles.js';
export { sweepSummaryJson } from './sweepSummaryJson.js';
export { renderSweepHtml, type SweepReportInput } from './renderSweepHtml.js';
export { renderSweepTerminal, renderSweepMarkdown } from './renderSweepText.js';
export { renderSweepCsv } from './renderSweepCsv.js';
export { sweepCharts } from './sweepCharts.js';
export { sweepTable, formatMs, type SweepRow } from './sweepTable.js';
export { recommendationLines, objectivesText, checkText } from './recommendationText.js';
export { assumptionLines } from './assumptionLines.js';
export { etcdTable, ETCD_COLUMNS } from './etcdTable.js';
export { sweepAxes, headlineAvailability, headlineSignal, worstWriteP99Ms, type SweepAxes } from './sweepAxes.js';
