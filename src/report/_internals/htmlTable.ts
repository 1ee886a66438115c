/** Small HTML builders that escape every piece of text they are given. */
import { escapeHtml } from '../escape.js';

/** A table cell: plain text, or text with a class (`num` right-aligns, `good`/`fair`/`poor` colour). */
export type Cell = string | { readonly text: string; readonly className?: string; readonly title?: string };

export function htmlTable(head: readonly Cell[], rows: readonly (readonly Cell[])[], options: { readonly className?: string; readonly caption?: string } = {}): string {
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const headRow = `<tr>${head.map((c) => cell('th', c, ' scope="col"')).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell(i === 0 ? 'th' : 'td', c, i === 0 ? ' scope="row"' : '')).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table${cls}>${caption}<thead>${headRow}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

function cell(tag: string, c: Cell, extra: string): string {
  if (typeof c === 'string') return `<${tag}${extra}>${escapeHtml(c)}</${tag}>`;
  const cls = c.className ? ` class="${escapeHtml(c.className)}"` : '';
  const title = c.title ? ` title="${escapeHtml(c.title)}"` : '';
  return `<${tag}${extra}${cls}${title}>${escapeHtml(c.text)}</${tag}>`;
}

/** A list of label/value pairs as a definition list. */
export function htmlFacts(facts: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

/** The colour class of a number of nines: good from four nines, fair from three, poor below. */
export function ninesClass(nines: number | null): string {
  if (nines === null || nines >= 4) return 'good';
  return nines >= 3 ? 'fair' : 'poor';
}
