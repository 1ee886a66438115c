import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alternative } from '../../../src/experiment/sweep/index.js';
import { YEAR, parseDuration } from '../../../src/kernel/index.js';
import { differenceHalfWidth } from '../../../src/experiment/sweep/compareAvailability.js';
import { deltaCells, downtimeStep, signedDuration, WITHIN_NOISE } from '../../../src/report/sweep/deltaCells.js';
import { signal } from '../fixtures.js';
import { runs } from '../../runs.js';

/** An alternative to the pick with these differences (the pick's row is not built by deltaCells). */
function alt(downtimeDelta: number, ninesDelta: number, significant: boolean | null): Alternative {
  return { point: 1, costDeltaPerMonth: 277.4, ninesDelta, downtimeDeltaSecondsPerYear: downtimeDelta, writeP99DeltaMs: 0.5, significant, basis: 'intervals' };
}

describe('deltaCells: differences against the pick, no finer than the intervals', () => {
  // The QA sweep: the pick at 99.997% with a CI from about 3 min to 1 h 45 min of downtime a year.
  const pick = signal(0.99997, 0.00017, 4, 200, 600);
  const same = signal(0.999970031, 0.00017, 4, 200, 600);

  it('should read "within noise" for a difference the test cannot tell from zero, not "+995.4ms"', () => {
    expect(deltaCells(pick, same, alt(0.9954, 0.0001, false))).toEqual({ nines: WITHIN_NOISE, downtime: WITHIN_NOISE });
  });

  it('should round a significant downtime difference to the first digit the intervals vouch for', () => {
    // 1 member against 3: 99.77% (±0.09%) against the pick; ±0.09% of a year is about 7.9 h: to the hour.
    const one = signal(0.9977, 0.0009, 20, 3600, 7200);
    const cells = deltaCells(pick, one, alt(71_580, -1.89, true));
    expect(cells.downtime).toBe('+20h');
    // The half-width in nines is above a tenth: one decimal.
    expect(cells.nines).toBe('−1.9');
  });

  it('should keep the nines of a tight difference to two decimals and the downtime to its step', () => {
    const a = signal(0.99991, 0.000001, 50, 600, 900);
    const b = signal(0.99981, 0.000001, 90, 600, 900);
    // ±1.4e-6 of a year is 44 s: to 10 s (3,153.6 s reads 52m 30s).
    expect(deltaCells(a, b, alt(3153.6, -0.32, true))).toEqual({ nines: '−0.32', downtime: '+52m 30s' });
  });

  it('should pick the largest step no larger than the half-width', () => {
    expect(downtimeStep(3 * 3600)).toBe(3600);
    expect(downtimeStep(51 * 60)).toBe(600);
    expect(downtimeStep(0.2)).toBe(0.1);
    expect(downtimeStep(null)).toBe(0.001);
    expect(differenceHalfWidth(pick, { ...same, availability: { mean: 0.99997, ci95: null } })).toBeNull();
  });

  it('should show a difference within half a step of the computed one, with a step no larger than the half-width', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.double({ min: 0.002, max: 1e7, noNaN: true }), (delta, half) => {
        // Act
        const step = downtimeStep(half);
        const text = signedDuration(delta, step);
        // Assert
        expect(step).toBeLessThanOrEqual(half);
        const back = text === '±0s' ? 0 : (text.startsWith('−') ? -1 : 1) * parseDuration(text.slice(1).replace(/ /g, ''));
        // formatSeconds keeps two units (a day and hours at most), so it may round a little more.
        const unit = Math.abs(delta) >= 86_400 ? 3600 : Math.abs(delta) >= 3600 ? 60 : Math.abs(delta) >= 60 ? 1 : Math.abs(delta) >= 1 ? 0.01 : 0.001;
        expect(Math.abs(back - delta), `${text} for ${delta} (step ${step})`).toBeLessThanOrEqual(step / 2 + unit / 2 + 1e-6 * Math.abs(delta) + 1e-9);
      }),
      { numRuns: runs(300) },
    );
  });

  it('should give the pick\u2019s own half-width as the QA run saw it: minutes, not milliseconds', () => {
    const half = differenceHalfWidth(pick, same)! * YEAR;
    expect(downtimeStep(half)).toBe(3600);
  });
});
