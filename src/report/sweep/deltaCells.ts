/** The decision table's nines and downtime differences against the pick, with no more digits than the two intervals support. */
import { differenceHalfWidth, type Alternative } from '../../experiment/sweep/index.js';
import type { SignalSummary } from '../../experiment/Summary.js';
import { YEAR } from '../../kernel/index.js';
import { formatSeconds, ninesOf } from '../format.js';

/** What a difference the test cannot tell from zero reads as, in the nines and downtime columns. */
export const WITHIN_NOISE = 'within noise';

/** Steps a downtime difference is rounded to: each a unit people read (1 ms up to 10 days). */
const STEPS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 86_400, 864_000];

/**
 * The step a downtime difference (seconds a year) is rounded to: the largest of STEPS no larger
 * than the difference's 95% half-width, so the last digit shown is the first one the intervals
 * can vouch for ("+20h" from ±3 h, not "+19h 53m"). The finest step without a half-width.
 */
export function downtimeStep(halfWidthSecondsPerYear: number | null): number {
  if (halfWidthSecondsPerYear === null || !(halfWidthSecondsPerYear > 0)) return STEPS[0]!;
  return STEPS.filter((s) => s <= halfWidthSecondsPerYear).pop() ?? STEPS[0]!;
}

/** "−2h 5m" of downtime a year (less is better), rounded to `step` seconds; "±0s" when it rounds to nothing. */
export function signedDuration(seconds: number, step = 1): string {
  const rounded = Math.round(seconds / step) * step;
  if (rounded === 0) return '±0s';
  return `${rounded > 0 ? '+' : '−'}${formatSeconds(Math.abs(rounded))}`;
}

/** "+0.31", "−1.9", "±0.00": the sign, then `digits` decimals. */
export function signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${x > 0 ? '+' : '−'}${text}`;
}

/**
 * The nines and downtime cells of an alternative's row. A difference the test cannot tell from
 * zero (significant: false) reads "within noise" in both: "+995.4ms" beside a CI of ±50 min says
 * nothing. Otherwise the downtime is rounded to downtimeStep of the two CIs, and the nines keep
 * two decimals while the difference's half-width in nines is under a tenth, one under a nine,
 * none beyond; null when either has no finite nines (the caller shows the row's own).
 */
export function deltaCells(pick: SignalSummary | undefined, other: SignalSummary | undefined, alt: Alternative): { nines: string | null; downtime: string } {
  if (alt.significant === false) return { nines: WITHIN_NOISE, downtime: WITHIN_NOISE };
  const half = pick && other ? differenceHalfWidth(pick, other) : null;
  const downtime = alt.downtimeDeltaSecondsPerYear === null ? '—' : signedDuration(alt.downtimeDeltaSecondsPerYear, downtimeStep(half === null ? null : half * YEAR));
  const nines = alt.ninesDelta === null ? null : signed(alt.ninesDelta, ninesDigits(pick, other));
  return { nines, downtime };
}

/** Decimals of a nines difference: the half-widths in nines of the two estimates (mean to CI's lower end), combined. */
function ninesDigits(a: SignalSummary | undefined, b: SignalSummary | undefined): number {
  const halves = [a, b].map((s) => (s === undefined || s.availability.ci95 === null || !(s.availability.mean < 1) ? null : ninesOf(s.availability.mean) - ninesOf(Math.min(s.availability.mean, s.availability.ci95[0]))));
  if (halves.some((h) => h === null)) return 2;
  const half = Math.hypot(halves[0]!, halves[1]!);
  return half < 0.1 ? 2 : half < 1 ? 1 : 0;
}
