import { describe, expect, it } from 'vitest';
import type { SweepSummary } from '../../../src/experiment/sweep/index.js';
import type { PrecisionSummary } from '../../../src/experiment/Summary.js';
import { sweepPrecisionLines, sweepWork } from '../../../src/report/sweep/sweepWork.js';

const precision: PrecisionSummary = { target: 0.1, reached: true, stoppedBy: 'precision', batches: 2, episodes: 0, signals: [] };
/** A sweep summary with only what sweepWork reads: each point's label, replications and precision. */
const sweep = (points: { label: string; replications: number; precision?: PrecisionSummary }[]) =>
  ({ replications: points[0]!.replications, points: points.map((p) => ({ label: p.label, summary: { replications: p.replications, ...(p.precision ? { precision: p.precision } : {}) } })) }) as unknown as SweepSummary;

describe('sweepWork', () => {
  it('should give the fixed count of a plain sweep', () => {
    expect(sweepWork(sweep([{ label: 'a', replications: 100 }, { label: 'b', replications: 100 }]))).toBe('100 replications each');
    expect(sweepPrecisionLines(sweep([{ label: 'a', replications: 100 }]))).toEqual([]);
  });

  it('should give the range an adaptive sweep took, and a line per point', () => {
    const s = sweep([
      { label: 'etcd.members=3', replications: 16, precision },
      { label: 'etcd.members=5', replications: 2389, precision },
    ]);
    expect(sweepWork(s)).toBe('16 to 2,389 replications per point (run to ±10% with --precision)');
    expect(sweepPrecisionLines(s)).toEqual([
      'etcd.members=3: Precision ±10%: reached by every requested signal () after 2 batches.',
      'etcd.members=5: Precision ±10%: reached by every requested signal () after 2 batches.',
    ]);
  });
});
