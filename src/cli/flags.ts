/** Parsing of the CLI's flag values, each failing with a one-line InputError that names the flag. */
import { DurationError, parseDuration, quoteValue, type SimTime } from '../kernel/index.js';
import { MAX_SHARDS } from '../experiment/shard.js';
import { didYouMean } from '../scenario/index.js';
import { InputError } from './errors.js';

export function intFlag(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new InputError(`${flag}: expected a whole number ${range}, found ${quoteValue(value)}`);
  }
  return n;
}

/** The seeds a scenario file and `--seed` accept alike: every whole number a double holds exactly. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;

/** `--seed N`, with the range and the wording of the scenario file's `spec.seed`. */
export function seedFlag(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > SEED_MAX) {
    throw new InputError(`--seed: expected a whole number from 0 to ${SEED_MAX}, found ${quoteValue(value)}`);
  }
  return n;
}

export function durationFlag(flag: string, value: string): SimTime {
  try {
    const d = parseDuration(value);
    if (d <= 0) throw new DurationError(`expected a positive duration, found ${quoteValue(value)}`);
    return d;
  } catch (e) {
    if (e instanceof DurationError) throw new InputError(`${flag}: ${e.message}${unitSuggestion(value)}`);
    throw e;
  }
}

/** The units parseDuration reads, for "did you mean" on a mistyped one ("100mss" -> "100ms"). */
const DURATION_UNITS = ['ms', 's', 'm', 'h', 'd', 'w', 'y'];

function unitSuggestion(value: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value);
  if (!m || DURATION_UNITS.includes(m[2]!)) return '';
  return didYouMean(`${m[1]}${m[2]}`, DURATION_UNITS.map((u) => `${m[1]}${u}`));
}

/** `--shard i/n` with 1 <= i <= n <= MAX_SHARDS. */
export function shardFlag(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: expected i/n with 1 <= i <= n (e.g. 2/4), found ${quoteValue(value)}`);
  }
  if (count > MAX_SHARDS) throw new InputError(`--shard: expected at most ${MAX_SHARDS} shards, found ${quoteValue(value)}`);
  return { index, count };
}

/** More shards than work units would leave some with nothing to do: refused before any work. */
export function checkShardCount(shard: { readonly count: number }, units: number, what: string): void {
  if (shard.count > units) throw new InputError(`--shard: ${shard.count} shards but only ${units} ${what} to share among them: use at most ${units} shards`);
}
