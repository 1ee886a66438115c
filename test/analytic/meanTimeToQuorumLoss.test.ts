import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanTimeToQuorumLoss } from '../../src/analytic/index.js';

const rate = fc.double({ min: 1e-4, max: 10, noNaN: true });
/** docs/domain.md#mean-time-to-quorum-loss: n = 3, from all up. */
const threeMembers = (l: number, m: number) => (5 * l + m) / (6 * l * l);

/**
 * The second computation, by a recurrence of positive terms: the mean time t_j to go from j down
 * to j + 1 down is 1 / b_j + (d_j / b_j) t_(j-1), with b_j = (n - j) lambda and d_j = min(j, crews) mu;
 * quorum is lost on reaching n - q + 1 down.
 */
function stepwise(n: number, l: number, m: number, crews = n): number {
  const q = Math.floor(n / 2) + 1;
  let t = 0;
  let sum = 0;
  for (let j = 0; j <= n - q; j++) {
    t = 1 / ((n - j) * l) + ((Math.min(j, crews) * m) / ((n - j) * l)) * t;
    sum += t;
  }
  return sum;
}

describe('meanTimeToQuorumLoss', () => {
  // lambda, mu (per hour), why
  const table: [number, number, string][] = [
    [1 / 2160, 1 / 2, 'MTTF 90 d, MTTR 2 h'],
    [1, 1, 'as fast to fail as to repair'],
    [1, 0, 'no repair: 1/(3 lambda) + 1/(2 lambda) = 5/(6 lambda)'],
  ];
  it.each(table)('should give n = 3 with lambda = %d, mu = %d the form of docs/domain.md#mean-time-to-quorum-loss (%s)', (l, m) => {
    const t = meanTimeToQuorumLoss(3, l, m);
    expect(t.ok && t.value / threeMembers(l, m)).toBeCloseTo(1, 10);
  });

  it('should equal (5 lambda + mu) / (6 lambda^2) for n = 3, whatever the number of crews', () => {
    fc.assert(
      fc.property(rate, rate, fc.integer({ min: 1, max: 3 }), (l, m, crews) => {
        const t = meanTimeToQuorumLoss(3, l, m, crews);
        expect(t.ok && t.value / threeMembers(l, m)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('should agree with the stepwise recurrence, even with repairs a million times faster than failures', () => {
    // mathjs' LU lost every digit at n = 7, mu / lambda = 1e6; state reduction must not.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 11 }),
        fc.double({ min: 1e-8, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (n, c, l, ratio) => {
          const crews = Math.min(c, n);
          const t = meanTimeToQuorumLoss(n, l, l * ratio, crews);
          expect(t.ok && t.value / stepwise(n, l, l * ratio, crews)).toBeCloseTo(1, 11);
        },
      ),
    );
  });

  it('should give one member 1 / lambda', () => {
    const t = meanTimeToQuorumLoss(1, 0.25, 3);
    expect(t.ok && t.value).toBeCloseTo(4, 12);
  });

  it('should give five members more time than three when repair is fast', () => {
    // With mu >> lambda, losing 3 of 5 takes far longer than losing 2 of 3.
    const five = meanTimeToQuorumLoss(5, 0.001, 1);
    const three = meanTimeToQuorumLoss(3, 0.001, 1);
    expect(five.ok && three.ok && five.value > 100 * three.value).toBe(true);
  });

  it('should never shrink with faster repair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), rate, rate, rate, (n, l, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const a = meanTimeToQuorumLoss(n, l, lo);
        const b = meanTimeToQuorumLoss(n, l, hi);
        expect(a.ok && b.ok && b.value >= a.value * (1 - 1e-12)).toBe(true);
      }),
    );
  });
});

describe('meanTimeToQuorumLoss input checks', () => {
  const counts = 'meanTimeToQuorumLoss needs whole numbers n >= 1, crews >= 1 and k, found';
  const rates = 'meanTimeToQuorumLoss needs lambda > 0 and mu >= 0, found';
  it.each<[string, () => unknown, string]>([
    ['no members', () => meanTimeToQuorumLoss(0, 1, 1, 1, 1), `${counts} 0, 1, 1`],
    ['a fraction of a member', () => meanTimeToQuorumLoss(2.5, 1, 1, 1, 1), `${counts} 2.5, 1, 1`],
    ['no repair crew', () => meanTimeToQuorumLoss(3, 1, 1, 0, 2), `${counts} 3, 0, 2`],
    ['a fraction of a crew', () => meanTimeToQuorumLoss(3, 1, 1, 1.5, 2), `${counts} 3, 1.5, 2`],
    ['a fractional quorum', () => meanTimeToQuorumLoss(3, 1, 1, 3, 1.5), `${counts} 3, 3, 1.5`],
    ['no failures at all', () => meanTimeToQuorumLoss(3, 0, 1), `${rates} 0, 1`],
    ['a negative repair rate', () => meanTimeToQuorumLoss(3, 1, -1), `${rates} 1, -1`],
    ['an infinite repair rate', () => meanTimeToQuorumLoss(3, 1, Infinity), `${rates} 1, Infinity`],
    ['rates whose sum overflows', () => meanTimeToQuorumLoss(3, 1e308, 1e308), `${rates} 1e+308, 1e+308`],
  ])('should refuse %s with a message naming the rule', (_, call, message) => {
    expect(call).toThrow(new RangeError(message));
  });

  it('should take no repair at all: 1 / (3 lambda) + 1 / (2 lambda) for three members', () => {
    const t = meanTimeToQuorumLoss(3, 1, 0);
    expect(t.ok && t.value).toBeCloseTo(5 / 6, 12);
  });
});
