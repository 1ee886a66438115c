/** Turns a scenario file and its --set lists into the grid of validated scenarios a sweep runs. */
import { isDeepStrictEqual } from 'node:util';
import type { Overrides, ScenarioSource } from '../../experiment/partial/index.js';
import { pointLabel, type SweepParameter, type SweepPoint } from '../../experiment/sweep/index.js';
import { QUOTE_MAX_CHARACTERS, quoteValue } from '../../kernel/quoteValue.js';
import { parseOverride, parseScenarioDocument, scenarioFromRaw, setPath, ScenarioError, type Scenario } from '../../scenario/index.js';
import { InputError } from '../errors.js';
import { applyOverrides } from '../overrides.js';

/** Points a sweep's grid may have (docs/limits.md): each is a validated scenario held in memory. */
export const MAX_SWEEP_POINTS = 10_000;

/**
 * Reads `--set path=v1,v2` flags (values as YAML: `5` is a number, `30d` a string). A flag
 * without `=`, with an empty value, a path given twice or a value repeated is an InputError.
 */
export function parseSetFlags(flags: readonly string[]): SweepParameter[] {
  if (flags.length === 0) throw new InputError('sweep: give at least one --set path=v1,v2,... (e.g. --set etcd.members=1,3,5)');
  const out: SweepParameter[] = [];
  for (const text of flags) {
    const { path, values } = parseOverride(text);
    if (out.some((p) => p.path === path)) throw new InputError(`--set ${cut(path)}: the path is given twice; put every value in one list (--set ${cut(path)}=a,b,c)`);
    const twice = values.find((v, i) => values.findIndex((w) => isDeepStrictEqual(v, w)) !== i);
    if (twice !== undefined) throw new InputError(`--set ${cut(text)}: the value ${cut(JSON.stringify(twice))} is given twice`);
    out.push({ path, values });
  }
  const points = out.reduce((n, p) => n * p.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    throw new InputError(`--set: the grid has ${points.toLocaleString('en-US')} points (${out.map((p) => p.values.length).join(' × ')}), more than the ${MAX_SWEEP_POINTS.toLocaleString('en-US')} a sweep may have; sweep fewer values, or split the grid over several sweeps (docs/limits.md)`);
  }
  return out;
}

/**
 * The full grid, first parameter varying slowest. The file must be valid by itself; then each
 * value is set alone and validated, so that a bad value is named with its flag; then every
 * combination is validated (some values are only wrong together). Each failure is one line.
 * Returns the file's scenario name (the sweep's name) and the points.
 */
export function buildSweepPoints(source: ScenarioSource, parameters: readonly SweepParameter[], overrides: Overrides): { name: string; points: SweepPoint[] } {
  for (const key of ['seed', 'replications', 'horizon'] as const) {
    const set = parameters.find((p) => p.path === key || p.path === `spec.${key}`);
    if (set && overrides[key] !== undefined) throw new InputError(`--${key} and --set ${set.path} both set the ${key}: give one of them`);
  }
  const raw = parseScenarioDocument(source.text, source.file);
  const base = scenarioFromRaw(raw, source.file);
  for (const p of parameters) {
    for (const v of p.values) {
      const where = `--set ${cut(p.path)}=${display(v)}`;
      validated(setPath(raw, p.path, v), source.file, where);
    }
  }
  const points = grid(parameters).map((values) => {
    let doc = raw;
    for (const [path, v] of Object.entries(values)) doc = setPath(doc, path, v);
    const label = pointLabel(values);
    const shown = Object.entries(values).map(([path, v]) => `${cut(path)}=${display(v)}`).join(', ');
    return { label, values, scenario: applyOverrides(validated(doc, source.file, `sweep point ${shown}`), overrides) };
  });
  return { name: base.name, points };
}

/** Every combination of values, as path -> value records, the last parameter varying fastest. */
export function grid(parameters: readonly SweepParameter[]): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const p of parameters) combos = combos.flatMap((c) => p.values.map((v) => ({ ...c, [p.path]: v })));
  return combos;
}

function validated(doc: unknown, file: string, where: string): Scenario {
  try {
    return scenarioFromRaw(doc, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const first = e.problems[0];
    throw new InputError(first ? `${where}: ${first.path === '' ? '' : `${first.path}: `}${first.message}` : `${where}: invalid scenario`);
  }
}

/** A --set value as the flag gave it, cut as any echoed value is when long (docs/inputs.md). */
function display(v: unknown): string {
  return cut(typeof v === 'string' ? v : JSON.stringify(v));
}

/** Short text as it is (the messages' usual form: `--set etcd.members=3`); past 60 characters, quoteValue's cut with the full length. */
function cut(text: string): string {
  return text.length <= QUOTE_MAX_CHARACTERS ? text : quoteValue(text);
}
