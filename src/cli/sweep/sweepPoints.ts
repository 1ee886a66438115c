/** Turns a scenario file and its --set lists into the grid of validated scenarios a sweep runs. */
import { isDeepStrictEqual } from 'node:util';
import type { Overrides, ScenarioSource } from '../../experiment/partial/index.js';
import { pointLabel, type SweepParameter, type SweepPoint } from '../../experiment/sweep/index.js';
import { parseOverride, parseScenarioDocument, scenarioFromRaw, setPath, ScenarioError, type Problem, type Scenario } from '../../scenario/index.js';
import { InputError } from '../errors.js';
import { applyOverrides } from '../overrides.js';
import { cut, invalidPointLines, valuesWrongAlone, type PointCheck } from './gridProblems.js';

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
 * The full grid, first parameter varying slowest. The file must be valid by itself. Then every
 * point (the file with all of its --set values applied together) is validated, before anything
 * runs: a value wrong whatever it goes with (`etcd.members=abc`) is named with its flag, and
 * otherwise the points whose values cannot go together (stacked etcd with more members than
 * control-plane nodes) are named, grouped by reason (gridProblems.ts). Either way nothing runs:
 * a grid with a missing point would compare fewer designs than it says. Returns the file's
 * scenario name (the sweep's name) and the points.
 */
export function buildSweepPoints(source: ScenarioSource, parameters: readonly SweepParameter[], overrides: Overrides): { name: string; points: SweepPoint[] } {
  for (const key of ['seed', 'replications', 'horizon'] as const) {
    const set = parameters.find((p) => p.path === key || p.path === `spec.${key}`);
    if (set && overrides[key] !== undefined) throw new InputError(`--${key} and --set ${set.path} both set the ${key}: give one of them`);
  }
  const raw = parseScenarioDocument(source.text, source.file);
  const base = scenarioFromRaw(raw, source.file);
  // A path the format does not have is a ScenarioError of setPath's, named with its flag.
  const alone = parameters.map((p) => p.values.map((v) => problemsOf({ [p.path]: v }, raw, source.file).problems[0]));
  const combinations = grid(parameters);
  const validatedAt: { problems: readonly Problem[]; scenario?: Scenario }[] = [];
  const check = (i: number) => (validatedAt[i] ??= problemsOf(combinations[i]!.values, raw, source.file));
  const wrong = valuesWrongAlone(parameters, alone, combinations, (i) => check(i).problems);
  if (wrong.length > 0) throw new InputError(wrong[0]!, wrong);
  const checks: PointCheck[] = combinations.map((c, i) => ({ indices: c.indices, label: pointLabel(c.values), problems: check(i).problems }));
  const invalid = invalidPointLines(parameters, checks, hintFields(raw, parameters, checks));
  if (invalid.length > 0) throw new InputError(invalid[0]!, invalid);
  const points = combinations.map(({ values }, i) => ({ label: checks[i]!.label, values, scenario: applyOverrides(check(i).scenario!, overrides) }));
  return { name: base.name, points };
}

/** Every combination of values, the last parameter varying fastest: each as the index of its value in every list and as path -> value. */
export function grid(parameters: readonly SweepParameter[]): { indices: number[]; values: Record<string, unknown> }[] {
  let combos: { indices: number[]; values: Record<string, unknown> }[] = [{ indices: [], values: {} }];
  for (const p of parameters) combos = combos.flatMap((c) => p.values.map((v, j) => ({ indices: [...c.indices, j], values: { ...c.values, [p.path]: v } })));
  return combos;
}

/** The problems of the file with these values set (none when it is a valid scenario), and the scenario when it is. */
function problemsOf(values: Readonly<Record<string, unknown>>, raw: unknown, file: string): { problems: readonly Problem[]; scenario?: Scenario } {
  let doc = raw;
  for (const [path, v] of Object.entries(values)) doc = setPath(doc, path, v);
  try {
    return { problems: [], scenario: scenarioFromRaw(doc, file) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { problems: e.problems.length > 0 ? e.problems : [{ file, path: '', message: 'invalid scenario' }] };
  }
}

/**
 * Fields that the invalid points' messages name (`controlPlane.nodes` in "must not exceed
 * controlPlane.nodes (3)"), that a --set could change and that the sweep does not set already:
 * what to --set as well, beside the values that cannot go together.
 */
function hintFields(raw: unknown, parameters: readonly SweepParameter[], checks: readonly PointCheck[]): string[] {
  const named = new Set<string>();
  for (const c of checks) for (const m of c.problems[0]?.message.match(/\b[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+\b/g) ?? []) named.add(m);
  const swept = parameters.map((p) => p.path.replace(/^(spec\.)?(clusters\[[\d*]+\]\.)?/, ''));
  return [...named].filter((f) => !swept.includes(f) && settable(raw, f));
}

function settable(raw: unknown, path: string): boolean {
  try {
    setPath(raw, path, null);
    return true;
  } catch (e) {
    if (e instanceof ScenarioError) return false;
    throw e;
  }
}
