/** Loads scenarios for the commands, with the overrides that flags make (seed, replications, horizon, no scripted faults). */
import { MAX_REPLICATIONS, parseScenario } from '../scenario/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { durationFlag, intFlag, seedFlag } from './flags.js';
import { InputError } from './errors.js';
import { readScenarioSources } from './stdinInput.js';

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
  return readScenarioSources(files).map(({ file: f, text }) => {
    const parsed = parseScenario(text, f);
    const s = flags.ignoreFaults === true ? withoutFaults(parsed) : parsed;
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

/** A folder name for a scenario's report: its name with anything unsafe in a path replaced. */
export function reportFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return safe === '' ? 'scenario' : safe;
}
