/** The sweep for the terminal (aligned table, recommendation) and as Markdown. */
import { escapeMarkdown } from '../escape.js';
import { flagsMarkdown, markdownTable } from '../renderMarkdown.js';
import { assumptionLines } from './assumptionLines.js';
import { recommendationLines } from './recommendationText.js';
import { DECISION_LEGEND, DECISION_TITLE, decisionTable } from './decisionTable.js';
import { headroomMarkdown, headroomTerminal } from './headroomTable.js';
import { alignedTable } from './alignedTable.js';
import { sweepTable } from './sweepTable.js';
import { sweepPrecisionLines, sweepWork } from './sweepWork.js';
import type { SweepSummary } from '../../experiment/sweep/index.js';

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };

/**
 * The grid with swept values left-aligned and figures right-aligned, ★ on the recommended (or
 * closest) point, then the recommendation. Colour (green met, red missed) only when asked.
 */
export function renderSweepTerminal(summary: SweepSummary, options: { readonly color: boolean; readonly wide?: boolean }): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const { head, rows, flags, legend } = sweepTable(summary, { wide: options.wide === true });
  const params = summary.parameters.length;
  const cells = rows.map((r) => r.cells.map((c, i) => (i === 0 ? `${r.marked ? '★' : ' '} ${c}` : c)));
  const first = ['  ' + head[0]!, ...head.slice(1)];
  const widths = first.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const left = (i: number) => i < params || i === first.length - 1 || head[i] === 'Trust' || head[i] === 'Method';
  const pad = (text: string, i: number) => (left(i) ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const decision = decisionTable(summary);
  const lines = [
    paint(ANSI.bold, `${summary.scenario}: ${summary.points.length} configurations, ${sweepWork(summary)}, seed ${summary.seed}`),
    '',
    ...recommendationLines(summary),
    ...(decision.rows.length === 0 ? [] : ['', paint(ANSI.bold, DECISION_TITLE), ...alignedTable(decision.head, decision.rows.map((r) => r.cells), (i) => !decision.numeric[i], (h) => paint(ANSI.dim, h)), paint(ANSI.dim, DECISION_LEGEND)]),
    ...headroomTerminal(summary, (h) => paint(ANSI.dim, h), (h) => paint(ANSI.bold, h)),
    '',
    paint(ANSI.bold, 'The grid'),
    paint(ANSI.dim, first.map(pad).join('  ').trimEnd()),
    ...cells.map((r, k) => {
      const row = rows[k]!;
      return r
        .map((c, i) => {
          const text = pad(c, i);
          return i === r.length - 1 && row.met !== null ? paint(row.met ? ANSI.green : ANSI.red, text) : text;
        })
        .join('  ')
        .trimEnd();
    }),
    ...flags.map((f) => `${paint(ANSI.yellow, '!')} ${f}`),
    ...legend.map((l) => paint(ANSI.dim, l)),
    ...sweepPrecisionLines(summary),
    paint(ANSI.dim, 'Write p99 and etcd load are model figures; the report lists the assumptions behind them.'),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderSweepMarkdown(summary: SweepSummary): string {
  const { head, rows, flags, legend } = sweepTable(summary);
  const params = summary.parameters.length;
  const decision = decisionTable(summary);
  return [
    `# ${summary.scenario}: sweep of ${summary.parameters.map((p) => p.path).join(' × ')}`,
    '',
    `${summary.points.length} configurations, ${sweepWork(summary)}, seed ${summary.seed} at every point.`,
    ...sweepPrecisionLines(summary).flatMap((l) => ['', escapeMarkdown(l)]),
    '',
    '## Recommendation',
    '',
    ...recommendationLines(summary).flatMap((l) => [l, '']),
    ...(decision.rows.length === 0
      ? []
      : [`## ${DECISION_TITLE}`, '', markdownTable(decision.head, decision.rows.map((r) => r.cells), (i) => decision.numeric[i] === true), '', DECISION_LEGEND, '']),
    ...headroomMarkdown(summary),
    '## The grid',
    '',
    markdownTable(
      head,
      rows.map((r) => r.cells.map((c, i) => (i === 0 && r.marked ? `${c} ★` : c))),
      (i) => i >= params && i < head.length - 1 && head[i] !== 'Trust' && head[i] !== 'Method',
    ),
    '',
    ...flagsMarkdown(flags, legend).flatMap((l) => [l, '']),
    '## Assumptions of the etcd load and latency model',
    '',
    ...assumptionLines(summary.assumptions.etcd).map((l) => `- ${l}`),
    '',
  ].join('\n');
}
