import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatEstimate,
  formatEstimateInterval,
  formatEstimateNines,
  formatInterval,
  formatMoney,
  formatNines,
  formatPercent,
  formatPercentDown,
  formatRate,
  formatSeconds,
  formatYears,
} from '../../src/report/format.js';
import { runs } from '../runs.js';

describe('formatPercent', () => {
  it.each([
    [0.999987, '99.9987%', 'the nines and two digits of the unavailability'],
    [0.9999, '99.9900%', 'exactly four nines'],
    [0.99751, '99.75%', 'two nines and a bit'],
    [0.95, '95.0%', 'below two nines: one decimal'],
    [0.5, '50.0%', 'half'],
    [0, '0.0%', 'never up'],
    [1, '100%', 'never down'],
    [1 - 1e-12, '99.999999999%', 'capped at nine decimals, rounded down, never 100%'],
    [0.99, '99.00%', 'two nines exactly, despite 1 - 0.99 > 0.01 in floating point'],
  ])('formatPercent(%s) = %s (%s)', (a, expected) => expect(formatPercent(a)).toBe(expected));

  it('should never round an availability below 1 up to 100%', () => {
    for (let k = 1; k <= 12; k++) for (const m of [1, 1.5, 5, 9.99]) expect(formatPercent(1 - m * 10 ** -k)).not.toBe('100%');
  });
});

describe('other formats', () => {
  it('should show a CI with the lower bound\u2019s decimals, more when the upper would read 100%', () => {
    expect(formatInterval([0.999982, 0.999992])).toBe('99.9982–99.9992%');
    expect(formatInterval([0.99, 0.9999999])).toBe('99.00000–99.99999%');
    expect(formatInterval([0.99, 1])).toBe('99.00–100%');
    expect(formatInterval([1, 1])).toBe('100%'); // never down in any replication
  });
  it.each([
    [4.886, '4.89'],
    [null, '∞'],
  ])('formatNines(%s) = %s', (n, s) => expect(formatNines(n)).toBe(s));
  it.each([
    [0, '0s'],
    [null, '—'],
    [410, '6m 50s'],
    [7200, '2h'],
  ])('formatSeconds(%s) = %s', (n, s) => expect(formatSeconds(n)).toBe(s));
  it.each([
    [0, '0'],
    [0.3, '0.30'],
    [12.345, '12.3'],
    [123.4, '123'],
  ])('formatRate(%s) = %s', (n, s) => expect(formatRate(n)).toBe(s));
  it('should format money in the currency, falling back for an unknown code', () => {
    expect(formatMoney(33722.35, 'USD')).toBe('$33,722.35');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(12.5, 'not a code')).toBe('12.50 not a code');
  });
});

/** A 95% CI, or none. */
type Ci = readonly [number, number] | null;

describe('formatEstimate: digits only as far as the evidence goes', () => {
  it.each([
    // half-width 5e-6 = 0.0005%: its first significant digit is the 4th decimal of a percent.
    [0.999987, [0.999982, 0.999992], '99.9987%', 'the CI pins the 4th decimal'],
    // ±3e-5 = ±0.003%: 3 decimals, not the 4 that formatPercent would give.
    [0.99991, [0.99988, 0.99994], '99.991%', 'one digit fewer than formatPercent'],
    // 99.9999905% from a CI of ±0.01%: 3 decimals from the evidence would round to 100, 4 would
    // floor to 99.9999% (32 s of downtime a year beside 3 s): the unavailability's first digit is shown.
    [0.999999905, [0.999899905, 1], '99.999990%', 'seven nines when the mean has them, the CI beside says how sure'],
    // 99.99998976% with a CI of 99.993-99.999994%: "99.999%" would say 5 min a year beside 3 s.
    [0.9999998976, [0.99993, 0.99999994], '99.99999%', 'not a nine dropped by flooring'],
    [0.9975, [0.9969, 0.9981], '99.75%', '±0.06%: two decimals'],
    [0.95, [0.9, 1], '95%', '±5%: no decimal'],
    // ±1e-5 = ±0.001%: the third decimal, zeros included.
    [0.99, [0.98999, 0.99001], '99.000%', 'a tight CI keeps its zeros'],
    // Lower end 0.9999 supports four nines (2 decimals) though ±0.005% alone asks for 3.
    [0.99995, [0.9999, 1], '99.995%', 'the half-width asks for 3 decimals'],
    // ±0.04 over 0.9994: the half-width gives 0 decimals, but "99%" would say 3.7 days of downtime
    // a year beside 5 h: the unavailability's first digit (0.06%) needs 2.
    [0.9994, [0.9594, 1], '99.94%', 'a huge CI: still the first digit of the unavailability'],
    // The QA run's apiWrite: 0.99897 in 96-99.96%: "99%" beside 8h 59m of downtime was the defect.
    [0.99897, [0.96, 0.9996], '99.9%', 'the first digit of 0.103% down'],
    // A CI clamped close above the mean: the evidence's 0 decimals round 98.51 to 99, outside it.
    [0.9851, [0.5, 0.9852], '98.5%', 'read back, inside the CI'],
    [0.99991, null, '99.9910%', 'no CI: two significant digits of the unavailability'],
  ] as [number, Ci, string, string][])('formatEstimate(%s, %j) = %s (%s)', (mean, ci, expected) => expect(formatEstimate(mean, ci)).toBe(expected));

  /** Unavailability 1e-0.3 .. 1e-8, and a CI half-width from 1% to 300% of it (clamped at 1). */
  const arbEstimate = fc
    .record({ x: fc.double({ min: 0.3, max: 8, noNaN: true }), r: fc.double({ min: 0.01, max: 3, noNaN: true }) })
    .map(({ x, r }) => {
      const u = 10 ** -x;
      const mean = 1 - u;
      const half = u * r;
      return { mean, ci: [Math.max(0, mean - half), Math.min(1, mean + half)] as const };
    });
  const percentOf = (text: string) => Number(text.replace(/[^\d.]/g, '')) / 100;
  const decimalsOf = (text: string) => text.replace('%', '').split('.')[1]?.length ?? 0;

  it('should show a figure that, read back, lies inside the CI, with no digit finer than a tenth of the half-width unless the lower end or the unavailability needs it', () => {
    fc.assert(
      fc.property(arbEstimate, ({ mean, ci }) => {
        const text = formatEstimate(mean, ci);
        const shown = percentOf(text);
        // Reading "99.02%" back as 99.02 / 100 costs a last bit: hence the 1e-12.
        expect(shown).toBeGreaterThanOrEqual(ci[0] - 1e-12);
        expect(shown).toBeLessThanOrEqual(ci[1] + 1e-12);
        const d = decimalsOf(text);
        const half = Math.max(mean - ci[0], ci[1] - mean) * 100;
        const lowerNines = Math.floor(-Math.log10(1 - ci[0]) + 1e-9);
        // The unavailability's first significant digit, as a decimal of a percent.
        const firstDigit = Math.ceil(-Math.log10((1 - mean) * 100) - 1e-9);
        // Whole percents are the coarsest a figure gets, whatever the half-width.
        expect(d === 0 || 10 ** -d * 10 >= half * (1 - 1e-6) || d <= lowerNines - 2 || d <= firstDigit, `${text} for ${mean} in [${ci}]`).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  /** A mean with a CI that need not be symmetric: each end 1% to 300% of the unavailability away (the upper clamped at 1). */
  const arbSkewed = fc
    .record({
      x: fc.double({ min: 0.3, max: 8, noNaN: true }),
      below: fc.double({ min: 0.01, max: 3, noNaN: true }),
      above: fc.double({ min: 0.01, max: 3, noNaN: true }),
    })
    .map(({ x, below, above }) => {
      const u = 10 ** -x;
      const mean = 1 - u;
      return { mean, u, ci: [Math.max(0, mean - u * below), Math.min(1, mean + u * above)] as const };
    });

  it('should never show a figure that contradicts the downtime beside it: inside the CI, never 100%, its unavailability within half of the mean’s', () => {
    fc.assert(
      fc.property(arbSkewed, ({ mean, u, ci }) => {
        // Act
        const text = formatEstimate(mean, ci);
        const shown = percentOf(text);
        // Assert: read back, inside the CI (to the last bit the reading costs).
        expect(shown, `${text} for ${mean} in [${ci}]`).toBeGreaterThanOrEqual(ci[0] - 1e-12);
        expect(shown, `${text} for ${mean} in [${ci}]`).toBeLessThanOrEqual(ci[1] + 1e-12);
        // A mean below 1 never reads 100%.
        expect(text).not.toBe('100%');
        expect(shown).toBeLessThan(1);
        // The downtime the figure implies, (1 - shown) x a year, is the mean's to within half of
        // it: the same first digit give or take one, never a nine more or fewer.
        expect(Math.abs(1 - shown - u), `${text} for ${mean}: ${1 - shown} down against ${u}`).toBeLessThanOrEqual(u / 2 + 1e-12);
        // And the figure lies inside the interval shown beside it.
        const [lo, hi] = formatEstimateInterval(mean, ci).replace('%', '').split('–').map((t) => Number(t) / 100) as [number, number];
        expect(shown).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(shown).toBeLessThanOrEqual(hi + 1e-12);
      }),
      { numRuns: runs(500) },
    );
  });

  it('should read 100% only for a mean of exactly 1', () => {
    expect(formatEstimate(1, [0.99, 1])).toBe('100%');
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (mean, width) => {
        expect(formatEstimate(mean, [Math.max(0, mean - width), 1])).not.toBe('100%');
      }),
      { numRuns: runs(300) },
    );
  });

  it('should show an interval that holds the computed one (low end rounded down, high end up)', () => {
    fc.assert(
      fc.property(arbEstimate, ({ mean, ci }) => {
        const [lo, hi] = formatEstimateInterval(mean, ci).replace('%', '').split('–').map((t) => Number(t) / 100) as [number, number];
        // The outward rounding forgives 1e-9 of the last digit (so that 99.020000000000001 does not
        // read 99.03): up to 1e-11 of availability; reading back costs a last bit too.
        expect(lo).toBeLessThanOrEqual(ci[0] + 1e-10);
        expect(hi).toBeGreaterThanOrEqual(ci[1] - 1e-10);
        expect(hi).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs(300) },
    );
  });

  it.each([
    [0.99991, [0.99988, 0.99994], '99.988–99.994%', 'the estimate\u2019s 3 decimals'],
    [0.999987, [0.999982, 0.999992], '99.9982–99.9992%', 'the estimate\u2019s 4 decimals'],
    [0.95, [0.9, 1], '90–100%', 'an interval that reaches 1 reads 100'],
    [0.99, null, 'no CI', 'one replication'],
  ] as [number, Ci, string, string][])('formatEstimateInterval(%s, %j) = %s (%s)', (mean, ci, expected) => expect(formatEstimateInterval(mean, ci)).toBe(expected));

  it.each([
    // 4.046 nines, lower end 3.921: ±0.13 pins one decimal.
    [0.99991, [0.99988, 0.99994], '4.0'],
    // 4.886 nines, lower end 4.745: ±0.14, one decimal.
    [0.999987, [0.999982, 0.999992], '4.9'],
    // 2.0 nines, lower end 1.99996: ±0.00004, two decimals at most.
    [0.99, [0.98999, 0.99001], '2.00'],
    // 3.52 nines, lower end 3.0: 0.52 below, one decimal.
    [0.9997, [0.999, 0.9999], '3.5'],
    // 7 nines, lower end 3.52 (a CI widened for quorum losses not seen): not even the first digit.
    [0.9999999, [0.9997, 0.99999999], '≥ 3.5'],
    // Exactly one nine below: the bound, not "4".
    [0.9999, [0.999, 1], '≥ 3.0'],
    [0.99991, null, '4.0'],
    [1, null, '—'],
  ] as [number, Ci, string][])('formatEstimateNines(%s, %j) = %s', (mean, ci, expected) => expect(formatEstimateNines(mean, ci)).toBe(expected));

  it('should never show nines the CI does not support: a figure within a nine of the lower end, or that end as a bound', () => {
    fc.assert(
      fc.property(arbEstimate, ({ mean, ci }) => {
        // Arrange
        const lower = -Math.log10(1 - ci[0]);
        // Act
        const text = formatEstimateNines(mean, ci);
        // Assert
        const shown = Number(text.replace('≥ ', ''));
        if (text.startsWith('≥ ')) expect(shown).toBeLessThanOrEqual(lower + 1e-9);
        else expect(shown - lower).toBeLessThan(1 + 0.05 + 1e-9);
      }),
      { numRuns: runs(300) },
    );
  });

  it.each([
    [0.9999969, '99.99969%', 'a bound rounds down, so it stays a true bound'],
    [0.999997, '99.99970%', 'exact values keep their digits'],
    [0.99, '99.00%', 'two nines'],
  ])('formatPercentDown(%s) = %s (%s)', (a, expected) => expect(formatPercentDown(a)).toBe(expected));

  it.each([
    [1000, '1,000 y'],
    [12.4, '12 y'],
    [2.54, '2.5 y'],
    // Below a year, a duration: "0.27 y" would do, but "0 y" for 4 hours would not.
    [0.274, '100d'],
    [4 / 8760, '4h'],
    [3 / 8760, '3h'],
    [1 / (365 * 24 * 60), '1m'],
  ])('formatYears(%s) = %s', (y, expected) => expect(formatYears(y)).toBe(expected));

  it('should never read a positive simulated time as zero, at any scale', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 1e6, noNaN: true }), (years) => {
        const text = formatYears(years);
        expect(text, text).toMatch(/[1-9]/);
        expect(text, text).not.toMatch(/^0(\.0*)? ?[a-z]/);
      }),
      { numRuns: runs(300) },
    );
  });
});
