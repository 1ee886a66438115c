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
  readonly counts = new Float64Array(LogHistogram.PER_DECADE * LogHistogram.DECADES);
  total = 0;

  add(value: number, weight = 1): void {
    this.counts[LogHistogram.bucket(value)]! += weight;
    this.total += weight;
  }

  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
  }

  /** The q-quantile (0 <= q <= 1), or NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const target = q * this.total;
    let acc = 0;
    for (let i = 0; i < this.counts.length; i++) {
      acc += this.counts[i]!;
      if (acc >= target && this.counts[i]! > 0) return LogHistogram.middle(i);
    }
    return LogHistogram.middle(this.counts.length - 1);
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
