/** Reads the adaptive-run flags: --precision, --signals, --max-replications, --max-episodes, --max-time. */
import type { PrecisionTarget } from '../experiment/precision/runToPrecision.js';
import { didYouMean, listNames } from '../scenario/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { InputError } from './errors.js';
import { durationFlag, intFlag } from './flags.js';
import { DEFAULT_MAX_EPISODES, DEFAULT_MAX_REPLICATIONS } from './precisionDefaults.js';
import { signalNames } from './signalNames.js';
import { quoteName, quoteValue } from '../kernel/quoteValue.js';

export interface PrecisionFlags {
  readonly precision?: string;
  readonly signals?: string;
  readonly maxReplications?: string;
  readonly maxEpisodes?: string;
  readonly maxTime?: string;
  /** Commander's --no-rare-events: false when given. */
  readonly rareEvents?: boolean;
}


const CAP_FLAGS = [
  ['maxReplications', '--max-replications'],
  ['maxEpisodes', '--max-episodes'],
  ['maxTime', '--max-time'],
  ['signals', '--signals'],
] as const;

/** The target, or undefined without --precision (then the caps and --signals are refused: they would do nothing). */
export function parsePrecision(flags: PrecisionFlags): PrecisionTarget | undefined {
  if (flags.precision === undefined) {
    const stray = CAP_FLAGS.find(([key]) => flags[key] !== undefined);
    if (stray) throw new InputError(`${stray[1]}: only with --precision (it bounds an adaptive run)`);
    if (flags.rareEvents === false) throw new InputError('--no-rare-events: only with --precision (only adaptive runs switch methods)');
    return undefined;
  }
  const signals = (flags.signals ?? 'apiWrite').split(',').map((x) => x.trim());
  if (signals.some((x) => x === '')) throw new InputError(`--signals: expected comma-separated signal names like apiWrite,etcdQuorum, found ${quoteValue(String(flags.signals))}`);
  return {
    relative: precisionFlag(flags.precision),
    signals: [...new Set(signals)],
    maxReplications: flags.maxReplications === undefined ? DEFAULT_MAX_REPLICATIONS : intFlag('--max-replications', flags.maxReplications, 1),
    maxEpisodes: flags.maxEpisodes === undefined ? DEFAULT_MAX_EPISODES : intFlag('--max-episodes', flags.maxEpisodes, 1),
    ...(flags.maxTime !== undefined ? { maxSeconds: durationFlag('--max-time', flags.maxTime) } : {}),
    ...(flags.rareEvents === false ? { rareEvents: false } : {}),
  };
}

/** `10%` or `0.1`: a relative half-width above 0 and below 100%. */
export function precisionFlag(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(value);
  const x = m ? Number(m[1]) / (m[2] === '%' ? 100 : 1) : NaN;
  if (!m || !(x > 0 && x < 1)) {
    throw new InputError(`--precision: expected a relative 95% half-width above 0 and below 100%, like 10% or 0.1, found ${quoteValue(value)}`);
  }
  return x;
}

/** Refuses a --signals name that a scenario does not produce, before anything runs. */
export function checkPrecisionSignals(target: PrecisionTarget, scenario: Scenario): void {
  const known = signalNames(scenario);
  for (const name of target.signals) {
    if (!known.includes(name)) throw new InputError(`--signals: ${quoteName(scenario.name)} has no signal ${quoteName(name)}${didYouMean(name, known)} (its signals: ${listNames(known)})`);
  }
}
