import { describe, expect, it } from 'vitest';
import { compareAvailability } from '../../../src/experiment/sweep/index.js';
import type { SignalSummary } from '../../../src/experiment/Summary.js';

/** A signal with just what the comparison reads: mean, CI, bound, exact value. */
function signal(mean: number, ci: [number, number] | null, o: { bound?: number; exact?: number } = {}): SignalSummary {
  return {
    availability: { mean, ci95: ci },
    bound: o.bound === undefined ? null : { availability: o.bound, simulatedYears: 100 },
    exact: o.exact === undefined ? null : { availability: o.exact, withinCi: true },
  } as unknown as SignalSummary;
}

describe('compareAvailability', () => {
  const cases: { why: string; a: SignalSummary; b: SignalSummary; want: { significant: boolean; basis: string } }[] = [
    { why: 'overlapping intervals of equal width: the difference is within noise', a: signal(0.9990, [0.9985, 0.9995]), b: signal(0.9992, [0.9987, 0.9997]), want: { significant: false, basis: 'intervals' } },
    { why: 'far apart: the difference is several standard errors', a: signal(0.999, [0.9989, 0.9991]), b: signal(0.9999, [0.99989, 0.99991]), want: { significant: true, basis: 'intervals' } },
    { why: 'exact values, even close ones, differ exactly', a: signal(0.999, [0.99, 1], { exact: 0.99991 }), b: signal(0.999, [0.99, 1], { exact: 0.99992 }), want: { significant: true, basis: 'exact' } },
    { why: 'two bounds (no outage seen at either) cannot be told apart', a: signal(1, null, { bound: 0.9999 }), b: signal(1, null, { bound: 0.99999 }), want: { significant: false, basis: 'bounds' } },
    { why: 'an estimate whose whole CI lies below the other\'s bound is worse', a: signal(0.99, [0.98, 0.995]), b: signal(1, null, { bound: 0.999 }), want: { significant: true, basis: 'bounds' } },
    { why: 'an estimate whose CI reaches the bound may be as good', a: signal(0.9995, [0.998, 0.9999]), b: signal(1, null, { bound: 0.999 }), want: { significant: false, basis: 'bounds' } },
    { why: 'one replication has no CI: nothing to test with', a: signal(0.99, null), b: signal(0.999, [0.998, 0.9995]), want: { significant: false, basis: 'intervals' } },
  ];
  for (const c of cases) {
    it(`should decide: ${c.why}`, () => {
      // Act
      const ab = compareAvailability(c.a, c.b);
      const ba = compareAvailability(c.b, c.a);
      // Assert: the verdict, and the same either way round.
      expect(ab).toEqual(c.want);
      expect(ba).toEqual(c.want);
    });
  }
});
