/**
 * Lenient readers of raw values for the building pass. The schema pass has already reported
 * every wrong type, so a reader that meets one returns undefined (the caller falls back to a
 * default) and reports only what the schema could not have caught.
 */
import { DurationError, parseDuration, type SimTime } from '../../kernel/index.js';
import { describeValue } from './describe.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';

export type RawObject = Readonly<Record<string, unknown>>;

/** A plain mapping (not a list, not binary data). */
export function isRawObject(v: unknown): v is RawObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** An own field of a mapping (never an inherited one such as `constructor`). */
export function field(obj: unknown, key: string): unknown {
  return isRawObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function readObject(p: Problems, v: unknown, path: Path): RawObject | undefined {
  if (v === undefined) return undefined;
  if (isRawObject(v)) return v;
  p.invalid(path, `expected an object, found ${describeValue(v)}`);
  return undefined;
}

export function readList(p: Problems, v: unknown, path: Path): readonly unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  p.invalid(path, `expected a list, found ${describeValue(v)}`);
  return [];
}

export function readString(p: Problems, v: unknown, path: Path): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.length > 0) return v;
  p.invalid(path, `expected a non-empty string, found ${describeValue(v)}`);
  return undefined;
}

export function readBoolean(p: Problems, v: unknown, path: Path): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  p.invalid(path, `expected true or false, found ${describeValue(v)}`);
  return undefined;
}

/** A whole number in [min, max]. */
export function readInteger(p: Problems, v: unknown, path: Path, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) return v;
  p.invalid(path, `expected a whole number from ${min} to ${max}, found ${describeValue(v)}`);
  return undefined;
}

/** A finite number, at least 0 (or above 0 when `positive`). */
export function readNumber(p: Problems, v: unknown, path: Path, positive = false): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v) && (positive ? v > 0 : v >= 0)) return v;
  p.invalid(path, `expected ${positive ? 'a positive number' : 'a number, 0 or more'}, found ${describeValue(v)}`);
  return undefined;
}

/** One of the allowed strings. */
export function readEnum<T extends string>(p: Problems, v: unknown, path: Path, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  p.invalid(path, `expected one of ${allowed.join(', ')}, found ${describeValue(v)}`);
  return undefined;
}

/** A duration in seconds ("90s", "1h30m", or a number of seconds); `positive` rejects zero. */
export function readDuration(p: Problems, v: unknown, path: Path, positive = false): SimTime | undefined {
  if (v === undefined) return undefined;
  let seconds: SimTime;
  try {
    seconds = parseDuration(v);
  } catch (e) {
    if (!(e instanceof DurationError)) throw e;
    p.invalid(path, e.message);
    return undefined;
  }
  if (!Number.isFinite(seconds)) {
    p.invalid(path, `expected a finite duration, found ${describeValue(v)}`);
    return undefined;
  }
  if (positive && seconds <= 0) {
    p.invalid(path, `expected a positive duration, found ${describeValue(v)}`);
    return undefined;
  }
  return seconds;
}

/** A field the format requires: its raw value, reported missing on its object unless the schema pass did. */
export function need(p: Problems, obj: unknown, objectPath: Path, key: string): unknown {
  const v = field(obj, key);
  if (v === undefined && isRawObject(obj)) p.invalid(objectPath, `missing required field '${key}'`, [...objectPath, key]);
  return v;
}
