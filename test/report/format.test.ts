import { describe, expect, it } from 'vitest';
import { formatInterval, formatMoney, formatNines, formatPercent, formatRate, formatSeconds } from '../../src/report/format.js';

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
