/** What a sweep simulated per point, in words: a fixed count, or the range an adaptive run (--precision) took. */
import type { SweepSummary } from '../../experiment/sweep/index.js';
import { formatRelative } from '../format.js';
import { precisionLine } from '../precisionLine.js';

/** "100 replications each", or "16 to 2,389 replications per point (run to ±30% with --precision)". */
export function sweepWork(summary: SweepSummary): string {
  const adaptive = summary.points.map((p) => p.summary.precision).find((p) => p !== undefined);
  if (!adaptive) return `${summary.replications} replications each`;
  const counts = summary.points.map((p) => p.summary.replications);
  const [lo, hi] = [Math.min(...counts), Math.max(...counts)].map((n) => n.toLocaleString('en-US'));
  return `${lo === hi ? lo : `${lo} to ${hi}`} replications per point (run to ${formatRelative(adaptive.target)} with --precision)`;
}

/** One line per point of an adaptive sweep: what it asked for and what it got; none otherwise. */
export function sweepPrecisionLines(summary: SweepSummary): string[] {
  return summary.points.flatMap((p) => (p.summary.precision ? [`${p.label}: ${precisionLine(p.summary.precision)}`] : []));
}
