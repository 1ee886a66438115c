/** signals.csv: one row per replication and signal, numbers written exactly as JSON writes them, null as an empty cell. */
import type { ReplicationRow } from '../experiment/Summary.js';

export const CSV_COLUMNS = ['replication', 'cluster', 'signal', 'availability', 'upSeconds', 'downSeconds', 'outages', 'longestOutageSeconds'] as const;

/**
 * RFC 4180 quoting: a field with a comma, a double quote, CR or LF is quoted and its quotes doubled.
 * Lines end in LF. Numbers keep full precision (String(x), as JSON), so the CSV and the JSON agree.
 */
export function renderCsv(rows: readonly ReplicationRow[]): string {
  return csvDocument(CSV_COLUMNS, rows.map((r) => CSV_COLUMNS.map((c) => r[c])));
}

/** signals.csv of a comparison: the same rows, each led by the label of its scenario. */
export function renderCompareCsv(entries: readonly { readonly label: string; readonly rows: readonly ReplicationRow[] }[]): string {
  return csvDocument(['scenario', ...CSV_COLUMNS], entries.flatMap((e) => e.rows.map((r) => [e.label, ...CSV_COLUMNS.map((c) => r[c])])));
}

/** A header line, then one line per record; every line ends in LF. */
function csvDocument(header: readonly string[], records: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.join(','), ...records.map((values) => values.map(csvField).join(','))];
  return `${lines.join('\n')}\n`;
}

/** One field; null (no value, as JSON writes it) is an empty cell, never 0. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A name that starts like a formula (=, +, -, @) would run as one in a spreadsheet: quote it
  // with a leading apostrophe, as OWASP advises for CSV injection. Numbers are left alone.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
