/** A fixed-size histogram on a logarithmic scale: quantiles of positive values in constant memory. */

/**
 * Buckets cover 1 ms to ~31.7 years with 40 buckets per decade (relative width ~5.9%); values
 * outside land in the first or last bucket. Quantiles are read at the bucket's geometric middle,
 * so they are exact to within ~3% and two histograms merge by adding counts.
 */
export class LogHistogram {
  static readonly MIN = 1e-3;
  static readonly PER_DECADE = 40;
  static readonly DECADES = 12;
  total = 0;
  // Allocated on first use: most signals of a short run (a rare-event episode) never go down,
  // and 3.8 KB per signal per run was a third of an episode's garbage.
  private buckets: Float64Array | undefined;

  /** The count in each bucket (a view that stays valid; written by add and merge). */
  get counts(): Float64Array {
    return (this.buckets ??= new Float64Array(LogHistogram.PER_DECADE * LogHistogram.DECADES));
  }

  add(value: number, weight = 1): void {
    this.counts[LogHistogram.bucket(value)]! += weight;
    this.total += weight;
  }

  merge(other: LogHistogram): void {
    if (other.total === 0 && other.buckets === undefined) return;
    const mine = this.counts;
    const theirs = other.counts;
    for (let i = 0; i < mine.length; i++) mine[i]! += theirs[i]!;
    this.total += other.total;
  }

  /** The q-quantile (0 <= q <= 1), or NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const target = q * this.total;
    const counts = this.counts;
    let acc = 0;
    for (let i = 0; i < counts.length; i++) {
      acc += counts[i]!;
      if (acc >= target && counts[i]! > 0) return LogHistogram.middle(i);
    }
    return LogHistogram.middle(counts.length - 1);
  }

  static bucket(value: number): number {
    if (!(value > LogHistogram.MIN)) return 0;
    const i = Math.floor(Math.log10(value / LogHistogram.MIN) * LogHistogram.PER_DECADE);
    return Math.min(i, LogHistogram.PER_DECADE * LogHistogram.DECADES - 1);
  }

  static middle(i: number): number {
    return LogHistogram.MIN * Math.pow(10, (i + 0.5) / LogHistogram.PER_DECADE);
  }
}
