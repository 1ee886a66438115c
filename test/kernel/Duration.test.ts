import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, DurationError, HOUR, MINUTE, WEEK, YEAR, formatClock, formatDuration, parseDuration } from '../../src/kernel/index.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 0.25],
    ['90s', 90],
    ['15m', 15 * MINUTE],
    ['4h', 4 * HOUR],
    ['30d', 30 * DAY],
    ['2w', 2 * WEEK],
    ['1y', YEAR],
    ['1.5h', 1.5 * HOUR],
    ['.5m', 30],
    ['1h30m', HOUR + 30 * MINUTE],
    ['1d2h3m4s5ms', DAY + 2 * HOUR + 3 * MINUTE + 4 + 0.005],
    ['1h 30m', HOUR + 30 * MINUTE],
    ['  15m  ', 15 * MINUTE],
    ['\t4h\n', 4 * HOUR],
    ['0s', 0],
    ['5m5ms', 5 * MINUTE + 0.005],
  ])('should read %j as %s seconds', (text, seconds) => {
    // Arrange / Act / Assert
    expect(parseDuration(text)).toBeCloseTo(seconds, 9);
  });

  it.each([
    [90, 90],
    [0, 0],
    [1.25, 1.25],
    ['90', 90],
    [' 3600 ', 3600],
    ['0.5', 0.5],
    ['.5', 0.5],
  ])('should take the number %j as seconds', (input, seconds) => {
    // Arrange / Act / Assert
    expect(parseDuration(input)).toBe(seconds);
  });

  const units = 'ms, s, m, h, d, w, y';
  it.each([
    ['5 parsecs', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "5 parsecs"`],
    ['5 m', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "5 m"`],
    ['1h30', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "1h30"`],
    ['h', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "h"`],
    ['1e3s', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "1e3s"`],
    ['Infinity', `expected a duration like "90s", "15m", "4h", "30d" or "1y" (units: ${units}), found "Infinity"`],
    ['-5m', 'expected a duration that is not negative, found "-5m"'],
    ['', 'expected a duration like "90s", found an empty string'],
    ['   ', 'expected a duration like "90s", found an empty string'],
    [null, 'expected a duration like "90s", "15m", "4h", "30d" or "1y", found null'],
    [undefined, 'expected a duration like "90s", "15m", "4h", "30d" or "1y", found nothing'],
    [{ hours: 4 }, 'expected a duration like "90s", "15m", "4h", "30d" or "1y", found an object'],
    [['4h'], 'expected a duration like "90s", "15m", "4h", "30d" or "1y", found a list'],
    [true, 'expected a duration like "90s", "15m", "4h", "30d" or "1y", found boolean true'],
    [Infinity, 'expected a finite duration, found Infinity'],
    [NaN, 'expected a finite duration, found NaN'],
    [-5, 'expected a duration that is not negative, found -5'],
  ])('should refuse %j with an exact message', (input, message) => {
    // Arrange / Act
    const attempt = () => parseDuration(input);
    // Assert
    expect(attempt).toThrow(DurationError);
    expect(attempt).toThrow(new DurationError(message));
  });

  it('should name its error class DurationError', () => {
    // Arrange / Act
    const error = (() => {
      try {
        parseDuration('soon');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    // Assert
    expect(error?.name).toBe('DurationError');
  });

  it('should read back what formatDuration writes, to within its rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 * DAY }), (seconds) => {
        // Arrange
        const text = formatDuration(seconds);
        // Act
        const back = parseDuration(text);
        // Assert: formatDuration keeps two units, so it is off by at most half the smaller one
        const smaller = seconds < HOUR ? 1 : seconds < DAY ? MINUTE : HOUR;
        expect(Math.abs(back - seconds)).toBeLessThanOrEqual(smaller / 2);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0.25, '250ms'],
    [0, '0ms'], // zero is not negative: no sign
    [0.9999996, '1s'], // 999.9996 ms rounds to 1000 ms: one unit up
    [45, '45s'],
    [59.996, '1m'], // 59.996 s rounds to 60 s: one unit up
    [59.5, '59.5s'],
    [90, '1m 30s'],
    [120, '2m'],
    [119.7, '2m'],
    [3599.6, '1h'],
    [2 * HOUR + 5 * MINUTE, '2h 5m'],
    [2 * HOUR - 1, '2h'],
    [DAY - 1, '1d'],
    [3 * DAY + 4 * HOUR, '3d 4h'],
    [YEAR - 1, '1y'],
    [1.5 * YEAR, '1.5y'],
    [12.345 * YEAR, '12.35y'],
    [123.456 * YEAR, '123.5y'],
    [1234.56 * YEAR, '1235y'],
    // The QA run's mean time to quorum loss: four significant digits, grouped.
    [17817972.49 * YEAR, '17,820,000y'],
    [-90, '-1m 30s'],
    [Infinity, 'Infinity'],
  ])('should write %s seconds as %j', (seconds, text) => {
    // Arrange / Act / Assert
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatDuration of long times', () => {
  it('should keep at most four significant digits from 100 years, grouped from 10,000, and stay within their rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 1e12, noNaN: true }), (y) => {
        // Act
        const text = formatDuration(y * YEAR);
        // Assert
        const digits = text.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '');
        expect(digits.length, text).toBeLessThanOrEqual(4);
        expect(text, text).toMatch(y >= 10_000 ? /^\d{1,3}(,\d{3})+y$/ : /^\d+(\.\d)?y$/);
        const back = Number(text.replace(/[,y]/g, ''));
        expect(Math.abs(back - y) / y).toBeLessThanOrEqual(5e-4 + 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatClock', () => {
  it.each([
    [0, '00:00:00'],
    [59, '00:00:59'],
    [3661, '01:01:01'],
    [301.413, '00:05:01.413'],
    [1.5, '00:00:01.500'],
    [1.05, '00:00:01.050'], // milliseconds padded to three digits
    [59.9996, '00:01:00'],
    [0.9996, '00:00:01'],
    [DAY, '1d 00:00:00'],
    [3 * DAY + 4 * HOUR, '3d 04:00:00'],
    [400 * DAY + 0.25, '400d 00:00:00.250'],
  ])('should write %s seconds as %j', (seconds, text) => {
    // Arrange / Act / Assert
    expect(formatClock(seconds)).toBe(text);
  });
});
