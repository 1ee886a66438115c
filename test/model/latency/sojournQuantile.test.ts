import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sojournMean, sojournQuantile } from '../../../src/model/latency/index.js';

describe('sojournQuantile', () => {
  it('should match the M/M/1 closed form with one delay: d + ln(1/(1-p)) / (mu - lambda)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        (d, mu, rho, p) => {
          const q = sojournQuantile([d], rho * mu, mu, p);
          const want = d + Math.log(1 / (1 - p)) / (mu - rho * mu);
          expect(Math.abs(q - want)).toBeLessThan(1e-9 * Math.max(1, want));
        },
      ),
    );
  });

  it('should put the p99 at the slow delay when a third of the mix is slow', () => {
    // Arrange: a fast queue, so the delays decide.
    const q = sojournQuantile([0.003, 0.003, 0.052], 10, 1e6, 0.99);
    // Assert: 33% of writes take >= 52 ms, so the 99th percentile is just above it.
    expect(q).toBeGreaterThan(0.052);
    expect(q).toBeLessThan(0.053);
  });

  it('should give the mean as the mean delay plus 1 / (mu - lambda)', () => {
    expect(sojournMean([0.001, 0.003], 50, 100)).toBeCloseTo(0.002 + 1 / 50, 12);
  });

  it('should refuse a saturated queue (the caller decides what that means)', () => {
    expect(() => sojournQuantile([0], 5, 5, 0.99)).toThrow(/lambda < mu/);
  });
});
