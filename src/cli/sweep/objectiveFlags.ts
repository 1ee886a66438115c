/** Reads the objective flags of a sweep: --slo signal=percent (repeatable) and --max-write-p99 duration. */
import type { Objectives } from '../../experiment/sweep/index.js';
import { didYouMean, listNames } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { InputError } from '../errors.js';
import { durationFlag } from '../flags.js';
import { signalNames } from '../signalNames.js';
import { quoteName, quoteValue } from '../../kernel/quoteValue.js';

const SLO = /^([A-Za-z][\w:.-]*)=(\d+(?:\.\d+)?)%?$/;

/** `--slo apiWrite=99.99` (a percent, above 0 and at most 100) and `--max-write-p99 100ms` (a unit is required). */
export function parseObjectives(slo: readonly string[], maxWriteP99: string | undefined): Objectives {
  const availability = slo.map((text) => {
    const m = SLO.exec(text.trim());
    const target = m ? Number(m[2]) : NaN;
    if (!m || !(target > 0 && target <= 100)) {
      throw new InputError(`--slo: expected signal=percent with a percent above 0 and at most 100, like apiWrite=99.99, found ${quoteValue(text)}`);
    }
    return { signal: m[1]!, targetPercent: target };
  });
  const twice = availability.find((o, i) => availability.findIndex((x) => x.signal === o.signal) !== i);
  if (twice) throw new InputError(`--slo: the signal ${twice.signal} is given twice`);
  let maxWriteP99Ms: number | null = null;
  if (maxWriteP99 !== undefined) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(maxWriteP99)) throw new InputError(`--max-write-p99: expected a duration with its unit, like 100ms or 0.5s, found ${quoteValue(maxWriteP99)}`);
    maxWriteP99Ms = Math.round(durationFlag('--max-write-p99', maxWriteP99) * 1e9) / 1e6;
  }
  return { availability, maxWriteP99Ms };
}

/** Refuses an --slo signal that the scenario (the first point) does not produce, before anything runs. */
export function checkObjectiveSignals(objectives: Objectives, scenario: Scenario): void {
  if (objectives.availability.length === 0) return;
  const known = signalNames(scenario);
  for (const o of objectives.availability) {
    if (!known.includes(o.signal)) throw new InputError(`--slo: ${quoteName(scenario.name)} has no signal ${quoteName(o.signal)}${didYouMean(o.signal, known)} (its signals: ${listNames(known)})`);
  }
}
