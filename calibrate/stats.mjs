/** The statistics both sides of the calibration share: quantiles, the write gap around a fault and a summary row. */

/**
 * The q-quantile of a sample by linear interpolation between order statistics (R's and numpy's
 * default, "type 7"), so that the median of an even-sized sample is the mean of its middle two.
 * @param {readonly number[]} values
 * @param {number} q in [0, 1]
 * @returns {number} NaN for an empty sample
 */
export function quantile(values, q) {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q should be in [0, 1], found ${q}`);
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The write gap of one round: the longest interval between consecutive successful write
 * completions inside [from, to]. The window's ends count as completions only through the
 * writes themselves, so a caller opens the window a little before the fault, while writes
 * still flow every few milliseconds, and closes it once they flow steadily again.
 * @param {readonly number[]} completions times (s) of successful completions, any order
 * @param {number} from
 * @param {number} to
 * @returns {number} NaN when fewer than two completions fall in the window
 */
export function writeGap(completions, from, to) {
  const inside = completions.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  if (inside.length < 2) return NaN;
  let gap = 0;
  for (let i = 1; i < inside.length; i++) gap = Math.max(gap, inside[i] - inside[i - 1]);
  return gap;
}

/** The threshold of the "share of gaps over 2 s" (issue 11: second elections show there). */
export const LONG_GAP_SECONDS = 2;

/**
 * Median, p90, max and share over LONG_GAP_SECONDS of a set of gaps (NaN gaps, rounds that
 * measured nothing, are left out and counted apart).
 * @param {readonly number[]} gaps seconds
 * @returns {{ rounds: number, median: number, p90: number, max: number, shareOver2s: number, unmeasured: number }}
 */
export function summarize(gaps) {
  const ok = gaps.filter((g) => Number.isFinite(g));
  return {
    rounds: ok.length,
    median: quantile(ok, 0.5),
    p90: quantile(ok, 0.9),
    max: ok.length === 0 ? NaN : Math.max(...ok),
    shareOver2s: ok.length === 0 ? NaN : ok.filter((g) => g > LONG_GAP_SECONDS).length / ok.length,
    unmeasured: gaps.length - ok.length,
  };
}
