/** Durations with units ("90s", "15m", "4h", "30d", "1y", "1h30m") parsed to seconds, and back. */
import { DAY, HOUR, MINUTE, WEEK, YEAR, type SimTime } from './SimTime.js';

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

const PART = /(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h|d|w|y)/y;

/**
 * Parses a duration to seconds. A number is taken as seconds; a string is one or more
 * number-unit parts ("1h30m"). Negative, infinite or malformed values throw DurationError.
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
  if (text.startsWith('-')) throw new DurationError(`expected a duration that is not negative, found "${input}"`);
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  PART.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (m === null) {
      throw new DurationError(
        `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${Object.keys(DURATION_UNITS).join(', ')}), found "${input}"`,
      );
    }
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    pos = PART.lastIndex;
  }
  if (text.length === 0) throw new DurationError('expected a duration like "90s", found an empty string');
  return total;
}

/** Formats seconds compactly for people: "45s", "2h 5m", "3d 4h", "1.5y". */
export function formatDuration(seconds: SimTime): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds < 1) return `${round(seconds * 1000, 3)}ms`;
  if (seconds < MINUTE) return `${round(seconds, 2)}s`;
  if (seconds < HOUR) return join(Math.floor(seconds / MINUTE), 'm', Math.round(seconds % MINUTE), 's');
  if (seconds < DAY) return join(Math.floor(seconds / HOUR), 'h', Math.round((seconds % HOUR) / MINUTE), 'm');
  if (seconds < YEAR) return join(Math.floor(seconds / DAY), 'd', Math.round((seconds % DAY) / HOUR), 'h');
  return `${round(seconds / YEAR, 2)}y`;
}

/** Formats seconds as a clock "HH:MM:SS" (with days, "3d 04:00:00"), for timelines. */
export function formatClock(seconds: SimTime): string {
  const s = Math.floor(seconds);
  const days = Math.floor(s / DAY);
  const hh = String(Math.floor((s % DAY) / HOUR)).padStart(2, '0');
  const mm = String(Math.floor((s % HOUR) / MINUTE)).padStart(2, '0');
  const ss = String(s % MINUTE).padStart(2, '0');
  const frac = seconds - s;
  const tail = frac > 1e-9 ? `.${String(Math.round(frac * 1000)).padStart(3, '0').slice(0, 3)}` : '';
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
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
