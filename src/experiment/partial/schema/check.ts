/** Checks of untrusted JSON values: each returns the first problem as `<path>: expected ..., found ...`, or undefined. */

/** The first problem found, or undefined when the value is as expected. */
export type Problem = string | undefined;

/** Values are cut to this many characters in messages, so one line stays one readable line. */
const SHOWN = 40;

/** Characters that must not reach a terminal raw: C0 and C1 controls, DEL, and bidi overrides. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A found value in words: its kind, and its value when short ("a string "lots"", "-3", "an object"). */
export function found(v: unknown): string {
  if (v === undefined) return 'found nothing';
  if (v === null) return 'found null';
  if (Array.isArray(v)) return 'found an array';
  if (typeof v === 'object') return 'found an object';
  if (typeof v === 'string') return `found a string ${shown(v)}`;
  return `found ${String(v)}`;
}

/** A string as it may appear in a message: quoted, control and bidi characters escaped, cut when long. */
export function shown(s: string): string {
  return `"${printable(s)}"`;
}

/** The string cut when long, its control and bidi characters escaped as \\uXXXX. */
export function printable(s: string): string {
  const cut = s.length > SHOWN ? `${s.slice(0, SHOWN)}...` : s;
  return cut.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const fail = (path: string, expected: string, v: unknown): string => `${path}: expected ${expected}, ${found(v)}`;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An object holding every `required` field, and no field outside `required` and `optional`. */
export function object(v: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Problem {
  if (!isRecord(v)) return fail(path, 'an object', v);
  for (const key of required) if (!Object.hasOwn(v, key)) return `${path}.${key}: expected a value, found nothing (the field is missing)`;
  for (const key of Object.keys(v)) {
    if (!required.includes(key) && !optional.includes(key)) return `${path}: unexpected field ${shown(key)}`;
  }
  return undefined;
}

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly whole?: boolean;
  /** Infinity is allowed (a signal that never went down has an infinite shortest outage). */
  readonly infinite?: boolean;
  /** NaN is allowed (a replica fraction without workloads). */
  readonly nan?: boolean;
}

/** A number within the rule: finite unless told, never NaN unless told. */
export function number(v: unknown, path: string, rule: NumberRule = {}): Problem {
  const ok =
    typeof v === 'number' &&
    ((rule.nan === true && Number.isNaN(v)) ||
      (!Number.isNaN(v) &&
        (Number.isFinite(v) || (rule.infinite === true && v === Infinity)) &&
        (rule.whole !== true || Number.isSafeInteger(v) || v === Infinity) &&
        (rule.min === undefined || v >= rule.min) &&
        (rule.max === undefined || v <= rule.max)));
  return ok ? undefined : fail(path, numberWords(rule), v);
}

function numberWords(rule: NumberRule): string {
  const kind = rule.whole === true ? 'a whole number' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : rule.min !== undefined ? ` at least ${rule.min}` : rule.max !== undefined ? ` at most ${rule.max}` : '';
  return `${kind}${range}${rule.infinite === true ? ' (or Infinity)' : ''}${rule.nan === true ? ' (or NaN)' : ''}`;
}

export function string(v: unknown, path: string, nonEmpty = false): Problem {
  return typeof v === 'string' && (!nonEmpty || v !== '') ? undefined : fail(path, nonEmpty ? 'a non-empty string' : 'a string', v);
}

/** An array (of `length` items when given) whose every item passes `item`, checked in order. */
export function array(v: unknown, path: string, item: (x: unknown, path: string) => Problem, length?: number, what = 'an array'): Problem {
  if (!Array.isArray(v)) return fail(path, what, v);
  if (length !== undefined && v.length !== length) return `${path}: expected ${length} items, found ${v.length}`;
  for (let i = 0; i < v.length; i++) {
    const p = item(v[i], `${path}[${i}]`);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** The first problem of several checks, each run only when the ones before it passed. */
export function first(...checks: readonly (() => Problem)[]): Problem {
  for (const c of checks) {
    const p = c();
    if (p !== undefined) return p;
  }
  return undefined;
}
