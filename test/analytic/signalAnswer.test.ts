import { describe, expect, it } from 'vitest';
import { signalAnswer } from '../../src/analytic/_internals/signalAnswer.js';

const YEAR = 365 * 86_400;

describe('signalAnswer', () => {
  // Raw totals as a route may leave them, and the probabilities that must come out; why on each row.
  const cases: [string, { up: number; down: number; outagesPerSecond: number }, number, number][] = [
    // Exact totals pass through unchanged.
    ['up 0.75, down 0.25', { up: 0.75, down: 0.25, outagesPerSecond: 0 }, 0.75, 0.25],
    // The enumeration route once summed up to 1 + 2^-52 with down 0 (issue 19): availability must be 1.
    ['up one ulp above 1', { up: 1.0000000000000002, down: 0, outagesPerSecond: 0 }, 1, 0],
    // Both a little high: normalised by their sum 1.25.
    ['up 1, down 0.25', { up: 1, down: 0.25, outagesPerSecond: 0 }, 0.8, 0.2],
    // A linear solve can leave a tiny negative probability: clamped to 0.
    ['down -1e-18', { up: 1, down: -1e-18, outagesPerSecond: 0 }, 1, 0],
    ['up -1e-18', { up: -1e-18, down: 1, outagesPerSecond: 0 }, 0, 1],
  ];
  it.each(cases)('should turn %s into a probability pair', (_, totals, availability, unavailability) => {
    const a = signalAnswer(totals, 'enumeration');
    expect(a.availability).toBe(availability);
    expect(a.unavailability).toBe(unavailability);
  });

  it('should never leave [0, 1] for totals a few ulps off 1', () => {
    // Every pair around (1 - d, d) off by up to 4 ulps each way: the sum is off, the answer is not.
    for (const d of [0, 1e-300, 1e-17, 1e-9, 0.5]) {
      for (let i = -4; i <= 4; i++) {
        for (let j = -4; j <= 4; j++) {
          const a = signalAnswer({ up: 1 - d + i * 2 ** -52, down: d + j * 2 ** -52 * Math.max(d, 1e-300), outagesPerSecond: 0 }, 'k-of-n');
          expect(a.availability, `d ${d}, ${i}, ${j}`).toBeLessThanOrEqual(1);
          expect(a.availability).toBeGreaterThanOrEqual(0);
          expect(a.unavailability).toBeLessThanOrEqual(1);
          expect(a.unavailability).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('should derive downtime, outages and their mean length from the normalised values', () => {
    // down 0.001 of a year = 31 536 s; 2 outages a year -> 15 768 s each.
    const a = signalAnswer({ up: 0.999, down: 0.001, outagesPerSecond: 2 / YEAR }, 'ctmc', 'πQ = 0');
    expect(a.downtimeSecondsPerYear).toBeCloseTo(31_536, 6);
    expect(a.outagesPerYear).toBeCloseTo(2, 12);
    expect(a.meanOutageSeconds).toBeCloseTo(15_768, 6);
    expect(a).toMatchObject({ method: 'ctmc', formula: 'πQ = 0' });
  });

  it('should have no mean outage length for a signal that never goes down', () => {
    expect(signalAnswer({ up: 1, down: 0, outagesPerSecond: 0 }, 'k-of-n').meanOutageSeconds).toBeNull();
  });

  it('should refuse totals that sum to nothing, naming the function', () => {
    expect(() => signalAnswer({ up: 0, down: 0, outagesPerSecond: 0 }, 'k-of-n')).toThrow(/signalAnswer needs totals with a positive finite sum/);
    expect(() => signalAnswer({ up: NaN, down: 0.5, outagesPerSecond: 0 }, 'k-of-n')).toThrow(RangeError);
  });
});
