/** The summary as aligned text tables, one per cluster, for the terminal; ANSI colour only when asked. */
import type { Summary } from '../experiment/Summary.js';
import type { SignalSummary } from '../experiment/Summary.js';
import { CAUSE_RULE, formatShare, MAIN_CAUSE_SIGNALS, signalCauses } from './causeTable.js';
import { formatMoney, formatSeconds } from './format.js';
import { ninesClass } from './_internals/htmlTable.js';
import { outagesSeen } from './outagesSeen.js';
import { signalTables } from './signalTable.js';

export interface TerminalOptions {
  /** Colour availability by its nines (green from four, yellow from three, red below) and bold the headings. */
  readonly color: boolean;
  /** `-o wide`: three more columns at the end, WIDE_COLUMNS. */
  readonly wide?: boolean;
}

/** What `-o wide` adds: the longest outage, the signal's own outages over all replications (outagesSeen), and the estimator. */
export const WIDE_COLUMNS = ['Longest outage', 'Outages seen', 'Method'] as const;

function wideCells(s: SignalSummary, summary: Summary): string[] {
  return [formatSeconds(s.longestOutageSeconds), String(outagesSeen(s, summary)), s.method];
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };
const NINES_COLOR: Readonly<Record<string, string>> = { good: ANSI.green, fair: ANSI.yellow, poor: ANSI.red };

/**
 * Columns: signal, availability, the trust tag (when a signal is flagged), 95% CI (or the bound),
 * nines, the exact value (when known), downtime per year, outages per year, mean and p99 outage;
 * the cells come from the same values and formats as the HTML and Markdown tables. Under each
 * table, every flagged signal with its reason. Text columns align left and numbers right; widths
 * count characters, never colour codes.
 */
export function renderTerminalTable(summary: Summary, options: TerminalOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const blocks = signalTables(summary).map((t) => {
    const head: readonly string[] = options.wide === true ? [...t.head, ...WIDE_COLUMNS] : t.head;
    const rows = t.rows.map((r) => (options.wide === true ? [...r.cells, ...wideCells(r.summary, summary)] : r.cells));
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const left = (i: number): boolean => head[i] === 'Signal' || head[i] === 'Trust' || head[i] === 'Method';
    const pad = (text: string, i: number): string => (left(i) ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
    const title = `${t.cluster}${t.model ? ` (${t.model})` : ''}`;
    const lines = [
      paint(ANSI.bold, title),
      paint(ANSI.dim, head.map(pad).join('  ').trimEnd()),
      ...t.rows.map((r, k) =>
        rows[k]!
          .map((c, i) => {
            const text = pad(c, i);
            if (c === '') return text;
            // Colour the figure, not its padding.
            if (head[i] === 'Availability' || head[i] === 'Nines') return text.replace(c, paint(NINES_COLOR[ninesClass(r.evidence.colourNines)]!, c));
            if (head[i] === 'Trust' || (head[i] === 'Exact' && r.evidence.exactOutside)) return text.replace(c, paint(ANSI.yellow, c));
            return text;
          })
          .join('  ')
          .trimEnd(),
      ),
      ...t.flags.map((f) => `${paint(ANSI.yellow, '!')} ${f}`),
      ...t.legend.map((l) => paint(ANSI.dim, l)),
      ...t.notes.map(([k, v]) => paint(ANSI.dim, `${k}: ${v}`)),
    ];
    return lines.join('\n');
  });
  const cost = summary.cost;
  const costLine = `Cost: ${formatMoney(cost.perMonth, cost.currency)} per month${
    cost.downtimePerMonth === undefined ? '' : `, plus ${formatMoney(cost.downtimePerMonth, cost.currency)} of expected apiWrite downtime`
  }`;
  const causes = causesBlock(summary, paint);
  return `${[...blocks, ...(causes ? [causes] : []), costLine].join('\n\n')}\n`;
}

/** How many causes a signal shows in the terminal; the rest are summed in one line. */
const TOP_CAUSES = 3;

/** "Downtime by cause" for the main signals that were down: the top causes of each, per year and share. */
function causesBlock(summary: Summary, paint: (code: string, text: string) => string): string | undefined {
  const signals = signalCauses(summary, MAIN_CAUSE_SIGNALS);
  if (signals.length === 0) return undefined;
  const head = ['Signal', 'Downtime/yr', 'Cause', 'Per year', 'Share'];
  const rows: string[][] = [];
  for (const s of signals) {
    const shown = s.causes.slice(0, TOP_CAUSES);
    const rest = s.causes.slice(TOP_CAUSES);
    shown.forEach((c, i) => rows.push([i === 0 ? `${s.cluster}/${s.signal}` : '', i === 0 ? formatSeconds(s.secondsPerYear) : '', c.cause, formatSeconds(c.secondsPerYear), formatShare(c.share)]));
    if (rest.length > 0) {
      const x = rest.reduce((a, c) => a + c.secondsPerYear, 0);
      rows.push(['', '', `${rest.length} more cause${rest.length === 1 ? '' : 's'}`, formatSeconds(x), formatShare(x / s.secondsPerYear)]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (text: string, i: number): string => (i === 0 || i === 2 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  return [
    paint(ANSI.bold, 'Downtime by cause'),
    paint(ANSI.dim, head.map(pad).join('  ').trimEnd()),
    ...rows.map((r) => r.map(pad).join('  ').trimEnd()),
    paint(ANSI.dim, CAUSE_RULE),
  ].join('\n');
}
