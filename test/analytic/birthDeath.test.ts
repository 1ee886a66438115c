import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDeathStationary,
  kOfN,
  sharedRepair,
  sharedRepairAvailability,
  stationaryDistribution,
  type Transition,
} from '../../src/analytic/index.js';
import { runs } from '../runs.js';

const rho = fc.double({ min: 1e-6, max: 10, noNaN: true });

/** The closed form of docs/domain.md#shared-repair for n = 3 and one crew. */
const threeMembersOneCrew = (r: number) => (1 + 3 * r) / (1 + 3 * r + 6 * r * r + 6 * r * r * r);

describe('sharedRepairAvailability', () => {
  // rho, why
  const table: [number, string][] = [
    [1 / 720, 'MTTF 30 d, MTTR 1 h: a typical member'],
    [0.01, 'MTTR 1% of MTTF'],
    [1, 'as long down as up: repair is the bottleneck'],
    [1e-9, 'near-perfect members: the unavailability is about 6 rho^2'],
  ];
  it.each(table)('should give n = 3, one crew, rho = %d the closed form of docs/domain.md#shared-repair (%s)', (r) => {
    expect(sharedRepairAvailability(3, r)).toBeCloseTo(threeMembersOneCrew(r), 14);
  });

  it('should equal the closed form for n = 3 and one crew for any rho', () => {
    fc.assert(
      fc.property(rho, (r) => {
        expect(sharedRepairAvailability(3, r, 1)).toBeCloseTo(threeMembersOneCrew(r), 13);
      }),
    );
  });

  it('should equal independent k-of-n when every member has its own crew', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), rho, (n, r) => {
        // With n crews each member alternates on its own: a = 1 / (1 + rho).
        const a = 1 / (1 + r);
        expect(sharedRepairAvailability(n, r, n)).toBeCloseTo(kOfN(n, Math.floor(n / 2) + 1, a, r / (1 + r)).up, 12);
      }),
    );
  });

  it('should never be more available with fewer crews', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), rho, (n, r) => {
        for (let c = 1; c < n; c++) {
          expect(sharedRepairAvailability(n, r, c)).toBeLessThanOrEqual(sharedRepairAvailability(n, r, c + 1) + 1e-14);
        }
      }),
    );
  });

  it('should keep the digits of a tiny unavailability', () => {
    // 6 rho^2 (1 + rho) / (1 + 3 rho + 6 rho^2 + 6 rho^3), summed directly rather than as 1 - A.
    const r = 1e-9;
    const exact = (6 * r * r + 6 * r * r * r) / (1 + 3 * r + 6 * r * r + 6 * r * r * r);
    expect(sharedRepair(3, r).down / exact).toBeCloseTo(1, 12);
  });
});

describe('birthDeathStationary', () => {
  it('should match the Markov chain solved by mathjs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 1, maxLength: 8 }), (rates) => {
        const birth = rates.map((r) => r[0]);
        const death = rates.map((r) => r[1]);
        const transitions: Transition[] = rates.flatMap(([b, d], j) => [
          { from: j, to: j + 1, rate: b },
          { from: j + 1, to: j, rate: d },
        ]);
        const pi = stationaryDistribution({ states: rates.length + 1, transitions });
        if (!pi.ok) throw new Error(pi.reason);
        // LU carries an error of about the rate ratio (up to 1,000 here) times 1e-16.
        birthDeathStationary(birth, death).forEach((p, j) => expect(p).toBeCloseTo(pi.value[j]!, 10));
      }),
      { numRuns: runs(100) },
    );
  });

  it('should refuse rates it cannot use', () => {
    expect(() => birthDeathStationary([1, 1], [1])).toThrow(/as many death rates/);
    expect(() => birthDeathStationary([1], [0])).toThrow(/positive death rates/);
    expect(() => birthDeathStationary([-1], [1])).toThrow(/finite rates/);
  });
});

describe('sharedRepair input checks', () => {
  const counts = 'sharedRepair needs whole numbers n >= 1 and crews >= 1, found';
  it.each<[string, () => unknown, string]>([
    ['no members', () => sharedRepair(0, 0.1, 1), `${counts} n = 0, crews = 1`],
    ['a fraction of a member', () => sharedRepair(2.5, 0.1, 1, 2), `${counts} n = 2.5, crews = 1`],
    ['no crew', () => sharedRepair(3, 0.1, 0), `${counts} n = 3, crews = 0`],
    ['a fraction of a crew', () => sharedRepair(3, 0.1, 1.5), `${counts} n = 3, crews = 1.5`],
    ['a negative rho', () => sharedRepair(3, -1), 'sharedRepair needs a finite rho >= 0, found -1'],
    ['an infinite rho', () => sharedRepair(3, Infinity), 'sharedRepair needs a finite rho >= 0, found Infinity'],
  ])('should refuse %s with a message naming the rule', (_, call, message) => {
    expect(call).toThrow(new RangeError(message));
  });

  it('should make members that never fail (rho = 0) always available', () => {
    expect(sharedRepair(3, 0)).toEqual({ up: 1, down: 0 });
  });

  it('should say which death rate is zero', () => {
    expect(() => birthDeathStationary([1, 1], [1, 0])).toThrow(new RangeError('birthDeathStationary needs positive death rates, found 0 at 2 -> 1'));
  });
});
