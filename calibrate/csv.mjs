/** The calibration's two CSV files: their columns, writing (RFC 4180 quoting) and reading back. */

/** One row per (source, members, case) with the statistics and what they were measured on. */
export const RESULT_COLUMNS = [
  'source', 'members', 'case', 'rounds', 'median_s', 'p90_s', 'max_s', 'share_over_2s',
  'etcd_version', 'kubesim_version', 'date', 'machine', 'pre_vote', 'heartbeat_ms', 'election_timeout_ms',
];
/** One row per real round, so that a test can recompute the etcd rows of the results. */
export const GAP_COLUMNS = [
  'members', 'case', 'round', 'gap_s', 'censored', 'term_before', 'term_after', 'leader_changed',
  'latency_ms', 'in_flight_faulted', 'in_flight_others', 'during',
];

function cell(v) {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e4) / 1e4) : '') : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {readonly string[]} columns @param {readonly Record<string, unknown>[]} rows */
export function toCsv(columns, rows) {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** Reads a CSV written by toCsv into objects keyed by its header (all values as strings). */
export function parseCsv(text) {
  const records = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) records.push([...row, field]);
  const [header = [], ...body] = records;
  return { columns: header, rows: body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}
