/** The "What each fault cost" section in each report format: Markdown, HTML and terminal text (docs/fault-cost.md). */
import type { Summary } from '../experiment/Summary.js';
import { escapeHtml, escapeMarkdown } from './escape.js';
import { faultCostTables } from './faultCostTable.js';
import { htmlTable, type Cell } from './_internals/htmlTable.js';

/** The section's title, the same in every format. */
export const FAULT_COST_TITLE = 'What each fault cost';

/** `## What each fault cost` and a table per cluster; nothing without `run --fault-cost`. */
export function faultCostMarkdown(summary: Summary): string[] {
  if (!summary.faultCost) return [];
  const t = faultCostTables(summary.faultCost);
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const blocks = t.tables.map((table) =>
    [
      `### ${escapeMarkdown(table.cluster)}`,
      '',
      line(table.head),
      `|${table.head.map((_, i) => (i > 1 ? ' ---: ' : ' --- ')).join('|')}|`,
      ...table.rows.map((r) => line([r.key, r.description, ...r.cells.map((c) => c.text)])),
    ].join('\n'),
  );
  const legend = t.legend.length > 0 ? [t.legend.map((l) => `- ${escapeMarkdown(l)}`).join('\n')] : [];
  return [`## ${FAULT_COST_TITLE}`, escapeMarkdown(t.lead), ...blocks, ...legend];
}

/** The HTML section as [id, title, lead, body] for renderHtml's list; none without `run --fault-cost`. */
export function faultCostHtmlSection(summary: Summary): [id: string, title: string, lead: string, body: string][] {
  if (!summary.faultCost) return [];
  const t = faultCostTables(summary.faultCost);
  const body = t.tables
    .map((table) => {
      const head = table.head.map((h, i): Cell => (i > 1 ? { text: h, className: 'num' } : h));
      const rows = table.rows.map((r): Cell[] => [
        r.key,
        r.description,
        ...r.cells.map((c): Cell => ({ text: c.text, className: c.reason === '' ? 'num' : 'num flag', ...(c.reason === '' ? {} : { title: c.reason }) })),
      ]);
      return `<h3>${escapeHtml(table.cluster)}</h3>\n${htmlTable(head, rows, { className: 'fault-cost' })}`;
    })
    .join('\n');
  const legend = t.legend.length > 0 ? `<ul class="flags">${t.legend.map((l) => `<li class="legend">${escapeHtml(l)}</li>`).join('')}</ul>` : '';
  return [['fault-cost', FAULT_COST_TITLE, t.lead, `${body}${legend}`]];
}

/** Aligned text tables for the terminal, after the signal tables; '' without `run --fault-cost`. */
export function faultCostText(summary: Summary): string {
  if (!summary.faultCost) return '';
  const t = faultCostTables(summary.faultCost);
  const blocks = t.tables.map((table) => {
    const rows = table.rows.map((r) => [r.key, r.description, ...r.cells.map((c) => c.text)]);
    const widths = table.head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const pad = (text: string, i: number): string => (i > 1 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
    return [`${table.cluster}`, table.head.map(pad).join('  ').trimEnd(), ...rows.map((r) => r.map(pad).join('  ').trimEnd())].join('\n');
  });
  return `${[FAULT_COST_TITLE, ...blocks, ...t.legend].join('\n\n')}\n`;
}
