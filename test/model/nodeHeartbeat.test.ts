/** The NotReady arithmetic: last renewal, monitor checks, NotReady time and kubelet phases, by hand and as properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/kernel/index.js';
import { kubeletPhases, lastRenewal, nextCheck, notReadyAt } from '../../src/model/nodeHeartbeat.js';
import { runs } from '../runs.js';

describe('lastRenewal', () => {
  it.each([
    // [phase, interval, t, expected, why]
    [4, 10, 100, 94, 'renewals at 4, 14, ..., 94, 104'],
    [4, 10, 104, 104, 'a renewal at the very instant counts'],
    [0, 10, 100, 100, 'phase 0: the multiples of 10'],
    [7.5, 10, 3, -2.5, 'before the first renewal: one interval before the phase'],
    [2, 20, 45, 42, 'another interval'],
  ])('should give the last renewal of phase %d every %d s at or before %d: %d (%s)', (phase, interval, t, expected) => {
    expect(lastRenewal(phase, interval, t)).toBe(expected);
  });

  it('should lie within one interval before t, on the phase grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1_000_000 }), (p, interval, t) => {
        const phase = (p / 100) * interval;
        const last = lastRenewal(phase, interval, t);
        expect(last).toBeLessThanOrEqual(t);
        expect(t - last).toBeLessThan(interval + 1e-9);
        const k = (last - phase) / interval;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('nextCheck and notReadyAt', () => {
  it.each([
    // [observedFrom, now, expected, why]
    [94, 100, 145, 'grace ends at 144: the check at 145'],
    [95, 100, 145, 'grace ends on a check: that check'],
    [97.5, 100, 150, 'grace ends at 147.5: the check at 150'],
    [100, 400, 400, 'long overdue when the controller can act again at 400: at once, 400 being a check'],
    [100, 401, 405, 'overdue at 401: the next check'],
  ])('should mark a node last heard of at %d, looked at %d, NotReady at %d (%s)', (observedFrom, now, expected) => {
    expect(notReadyAt(observedFrom, 50, 5, now)).toBe(expected);
  });

  it('should give the first check at or after t, on the period grid', () => {
    fc.assert(
      // Times in whole milliseconds, as the scenarios give them (a subnormal t would round c - t up to the period).
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 30 }), (ms, period) => {
        const t = ms / 1000;
        const c = nextCheck(t, period);
        expect(c).toBeGreaterThanOrEqual(t);
        expect(c - t).toBeLessThan(period);
        expect(c % period).toBe(0);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('kubeletPhases', () => {
  it('should draw one phase a kubelet in [0, interval), the same for the same stream name and seed', () => {
    const a = kubeletPhases(createStream(1, 'r0/kubelet/prod'), 50, 10);
    expect(a).toHaveLength(50);
    for (const p of a) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(10);
    }
    expect(kubeletPhases(createStream(1, 'r0/kubelet/prod'), 50, 10)).toEqual(a);
    expect(kubeletPhases(createStream(2, 'r0/kubelet/prod'), 50, 10)).not.toEqual(a);
  });

  it('should pin the first phases of seed 1, replication 0, cluster prod (a change of them is deliberate)', () => {
    const first = Array.from(kubeletPhases(createStream(1, 'r0/kubelet/prod'), 3, 10), (p) => Math.round(p * 1000) / 1000);
    expect(first).toEqual(PINNED);
  });
});

/** worker-1's renewal at 00:09:51.806 in test/explain/expected/az-partition.txt is this 1.806. */
const PINNED = [1.806, 2.662, 6.83];
