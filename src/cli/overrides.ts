/** The --seed, --replications, --horizon and --ignore-faults overrides as values (for partial results), and applying them to a scenario. */
import type { Overrides } from '../experiment/partial/index.js';
import { MAX_REPLICATIONS } from '../scenario/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { InputError } from './errors.js';
import { durationFlag, intFlag, seedFlag } from './flags.js';
import { withoutFaults, type OverrideFlags } from './scenarioInput.js';

/** Reads the flags with the same rules as `kubesim run` (scenarioInput.ts). */
export function parseOverrides(flags: OverrideFlags): Overrides {
  return {
    ...(flags.seed !== undefined ? { seed: seedFlag(flags.seed) } : {}),
    ...(flags.replications !== undefined ? { replications: intFlag('--replications', flags.replications, 1, MAX_REPLICATIONS) } : {}),
    ...(flags.horizon !== undefined ? { horizon: durationFlag('--horizon', flags.horizon) } : {}),
    ...(flags.ignoreFaults === true ? { ignoreFaults: true } : {}),
  };
}

/** The scenario with the overrides applied, as loadWithOverrides applies them. */
export function applyOverrides(parsed: Scenario, o: Overrides): Scenario {
  const s = o.ignoreFaults === true ? withoutFaults(parsed) : parsed;
  if (o.horizon !== undefined) {
    const late = s.faults.find((x) => x.at >= o.horizon!);
    if (late) throw new InputError(`--horizon: ${o.horizon} s ends before a scripted fault of ${s.file ?? s.name} (at ${late.at} s)`);
  }
  return {
    ...s,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.replications !== undefined ? { replications: o.replications } : {}),
    ...(o.horizon !== undefined ? { horizon: o.horizon } : {}),
  };
}
