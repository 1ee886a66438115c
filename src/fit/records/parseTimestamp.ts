/** Timestamps of outage records: RFC 3339 date-times or Unix seconds, to seconds since the epoch. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UNIX = /^\d+(\.\d+)?$/;
/** Unix seconds beyond this (the year 5138) are taken for milliseconds written by mistake, and refused. */
export const UNIX_MAX = 1e11;

/**
 * The rule both readers (CSV and Prometheus JSON) apply to a time in Unix seconds: from 0 (1970)
 * to below UNIX_MAX. Larger values are milliseconds (1735689600000), which would stretch every
 * duration 1000 times, or garbage that no date can print.
 */
export function isUnixSeconds(t: number): boolean {
  return Number.isFinite(t) && t >= 0 && t < UNIX_MAX;
}

/**
 * Seconds since 1970-01-01T00:00:00Z, or undefined when the text is neither form. RFC 3339 needs
 * its offset (`Z` or `+02:00`: a time without one is ambiguous) and a real calendar date
 * (`2026-02-30` is refused, not rolled over into March). Unix seconds past the year 5138 are
 * refused too: they are milliseconds (1735689600000), which would stretch every duration 1000 times.
 */
export function parseTimestamp(text: string): number | undefined {
  const t = text.trim();
  if (UNIX.test(t)) return isUnixSeconds(Number(t)) ? Number(t) : undefined;
  const m = RFC3339.exec(t);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.parse(t.replace(' ', 'T').toUpperCase());
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** A timestamp in seconds as RFC 3339 in UTC, for output. */
export function formatTimestamp(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString().replace('.000Z', 'Z');
}
