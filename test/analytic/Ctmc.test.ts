import { describe, expect, it } from 'vitest';
import { lusolve } from 'mathjs';
import {
  ABSORPTION_STATE_LIMIT,
  CTMC_STATE_LIMIT,
  generatorMatrix,
  meanTimeToAbsorption,
  stationaryDistribution,
  type Ctmc,
} from '../../src/analytic/index.js';

/** One repairable member: 0 = up, 1 = down. */
const member = (lambda: number, mu: number): Ctmc => ({
  states: 2,
  transitions: [
    { from: 0, to: 1, rate: lambda },
    { from: 1, to: 0, rate: mu },
  ],
});

describe('generatorMatrix', () => {
  it('should put rates off the diagonal and make every row sum to 0', () => {
    const q = generatorMatrix({
      states: 3,
      transitions: [
        { from: 0, to: 1, rate: 2 },
        { from: 0, to: 2, rate: 1 },
        { from: 0, to: 1, rate: 0.5 }, // parallel transitions add up
        { from: 2, to: 2, rate: 9 }, // a self-loop changes nothing
      ],
    });
    expect(q).toEqual([
      [-3.5, 2.5, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('should reject transitions outside the chain and bad rates', () => {
    expect(() => generatorMatrix({ states: 2, transitions: [{ from: 0, to: 2, rate: 1 }] })).toThrow(/leaves states 0..1/);
    expect(() => generatorMatrix({ states: 2, transitions: [{ from: 0, to: 1, rate: -1 }] })).toThrow(/finite rate >= 0/);
  });
});

describe('stationaryDistribution', () => {
  it('should give one member MTTF / (MTTF + MTTR)', () => {
    const pi = stationaryDistribution(member(1 / 1000, 1 / 10));
    expect(pi.ok && pi.value[0]).toBeCloseTo(1000 / 1010, 15);
  });

  it('should give independent members the product form', () => {
    // Two members as one four-state chain (bit i set: member i down).
    const [l0, m0, l1, m1] = [0.01, 1, 0.02, 0.5];
    const transitions = [0, 1, 2, 3].flatMap((s) => [
      s & 1 ? { from: s, to: s & ~1, rate: m0 } : { from: s, to: s | 1, rate: l0 },
      s & 2 ? { from: s, to: s & ~2, rate: m1 } : { from: s, to: s | 2, rate: l1 },
    ]);
    const pi = stationaryDistribution({ states: 4, transitions });
    const a0 = m0 / (l0 + m0);
    const a1 = m1 / (l1 + m1);
    const expected = [a0 * a1, (1 - a0) * a1, a0 * (1 - a1), (1 - a0) * (1 - a1)];
    expect(pi.ok).toBe(true);
    if (pi.ok) pi.value.forEach((p, s) => expect(p).toBeCloseTo(expected[s]!, 14));
  });

  it('should refuse, as a value, a chain above the state limit', () => {
    const pi = stationaryDistribution({ states: CTMC_STATE_LIMIT + 1, transitions: [] });
    expect(pi).toEqual({ ok: false, reason: `the Markov chain has ${CTMC_STATE_LIMIT + 1} states to solve, above the limit of ${CTMC_STATE_LIMIT}` });
  });

  it('should refuse a chain with two closed classes, which mathjs would solve without a word', () => {
    // {0, 1} and {2} never meet: any mix of their steady states is one.
    const pi = stationaryDistribution({ states: 3, transitions: [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 1 }] });
    expect(pi).toEqual({ ok: false, reason: 'the chain has no unique steady state: it has more than one closed class of states' });
  });

  it('should put no mass on transient states when one closed class remains', () => {
    // 0 leaks into the closed pair {1, 2} and never comes back.
    const pi = stationaryDistribution({
      states: 3,
      transitions: [
        { from: 0, to: 1, rate: 1 },
        { from: 1, to: 2, rate: 1 },
        { from: 2, to: 1, rate: 3 },
      ],
    });
    expect(pi.ok && pi.value).toEqual([0, expect.closeTo(0.75, 14), expect.closeTo(0.25, 14)]);
  });
});

describe('meanTimeToAbsorption', () => {
  it('should give 1 / lambda for a member that never comes back', () => {
    const t = meanTimeToAbsorption(member(1 / 1000, 1 / 10), (s) => s === 1);
    expect(t).toEqual({ ok: true, value: [expect.closeTo(1000, 9), 0] });
  });

  it('should add the means of a chain of stages', () => {
    // 0 -> 1 -> 2 -> 3 at rates 1, 2, 4: 1 + 1/2 + 1/4 from state 0.
    const t = meanTimeToAbsorption(
      { states: 4, transitions: [1, 2, 4].map((rate, s) => ({ from: s, to: s + 1, rate })) },
      (s) => s === 3,
    );
    expect(t.ok && t.value).toEqual([expect.closeTo(1.75, 12), expect.closeTo(0.75, 12), expect.closeTo(0.25, 12), 0]);
  });

  it('should refuse, as a value, more non-absorbing states than the limit', () => {
    const t = meanTimeToAbsorption({ states: ABSORPTION_STATE_LIMIT + 2, transitions: [] }, (s) => s === 0);
    expect(t).toEqual({ ok: false, reason: `the Markov chain has ${ABSORPTION_STATE_LIMIT + 1} non-absorbing states, above the limit of ${ABSORPTION_STATE_LIMIT}` });
  });

  it('should agree with mathjs LU on a chain where LU is accurate', () => {
    // Three members, one repair crew, absorbed at 2 down; moderate rates, solved both ways.
    const [l, m] = [0.3, 1.7];
    const chain: Ctmc = {
      states: 3,
      transitions: [
        { from: 0, to: 1, rate: 3 * l },
        { from: 1, to: 0, rate: m },
        { from: 1, to: 2, rate: 2 * l },
      ],
    };
    const byLu = lusolve([[3 * l, -3 * l], [-m, m + 2 * l]], [1, 1]) as number[][];
    const t = meanTimeToAbsorption(chain, (s) => s === 2);
    expect(t.ok && t.value[0]).toBeCloseTo(byLu[0]![0]!, 12);
    expect(t.ok && t.value[1]).toBeCloseTo(byLu[1]![0]!, 12);
  });

  it('should refuse when absorption cannot be reached', () => {
    const t = meanTimeToAbsorption(member(1, 1), (s) => s === 5);
    expect(t.ok).toBe(false);
  });
});

describe('Ctmc input checks', () => {
  it.each<[string, Ctmc, string]>([
    ['no states', { states: 0, transitions: [] }, 'Ctmc needs at least one state, found 0'],
    ['a fractional number of states', { states: 1.5, transitions: [] }, 'Ctmc needs at least one state, found 1.5'],
    ['a negative state', { states: 2, transitions: [{ from: -1, to: 0, rate: 1 }] }, 'Ctmc transition -1 -> 0 leaves states 0..1'],
    ['a fractional state', { states: 2, transitions: [{ from: 0, to: 0.5, rate: 1 }] }, 'Ctmc transition 0 -> 0.5 leaves states 0..1'],
    ['an infinite rate', { states: 2, transitions: [{ from: 0, to: 1, rate: Infinity }] }, 'Ctmc transition 0 -> 1 needs a finite rate >= 0, found Infinity'],
  ])('should refuse %s', (_, c, message) => {
    expect(() => generatorMatrix(c)).toThrow(new RangeError(message));
    expect(() => meanTimeToAbsorption(c, () => false)).toThrow(new RangeError(message));
  });

  it('should take a one-state chain: its generator is [[0]] and it stays there', () => {
    const one = { states: 1, transitions: [] };
    expect(generatorMatrix(one)).toEqual([[0]]);
    expect(stationaryDistribution(one)).toEqual({ ok: true, value: [1] });
  });
});
