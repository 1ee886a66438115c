/** Number formats shared by every report: one place decides how availability, durations and money read. */
import { formatDuration } from '../kernel/index.js';

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
