/** Number formats shared by every report: one place decides how availability, durations and money read. */
import { formatDuration, YEAR } from '../kernel/index.js';

/** Most decimals a percentage gets: beyond nine nines the simulation cannot tell anyway. */
const MAX_PERCENT_DECIMALS = 9;

/**
 * Decimals needed so that a percentage shows its nines and two significant digits of the
 * unavailability: 0.999987 needs 4 (99.9987%), 0.95 needs 1 (95.0%). With d = floor(nines), the
 * unavailability is above 10^-(d+1), so the rounded value never reads 100% unless it is 1.
 */
export function percentDecimals(availability: number): number {
  if (!(availability < 1)) return 0;
  if (!(availability > 0)) return 1;
  // The epsilon keeps 0.99 at two nines: 1 - 0.99 is 0.010000000000000009 in floating point.
  const nines = -Math.log10(1 - availability) + 1e-9;
  return Math.min(MAX_PERCENT_DECIMALS, Math.max(1, Math.floor(nines)));
}

/** An availability (0..1) as a percentage with enough digits to show its nines: "99.9987%". */
export function formatPercent(availability: number, decimals = percentDecimals(availability)): string {
  if (!Number.isFinite(availability)) return String(availability);
  if (availability === 1) return '100%';
  const text = (availability * 100).toFixed(decimals);
  // Past the cap of decimals, round down: an availability below 1 never reads 100%.
  if (availability < 1 && Number(text) >= 100) return `${(Math.floor(availability * 100 * 10 ** decimals) / 10 ** decimals).toFixed(decimals)}%`;
  return `${text}%`;
}

/**
 * A 95% confidence interval as "99.9982–99.9992%": both bounds with the decimals the lower one
 * needs, and more when the upper one would otherwise round up to 100%. No interval (one
 * replication) reads "no CI".
 */
export function formatInterval(ci: readonly [number, number] | null): string {
  if (ci === null) return 'no CI';
  if (ci[0] === ci[1]) return formatPercent(ci[0]);
  let decimals = percentDecimals(ci[0]);
  while (ci[1] < 1 && decimals < MAX_PERCENT_DECIMALS && (ci[1] * 100).toFixed(decimals) === (100).toFixed(decimals)) decimals++;
  const lo = formatPercent(ci[0], decimals).replace('%', '');
  return `${lo}–${formatPercent(ci[1], decimals)}`;
}

/**
 * The one rule for a simulated availability: digits down to the first significant digit of the
 * 95% CI's half-width, and at least enough to show the nines the CI's lower end supports, so a
 * figure never claims more than its evidence (no "99.9999905%" from a CI of ±0.01%). Two floors
 * keep the figure from contradicting the numbers beside it: it always shows the first significant
 * digit of the unavailability (0.99897 reads "99.9%", never "99%", which would say 3.7 days of
 * downtime a year beside 9 hours), and, read back, it lies inside the CI. Without a CI (one
 * replication, too few rare-event hits) it keeps at most two significant digits of the
 * unavailability (formatPercent's default). formatPercent stays for values that carry no sampling
 * error (exact answers, targets). docs/reports.md#the-digits-never-more-than-the-evidence
 */
export function formatEstimate(mean: number, ci: readonly [number, number] | null): string {
  return formatPercent(mean, estimateDecimals(mean, ci));
}

/** The decimals of a percentage formatEstimate uses (see there): the evidence's, or more where fewer would contradict. */
export function estimateDecimals(mean: number, ci: readonly [number, number] | null): number {
  if (ci === null || !Number.isFinite(mean)) return percentDecimals(mean);
  let d = Math.min(MAX_PERCENT_DECIMALS, Math.max(evidenceDecimals(mean, ci), unavailabilityDecimals(mean)));
  // An asymmetric CI (clamped at 1, widened for unseen quorum losses) can leave the rounded figure
  // outside it: one more digit brings it back in, as the mean lies inside.
  const shown = (k: number): number => Number((mean * 100).toFixed(k)) / 100;
  while (d < MAX_PERCENT_DECIMALS && (shown(d) < ci[0] - 1e-12 || shown(d) > ci[1] + 1e-12)) d++;
  return d;
}

/**
 * Decimals that show the first significant digit of the unavailability (1 − mean, as a percent):
 * 0.99897 (0.103% down) needs 1. With that digit shown, the rounding moves the unavailability by at
 * most half of itself, so the figure's nines and the downtime beside it agree, and the figure never
 * rounds to 100%. 0 for a mean of 1 or below 90%.
 */
export function unavailabilityDecimals(mean: number): number {
  if (!(mean < 1) || !(mean > 0)) return 0;
  // The epsilon keeps 0.999 at one decimal: 1 - 0.999 is 0.0010000000000000009 in floating point.
  return Math.max(0, Math.ceil(-Math.log10((1 - mean) * 100) - 1e-9));
}

/**
 * The decimals the evidence alone supports: down to the first significant digit of the CI's
 * half-width, and enough to show the nines its lower end supports. The CI is shown with these.
 */
export function evidenceDecimals(mean: number, ci: readonly [number, number] | null): number {
  if (ci === null || !Number.isFinite(mean)) return percentDecimals(mean);
  const half = Math.max(mean - ci[0], ci[1] - mean);
  if (!(half > 0)) return percentDecimals(mean);
  // The first significant digit of the half-width, as a percentage: ±0.003% is the 3rd decimal.
  // The epsilon reads 0.00099999999 (0.99001 - 0.99 in floating point) as 0.001.
  const fromHalf = -Math.floor(Math.log10(half * 100) + 1e-6);
  // A lower end of 99.991% supports four nines: two decimals of a percent show them.
  const fromLower = ci[0] < 1 && ci[0] > 0 ? Math.floor(-Math.log10(1 - ci[0]) + 1e-9) - 2 : 0;
  return Math.min(MAX_PERCENT_DECIMALS, Math.max(0, fromHalf, fromLower));
}

/**
 * A 95% CI with the decimals its evidence supports (evidenceDecimals), rounded outward (the low end down, the high end up), so
 * the shown interval always holds the computed one: "99.996–99.999%". No interval reads "no CI".
 */
export function formatEstimateInterval(mean: number, ci: readonly [number, number] | null): string {
  if (ci === null) return 'no CI';
  const decimals = evidenceDecimals(mean, ci);
  const down = (x: number, d: number): number => Math.floor(x * 100 * 10 ** d + 1e-9) / 10 ** d;
  const up = (x: number, d: number): number => Math.ceil(x * 100 * 10 ** d - 1e-9) / 10 ** d;
  const lo = down(ci[0], decimals).toFixed(decimals);
  if (ci[1] >= 1) return `${lo}–100%`;
  // An upper end below 1 never reads 100%: it keeps more digits until it rounds up below 100.
  let d = decimals;
  while (d < MAX_PERCENT_DECIMALS && up(ci[1], d) >= 100) d++;
  return `${lo}–${Math.min(up(ci[1], d), 100).toFixed(d)}%`;
}

/**
 * Nines with the digits the CI supports: two decimals when the CI's lower end lies less than a
 * tenth of a nine below the estimate, else one; one without a CI. When the lower end lies a whole
 * nine or more below the estimate, not even the estimate's first digit is known: the nines read
 * as what the lower end supports, floored to a tenth, as a bound does ("≥ 3.5", not "7").
 */
export function formatEstimateNines(mean: number, ci: readonly [number, number] | null): string {
  if (!(mean < 1)) return '—';
  const n = ninesOf(mean);
  if (ci === null) return n.toFixed(1);
  const lower = ninesOf(Math.min(mean, Math.max(0, ci[0])));
  const half = n - lower;
  if (half >= 1) return formatNinesBound(lower);
  const decimals = half > 0 ? Math.min(2, Math.max(1, -Math.floor(Math.log10(half) + 1e-12))) : 2;
  return n.toFixed(decimals);
}

/** Nines that are a lower bound, floored to a tenth so that the shown bound stays true: "≥ 5.5" (5.52). */
export function formatNinesBound(nines: number): string {
  return `≥ ${(Math.floor(nines * 10 + 1e-9) / 10).toFixed(1)}`;
}

/** An availability as a percentage rounded down: a lower bound that stays true as shown ("99.9997%"). */
export function formatPercentDown(availability: number, decimals = percentDecimals(availability)): string {
  if (!(availability < 1)) return '100%';
  const scale = 10 ** decimals;
  return `${(Math.floor(availability * 100 * scale + 1e-9) / scale).toFixed(decimals)}%`;
}

/**
 * Simulated time given in years, for people: "1,000 y", "12 y", "2.5 y"; below a year, as a
 * duration ("4h", "99d 11h"), as the trust verdict says it: "0.00 y" of a 4-hour run read "0 y".
 */
export function formatYears(years: number): string {
  if (years < 1) return formatDuration(years * YEAR);
  const digits = years >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(years)} y`;
}

/** A relative 95% half-width (0.081) as "±8.1%": two significant digits, never an exponent ("±150%"). */
export function formatRelative(x: number): string {
  return `±${Number((x * 100).toPrecision(2))}%`;
}

/** Nines as "4.89"; a signal that was never down has no finite nines: "∞". */
export function formatNines(nines: number | null): string {
  if (nines === null || !Number.isFinite(nines)) return '∞';
  return nines.toFixed(2);
}

/** A duration in seconds for people ("2h 5m"); zero reads "0s" and a missing value "—". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds === 0) return '0s';
  return formatDuration(seconds);
}

/** A rate such as outages per year, with two significant decimals below 10. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** Money in the scenario's currency; an unknown currency code falls back to "12.50 XYZ". */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** -log10(1 - a): the nines of an availability; Infinity at 1. */
export function ninesOf(availability: number): number {
  return -Math.log10(1 - availability);
}
