/** Loads scenarios for the commands, with the overrides that flags make (seed, replications, horizon, no scripted faults). */
import { MAX_REPLICATIONS, parseScenario, ScenarioError, type Problem } from '../scenario/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { durationFlag, intFlag, seedFlag } from './flags.js';
import { InputError } from './errors.js';
import { checkStdinOnce, readScenarioSource } from './stdinInput.js';

export interface OverrideFlags {
  readonly seed?: string;
  readonly replications?: string;
  readonly horizon?: string;
  /** Random failures only: the scripted faults are dropped (withoutFaults). */
  readonly ignoreFaults?: boolean;
}

/**
 * The scenario without its scripted faults, renamed `<name>-without-faults` so that its summary,
 * terminal text and default report folder cannot pass for the whole scenario's. Random streams
 * are named after components, not the scenario, so both runs see the same random failures.
 */
export function withoutFaults(s: Scenario): Scenario {
  return s.faults.length === 0 ? s : { ...s, name: `${s.name}-without-faults`, faults: [] };
}

/** Reads and validates the flags first (a bad flag fails before any file is read), then each file (`-`: stdin, named <stdin>). */
export function loadWithOverrides(files: readonly string[], flags: OverrideFlags): Scenario[] {
  const seed = flags.seed === undefined ? undefined : seedFlag(flags.seed);
  const replications = flags.replications === undefined ? undefined : intFlag('--replications', flags.replications, 1, MAX_REPLICATIONS);
  const horizon = flags.horizon === undefined ? undefined : durationFlag('--horizon', flags.horizon);
  const parsed = parseEvery(files);
  return parsed.map(({ file: f, scenario }) => {
    const s = flags.ignoreFaults === true ? withoutFaults(scenario) : scenario;
    if (horizon !== undefined) {
      const late = s.faults.find((x) => x.at >= horizon);
      if (late) throw new InputError(`--horizon: ${flags.horizon} ends before a scripted fault of ${f} (at ${late.at} s)`);
    }
    return {
      ...s,
      ...(seed !== undefined ? { seed } : {}),
      ...(replications !== undefined ? { replications } : {}),
      ...(horizon !== undefined ? { horizon } : {}),
    };
  });
}

/** Reads and parses every file; the problems of every bad one are reported together, in argument order, as `validate` does, each file's once. */
function parseEvery(files: readonly string[]): { file: string; scenario: Scenario }[] {
  checkStdinOnce(files);
  const problems: Problem[] = [];
  const parsed: { file: string; scenario: Scenario }[] = [];
  const failed = new Set<string>();
  for (const path of files) {
    if (failed.has(path)) continue; // the same bad file named twice (`compare x.yaml x.yaml`): its problems once
    try {
      const { file, text } = readScenarioSource(path);
      parsed.push({ file, scenario: parseScenario(text, file) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      failed.add(path);
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return parsed;
}

/** A folder name for a scenario's report: its name with anything unsafe in a path replaced. */
export function reportFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return safe === '' ? 'scenario' : safe;
}
