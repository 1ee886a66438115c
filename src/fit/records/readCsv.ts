/** Reads a CSV of outage records (one row per outage of one component) into up and down periods by role. */
import { DurationError, parseDuration } from '../../kernel/index.js';
import type { Role } from '../../scenario/Scenario.js';
import { csvRows, type CsvRow } from './csvRows.js';
import { outagePeriods, type Outage } from './outagePeriods.js';
import { formatTimestamp, parseTimestamp } from './parseTimestamp.js';
import { escapeControls, quoteValue } from '../../kernel/index.js';
import { RecordError } from './RecordError.js';
import { recordsOf, windowSource, type RecordsByRole, type SourceSummary, type WindowFlags } from './RoleRecords.js';
import { roleOf, roleOfComponent, ROLE_NAMES, type RoleMap } from './roles.js';

/** Column names, lower case; a few common synonyms are accepted. */
const COLUMNS: Readonly<Record<string, 'role' | 'component' | 'start' | 'end' | 'duration' | 'cause'>> = {
  role: 'role',
  component: 'component',
  instance: 'component',
  node: 'component',
  host: 'component',
  start: 'start',
  end: 'end',
  duration: 'duration',
  cause: 'cause',
};

/**
 * The header names the columns: `start`, `role` or `component` (or both), `end` or `duration`
 * (or both), optionally `cause`; other columns are ignored. A row with neither an end nor a
 * duration is an outage still open when observation stopped. Without a `role` column, the role
 * comes from the component's name (`prod/etcd-2`). The window is the flags' or else runs from
 * the earliest start to the latest end or start of the file (stated in the output); outages
 * that reach past it are cut at its edges (outagePeriods.ts).
 */
export function readCsv(text: string, file: string, map: RoleMap, window: WindowFlags, byRole: RecordsByRole): SourceSummary {
  const fail = (line: number | undefined, problem: string): never => {
    throw new RecordError(file, line, problem);
  };
  const rows = csvRows(text, fail);
  if (rows.length === 0) fail(undefined, 'the file is empty: expected a header line (e.g. component,start,end,cause) and one row per outage');
  const [header, ...body] = rows as [(typeof rows)[0], ...typeof rows];
  const at: Partial<Record<string, number>> = {};
  header.fields.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!Object.hasOwn(COLUMNS, key)) return;
    const column = COLUMNS[key]!;
    // Two columns for one meaning (start,start or host,node): which one holds the data is a guess, so ask.
    const other = at[column];
    if (other !== undefined) fail(header.line, `the ${column} column is given twice (fields ${other + 1} and ${i + 1}: ${quoteValue(header.fields[other]!)} and ${quoteValue(name)}): expected each column once`);
    at[column] = i;
  });
  if (at['start'] === undefined || (at['role'] === undefined && at['component'] === undefined) || (at['end'] === undefined && at['duration'] === undefined)) {
    fail(header.line, `expected a header naming the columns start, role or component, and end or duration (optionally cause), found ${quoteValue(header.fields.join(','))}`);
  }
  if (body.length === 0) fail(undefined, 'the file has a header but no outage rows');
  const outages = new Map<string, { role: Role; list: Outage[] }>();
  let latest = -Infinity;
  let earliest = Infinity;
  for (const row of body) {
    if (row.fields.length !== header.fields.length) fail(row.line, `expected ${header.fields.length} fields as in the header, found ${row.fields.length}`);
    const { name, role, outage } = readRow(row, at, map, (problem) => fail(row.line, problem));
    const entry = outages.get(name) ?? { role, list: [] };
    if (entry.role !== role) fail(row.line, `component ${quoteValue(name)} is given role ${role}, but ${entry.role} on an earlier row`);
    entry.list.push(outage);
    outages.set(name, entry);
    earliest = Math.min(earliest, outage.start);
    latest = Math.max(latest, outage.end ?? outage.start);
  }
  const from = window.start ?? earliest;
  const to = window.end ?? latest;
  if (!(to > from)) fail(undefined, `the observation window is empty (from ${formatTimestamp(from)} to ${formatTimestamp(to)}): give --window-start and --window-end`);
  for (const [name, { role, list }] of outages) {
    list.sort((a, b) => a.start - b.start || a.line - b.line);
    list.forEach((o, i) => {
      const next = list[i + 1];
      if (next !== undefined && (o.end === undefined || next.start < o.end)) {
        const hint = at['component'] === undefined ? 'without a component column, each role is one component: add one' : 'one component is down once at a time: merge them into one row';
        fail(next.line, `this outage of ${quoteValue(name)} overlaps the one on line ${o.line} (${hint})`);
      }
    });
    const periods = outagePeriods(list, [from, to]);
    const r = recordsOf(byRole, role);
    r.components.add(name);
    // One at a time: spreading 100,000 periods into push's arguments would overflow the stack.
    for (const p of periods.up) r.up.push(p);
    for (const p of periods.down) r.down.push(p);
  }
  return { file, format: 'csv', records: body.length, window: [from, to], windowFrom: windowSource(window, 'records') };
}

/** One row: the component (or the role, standing for one), its role and the outage; `fail` names the row's line. */
function readRow(row: CsvRow, at: Partial<Record<string, number>>, map: RoleMap, fail: (problem: string) => never): { name: string; role: Role; outage: Outage } {
  const get = (column: string) => (at[column] === undefined ? '' : (row.fields[at[column]!] ?? ''));
  const startText = get('start');
  const start = parseTimestamp(startText);
  if (start === undefined) return fail(`start: expected an RFC 3339 time (2026-03-01T12:00:00Z) or Unix seconds (not milliseconds), found ${quoteValue(startText)}`);
  const endText = get('end');
  const durationText = get('duration');
  if (endText !== '' && durationText !== '') fail('give an end or a duration, not both');
  let end: number | undefined;
  if (endText !== '') {
    end = parseTimestamp(endText);
    if (end === undefined) fail(`end: expected an RFC 3339 time or Unix seconds (not milliseconds), found ${quoteValue(endText)}`);
  } else if (durationText !== '') {
    try {
      end = start + parseDuration(durationText);
    } catch (e) {
      if (e instanceof DurationError) fail(`duration: ${e.message}`);
      throw e;
    }
  }
  if (end !== undefined && !(end > start)) fail(`the outage ends (${endText || durationText}) no later than it starts (${startText}): an outage must last some time`);
  const name = get('component') || get('role');
  if (name === '') fail('the component (or role) is empty');
  const roleText = get('role');
  const role = roleText !== '' ? roleOf(roleText, map) : roleOfComponent(name, map);
  if (role === undefined) {
    const what = roleText !== '' ? `role ${quoteValue(roleText)}` : `component ${quoteValue(name)}`;
    return fail(`${what}: not a kubesim role (${ROLE_NAMES.join(', ')}); map it with --map ${escapeControls(roleText || name)}=<role>`);
  }
  return { name, role, outage: { start, end, line: row.line } };
}
