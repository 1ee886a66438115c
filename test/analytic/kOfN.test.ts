import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kOfN, kOfNAvailability } from '../../src/analytic/index.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const size = fc.integer({ min: 1, max: 12 });

/** The second, simpler computation: every one of the 2^n up/down patterns, counted. */
function bruteForce(n: number, k: number, a: number): number {
  let total = 0;
  for (let s = 0; s < 1 << n; s++) {
    let up = 0;
    for (let i = 0; i < n; i++) if (s & (1 << i)) up++;
    if (up >= k) total += Math.pow(a, up) * Math.pow(1 - a, n - up);
  }
  return total;
}

describe('kOfNAvailability', () => {
  // n, k, a, expected, why
  const table: [number, number, number, number, string][] = [
    [3, 2, 0.9, 3 * 0.81 - 2 * 0.729, 'n = 3 closed form 3a^2 - 2a^3 (docs/domain.md#k-of-n)'],
    [3, 2, 0.5, 0.5, 'a fair coin: majority of 3 as likely up as down'],
    [5, 3, 0.5, 0.5, 'same symmetry for 5'],
    [1, 1, 0.99, 0.99, 'one member is its own quorum'],
    [3, 3, 0.9, 0.729, 'all of n: a^n'],
    [3, 1, 0.9, 1 - 0.001, 'one of n: 1 - (1 - a)^n'],
    [3, 0, 0.1, 1, 'nothing needed: always up'],
    [3, 4, 0.9, 0, 'more needed than exist: always down'],
    [0, 0, 0.7, 1, 'empty set, nothing needed'],
    [4, 3, 0, 0, 'members never up'],
    [4, 3, 1, 1, 'members always up'],
  ];
  it.each(table)('n = %i, k = %i, a = %d should give %d (%s)', (n, k, a, expected) => {
    const got = kOfNAvailability(n, k, a);
    expect(got, `brute force gives ${bruteForce(n, k, a)}`).toBeCloseTo(expected, 14);
  });

  it('should agree with the brute-force count of all up/down patterns', () => {
    fc.assert(
      fc.property(size, fc.integer({ min: 0, max: 13 }), probability, (n, k, a) => {
        expect(kOfNAvailability(n, k, a)).toBeCloseTo(bruteForce(n, k, a), 12);
      }),
    );
  });

  it('should stay in [0, 1] with both tails summing to 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 201 }), probability, (n, k, a) => {
        const { up, down } = kOfN(n, k, a);
        expect(up).toBeGreaterThanOrEqual(0);
        expect(up).toBeLessThanOrEqual(1 + 1e-12);
        expect(up + down).toBeCloseTo(1, 10);
      }),
    );
  });

  it('should equal 3a^2 - 2a^3 for n = 3, k = 2', () => {
    fc.assert(
      fc.property(probability, (a) => {
        expect(kOfNAvailability(3, 2, a)).toBeCloseTo(3 * a * a - 2 * a * a * a, 14);
      }),
    );
  });

  it('should equal 1 - (1 - a)^n for k = 1', () => {
    fc.assert(
      fc.property(size, probability, (n, a) => {
        expect(kOfNAvailability(n, 1, a)).toBeCloseTo(1 - Math.pow(1 - a, n), 14);
      }),
    );
  });

  it('should never fall when members get more available', () => {
    fc.assert(
      fc.property(size, fc.integer({ min: 0, max: 12 }), probability, probability, (n, k, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(kOfNAvailability(n, k, hi)).toBeGreaterThanOrEqual(kOfNAvailability(n, k, lo) - 1e-14);
      }),
    );
  });

  it('should never fall when two members join an odd majority quorum with a > 0.5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.5, max: 1, noNaN: true, minExcluded: true }), (half, a) => {
        const n = 2 * half + 1;
        const q = (m: number) => Math.floor(m / 2) + 1;
        expect(kOfNAvailability(n + 2, q(n + 2), a)).toBeGreaterThanOrEqual(kOfNAvailability(n, q(n), a) - 1e-14);
      }),
    );
  });

  it('should keep the digits of a tiny unavailability (no 1 - A cancellation)', () => {
    // 2 of 3 down with b = 1e-9: 3b^2 - 2b^3, about 3e-18, far below what 1 - A can resolve.
    const b = 1e-9;
    expect(kOfN(3, 2, 1 - b, b).down / (3 * b * b - 2 * b * b * b)).toBeCloseTo(1, 12);
  });

  it('should switch to logarithms above n = 50 without a seam', () => {
    // The direct and the logarithmic sums agree across the switch: compare n = 50 and 51 by recurrence
    // A(n+1, k+1) = a A(n, k) + (1 - a) A(n, k + 1) (condition on the new member).
    const a = 0.6;
    const lhs = kOfNAvailability(51, 26, a);
    const rhs = a * kOfNAvailability(50, 25, a) + (1 - a) * kOfNAvailability(50, 26, a);
    expect(lhs).toBeCloseTo(rhs, 12);
    expect(kOfNAvailability(5001, 2501, 0.5)).toBeCloseTo(0.5, 10);
  });

  it('should reject what is not a count or a probability', () => {
    expect(() => kOfNAvailability(3.5, 2, 0.9)).toThrow(/kOfN needs whole numbers/);
    expect(() => kOfNAvailability(3, 2, 1.5)).toThrow(/kOfN needs probabilities/);
    expect(() => kOfNAvailability(3, 2, NaN)).toThrow(/kOfN needs probabilities/);
  });
});
