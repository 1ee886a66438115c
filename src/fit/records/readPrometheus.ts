/** Reads a Prometheus range-query result (`/api/v1/query_range`) of 0/1 series into up and down periods by role. */
import type { Observation } from '../Observation.js';
import { escapeControls, quoteValue } from '../../kernel/index.js';
import { isUnixSeconds, UNIX_MAX } from './parseTimestamp.js';
import { RecordError } from './RecordError.js';
import { recordsOf, windowSource, type RecordsByRole, type SourceSummary, type WindowFlags } from './RoleRecords.js';
import { roleOf, roleOfComponent, ROLE_NAMES, type RoleMap } from './roles.js';

export interface PrometheusOptions {
  /** The label whose value names the role (default `job`). */
  readonly roleLabel: string;
  /** The label that tells components apart (default `instance`); without it, the whole label set does. */
  readonly componentLabel: string;
}

/**
 * A gap between samples longer than this many steps (the median spacing of the series) is a
 * hole in the data, not an outage: the periods on both sides end censored there.
 */
const GAP_STEPS = 2.5;

/**
 * Each series is a component: 1 is up, 0 is down. A change of state is dated at the first
 * sample that shows it (so periods are known to one step). The last period of a series (or
 * before a gap) was still running at its last sample: it is right-censored. The first one (or
 * the one after a gap) began at a time nobody saw and is left out, as in outagePeriods.ts: a
 * period that spans the start of observation is length-biased. --window-start/--window-end keep
 * only the samples inside them.
 */
export function readPrometheus(text: string, file: string, map: RoleMap, options: PrometheusOptions, byRole: RecordsByRole, window: WindowFlags = {}): SourceSummary {
  const fail = (problem: string): never => {
    throw new RecordError(file, undefined, problem);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message.slice(0, 100)}`);
  }
  const o = doc as { status?: unknown; error?: unknown; errorType?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Object.hasOwn(doc, 'status')) {
    fail(`expected the JSON object of a Prometheus range query, with status and data ({"status":"success","data":{...}}), found ${Array.isArray(doc) ? 'an array' : doc === null || typeof doc !== 'object' ? quoteValue(String(doc)) : 'an object without status'}`);
  }
  if (o.status !== 'success') {
    const why = [o.errorType, o.error].filter((x) => typeof x === 'string').join(': ').slice(0, 120);
    fail(`the Prometheus query failed (status ${quoteValue(String(o.status))}${why ? `: ${why}` : ''}): export a successful range query`);
  }
  if (o.data?.resultType !== 'matrix' || !Array.isArray(o.data.result)) fail(`expected data.resultType "matrix" (a range query), found ${quoteValue(String(o.data?.resultType))}`);
  const series = o.data!.result as unknown[];
  if (series.length === 0) fail('the query result holds no series');
  let first = Infinity;
  let last = -Infinity;
  series.forEach((s, k) => {
    const where = `data.result[${k}]`;
    const metric = (s as { metric?: unknown }).metric;
    const values = (s as { values?: unknown }).values;
    if (typeof metric !== 'object' || metric === null || !Array.isArray(values)) fail(`${where}: expected {"metric": {...}, "values": [[time, "0|1"], ...]}`);
    const labels = metric as Record<string, unknown>;
    // Prometheus labels are strings; anything else counts as absent (and is never stringified).
    const label = (name: string): string | undefined => (Object.hasOwn(labels, name) && typeof labels[name] === 'string' ? labels[name] : undefined);
    const roleName = label(options.roleLabel) ?? '';
    if (roleName === '') fail(`${where}: no label ${quoteValue(options.roleLabel)} to take the role from; choose the label with --role-label`);
    const role = roleOf(roleName, map) ?? roleOfComponent(roleName, map);
    if (role === undefined) fail(`${where}: ${options.roleLabel}=${quoteValue(roleName)} is not a kubesim role (${ROLE_NAMES.join(', ')}); map it with --map ${escapeControls(roleName)}=<role>`);
    const component = label(options.componentLabel) ?? Object.keys(labels).sort().map((k) => `${k}=${label(k) ?? ''}`).join(',');
    const samples = (values as unknown[]).map((v, i): [number, boolean] => {
      const pair = v as unknown[];
      const t = Array.isArray(pair) && typeof pair[0] === 'number' ? pair[0] : NaN;
      const x = Array.isArray(pair) ? String(pair[1]) : '';
      if (!Number.isFinite(t) || (x !== '0' && x !== '1')) fail(`${where}.values[${i}]: expected [unixSeconds, "0" or "1"], found ${describeSample(v)}`);
      if (!isUnixSeconds(t)) fail(`${where}.values[${i}][0]: expected a time in Unix seconds (not milliseconds) from 0 to below ${UNIX_MAX} (the year 5138), found ${t}`);
      return [t, x === '1'];
    });
    const inside = samples.filter(([t]) => t >= (window.start ?? -Infinity) && t <= (window.end ?? Infinity)).sort((a, b) => a[0] - b[0]);
    if (inside.length > 0) {
      first = Math.min(first, inside[0]![0]);
      last = Math.max(last, inside[inside.length - 1]![0]);
    }
    const r = recordsOf(byRole, role!);
    r.components.add(`${role}/${component}`);
    for (const [state, p] of seriesPeriods(inside)) (state ? r.up : r.down).push(p);
  });
  if (!(last > first)) fail('no two samples inside the observation window: nothing to measure');
  return { file, format: 'prometheus', records: series.length, window: [window.start ?? first, window.end ?? last], windowFrom: windowSource(window, 'samples') };
}

/** The periods of one series, each with its state (true: up). */
function seriesPeriods(samples: readonly [number, boolean][]): [boolean, Observation][] {
  if (samples.length < 2) return [];
  const gaps = samples.slice(1).map((s, i) => s[0] - samples[i]![0]).sort((a, b) => a - b);
  const step = gaps[Math.floor(gaps.length / 2)]!;
  const out: [boolean, Observation][] = [];
  let since = samples[0]![0];
  let state = samples[0]![1];
  let censoredStart = true;
  let previous = since;
  const close = (until: number, censored: boolean) => {
    if (until > since && !censoredStart) out.push([state, { value: until - since, censored }]);
  };
  for (const [t, up] of samples.slice(1)) {
    if (t - previous > GAP_STEPS * step) {
      close(previous, true);
      since = t;
      state = up;
      censoredStart = true;
    } else if (up !== state) {
      close(t, false);
      since = t;
      state = up;
      censoredStart = false;
    }
    previous = t;
  }
  close(previous, true);
  return out;
}

/** A sample for a message, without stringifying what may be nested a million deep (JSON.stringify would overflow the stack). */
function describeSample(v: unknown): string {
  if (!Array.isArray(v)) return v === null ? 'null' : typeof v === 'object' ? 'an object' : quoteValue(String(v));
  const flat = v.every((x) => x === null || typeof x !== 'object');
  return flat ? quoteValue(JSON.stringify(v)) : `a list of ${v.length} holding lists or objects`;
}
