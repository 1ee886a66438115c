import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityInterval, effectiveOutages, type AvailabilityEvidence } from '../../src/experiment/availabilityInterval.js';
import { estimate } from '../../src/experiment/statistics.js';
import { LogHistogram } from '../../src/kernel/index.js';

const YEAR = 365 * 86_400;

/** Evidence from per-replication outage lengths over `horizon` each. */
function evidence(lengths: readonly (readonly number[])[], horizon = YEAR): AvailabilityEvidence {
  const histograms = lengths.map((ls) => {
    const h = new Map<number, number>();
    for (const l of ls) h.set(LogHistogram.bucket(l), (h.get(LogHistogram.bucket(l)) ?? 0) + 1);
    return [...h.entries()].sort((a, b) => a[0] - b[0]);
  });
  const down = lengths.map((ls) => ls.reduce((a, b) => a + b, 0));
  return {
    values: down.map((d) => 1 - d / horizon),
    outages: lengths.reduce((a, ls) => a + ls.length, 0),
    downSeconds: down.reduce((a, b) => a + b, 0),
    totalSeconds: lengths.length * horizon,
    histograms,
  };
}

describe('availabilityInterval', () => {
  it('should widen the Student t interval by the Poisson one when outages are few', () => {
    // 100 replications of a year, 4 of them with one 2-hour outage: Student t gives ±0.0000047
    // around 1 − 0.0000009 (far too sure of 4 outages); the Poisson interval on 4 / 2 = 2
    // effective outages reaches 7.22 / 2 = 3.6 times the estimated unavailability.
    const lengths = Array.from({ length: 100 }, (_, i) => (i % 25 === 0 ? [7200] : []));
    const e = evidence(lengths);
    const t = estimate(e.values, 0, 1);
    const ci = availabilityInterval(e).ci95!;
    const u = (4 * 7200) / (100 * YEAR);
    expect(effectiveOutages(e)).toBe(2);
    expect(ci[0]).toBeLessThan(t.ci95![0]);
    expect(1 - ci[0]).toBeCloseTo((u * 7.2247) / 2, 9);
  });

  it('should stay the Student t interval when outages are plentiful and regular across replications', () => {
    // 20 replications with 50 to 69 ten-minute outages each, 1,190 in all: Student t gives about
    // ±4.6% of the unavailability, the Poisson interval ±5.7% (1.96 / √1190): a little wider.
    const lengths = Array.from({ length: 20 }, (_, i) => Array.from({ length: 50 + i }, () => 600));
    const e = evidence(lengths);
    const t = estimate(e.values, 0, 1).ci95!;
    const ci = availabilityInterval(e).ci95!;
    expect((ci[1] - ci[0]) / (t[1] - t[0])).toBeLessThan(1.6);
  });

  it('should contain the Student t interval and the mean, inside [0, 1], with no interval from one replication', () => {
    const arb = fc.array(fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { maxLength: 20 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(arb, (lengths) => {
        const e = evidence(lengths);
        const r = availabilityInterval(e);
        const t = estimate(e.values, 0, 1);
        expect(r.mean).toBe(t.mean);
        if (lengths.length === 1) return void expect(r.ci95).toBeNull();
        const [lo, hi] = r.ci95!;
        expect(lo).toBeLessThanOrEqual(t.ci95![0]);
        expect(hi).toBeGreaterThanOrEqual(t.ci95![1]);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(r.mean + 1e-12);
      }),
    );
  });
});
