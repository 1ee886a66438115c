import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TickClock } from '../../../src/model/raft/TickClock.js';
import { runs } from '../../runs.js';

describe('TickClock', () => {
  const clock = new TickClock(0.1, 1);

  it('should take a tick time for that tick, never the one before, however far into a run (up to 10,000 years)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 3_200_000_000_000 }), (phase, k) => {
        expect(clock.firstTickAfter(phase, clock.tickTime(phase, k))).toBe(k + 1);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('should find the first tick strictly after a time between ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (phase, k, f) => {
        const t = clock.tickTime(phase, k) + f * clock.interval;
        expect(clock.firstTickAfter(phase, t)).toBe(k + 1);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('should count a reset counter to its timeout in whole ticks', () => {
    // Reset exactly on tick 5 of phase 0.03: ten ticks later is tick 15.
    const origin = clock.tickTime(0.03, 5);
    expect(clock.reach(0.03, origin, 10)).toBeCloseTo(clock.tickTime(0.03, 15), 12);
    // Advanced by 8 of 10 ticks (a restart that heard two peers): two ticks remain.
    expect(clock.reach(0.03, origin, 10, 8)).toBeCloseTo(clock.tickTime(0.03, 7), 12);
  });
});
