/** Durations with units ("90s", "15m", "4h", "30d", "1y", "1h30m") parsed to seconds, and back. */
import { DAY, HOUR, MINUTE, WEEK, YEAR, type SimTime } from './SimTime.js';
import { quoteValue } from './quoteValue.js';

/** Seconds per unit. A year is 365 days, a month is not a unit (its length varies). */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: WEEK,
  y: YEAR,
};

/** A duration that could not be read; `message` says what was expected and what was found. */
export class DurationError extends Error {
  override name = 'DurationError';
}

// One number-unit part, optionally followed by spaces before the next part ("1h 30m").
const PART = /(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h|d|w|y) */y;
const NUMBER = /^(\d+(\.\d+)?|\.\d+)$/;

/**
 * Parses a duration to seconds. A number is taken as seconds, and so is a string holding only a
 * number; otherwise a string is one or more number-unit parts ("1h30m", "1h 30m"), with spaces
 * allowed around and between them. Negative, infinite or malformed values throw DurationError.
 */
export function parseDuration(input: unknown): SimTime {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new DurationError(`expected a finite duration, found ${input}`);
    if (input < 0) throw new DurationError(`expected a duration that is not negative, found ${input}`);
    return input;
  }
  if (typeof input !== 'string') {
    throw new DurationError(`expected a duration like "90s", "15m", "4h", "30d" or "1y", found ${describe(input)}`);
  }
  const text = input.trim();
  if (text.length === 0) throw new DurationError('expected a duration like "90s", found an empty string');
  if (text.startsWith('-')) throw new DurationError(`expected a duration that is not negative, found ${quoteValue(input)}`);
  if (NUMBER.test(text)) return finiteDuration(Number(text), input);
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (m === null) {
      throw new DurationError(
        `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${Object.keys(DURATION_UNITS).join(', ')}), found ${quoteValue(input)}`,
      );
    }
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    pos = PART.lastIndex;
  }
  return finiteDuration(total, input);
}

/** A duration written with too many digits ("1" and 400 zeros) parses to Infinity: refused here, once, for files and flags. */
function finiteDuration(seconds: number, input: string): SimTime {
  if (!Number.isFinite(seconds)) throw new DurationError(`expected a finite duration, found ${quoteValue(input)} (too large to be a number of seconds)`);
  return seconds;
}

/** Formats seconds compactly for people: "45s", "2h 5m", "3d 4h", "1.5y". */
export function formatDuration(seconds: SimTime): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  // Each branch rounds to its smaller unit first and moves up a branch when the rounding
  // carries over (119.7 s is "2m", not "1m 60s").
  if (seconds < 1 && round(seconds * 1000, 3) < 1000) return `${round(seconds * 1000, 3)}ms`;
  if (round(seconds, 2) < MINUTE) return `${round(seconds, 2)}s`;
  const s = Math.round(seconds);
  if (s < HOUR) return join(Math.floor(s / MINUTE), 'm', s % MINUTE, 's');
  const m = Math.round(seconds / MINUTE);
  if (m * MINUTE < DAY) return join(Math.floor(m / 60), 'h', m % 60, 'm');
  const h = Math.round(seconds / HOUR);
  if (h * HOUR < YEAR) return join(Math.floor(h / 24), 'd', h % 24, 'h');
  return years(seconds / YEAR);
}

/**
 * Years with the digits a person reads: two decimals below 100 ("12.34y"); from 100, four
 * significant digits ("123.5y", "1235y"), grouped from 10,000 ("17,820,000y", not "17817972.49y").
 */
function years(y: number): string {
  if (y < 100) return `${round(y, 2)}y`;
  const r = Number(y.toPrecision(4));
  return `${r >= 10_000 ? new Intl.NumberFormat('en-US').format(r) : r}y`;
}

/** Formats seconds as a clock "HH:MM:SS" (with days, "3d 04:00:00"), with milliseconds when not whole. */
export function formatClock(seconds: SimTime): string {
  // Round to whole milliseconds first, so that 59.9996 s reads 00:01:00, not 00:00:59.1000.
  const ms = Math.round(seconds * 1000);
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / DAY);
  const hh = String(Math.floor((s % DAY) / HOUR)).padStart(2, '0');
  const mm = String(Math.floor((s % HOUR) / MINUTE)).padStart(2, '0');
  const ss = String(s % MINUTE).padStart(2, '0');
  const tail = ms % 1000 !== 0 ? `.${String(ms % 1000).padStart(3, '0')}` : '';
  return `${days > 0 ? `${days}d ` : ''}${hh}:${mm}:${ss}${tail}`;
}

function join(a: number, ua: string, b: number, ub: string): string {
  return b === 0 ? `${a}${ua}` : `${a}${ua} ${b}${ub}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
