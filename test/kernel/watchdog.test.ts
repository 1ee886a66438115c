import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventStormError, MAX_SAME_INSTANT, Simulation } from '../../src/kernel/index.js';

describe('Simulation watchdog', () => {
  it('throws EventStormError when time stops moving, naming the instant', () => {
    const sim = new Simulation();
    const again = (s: Simulation) => void s.schedule(0, again);
    sim.at(5, again);
    expect(() => sim.run(10)).toThrow(EventStormError);
    expect(sim.now).toBe(5);
    expect(sim.eventsProcessed).toBeGreaterThanOrEqual(MAX_SAME_INSTANT);
    expect(sim.eventsProcessed).toBeLessThan(MAX_SAME_INSTANT + (2 << 20));
  });

  it('lets many events run at one instant when time then moves on', () => {
    const sim = new Simulation();
    let n = 0;
    // 3 million events at t=1, then one at t=2: a burst, not a storm.
    const burst = (s: Simulation) => {
      if (++n < 3_000_000) s.schedule(0, burst);
      else s.schedule(1, () => {});
    };
    sim.at(1, burst);
    sim.run();
    expect(sim.now).toBe(2);
    expect(sim.eventsProcessed).toBe(3_000_001);
  });

  it('stops at the event limit and resumes where it stopped, as one uninterrupted run would', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 80 }), (delays, limit) => {
        const order = (stopAt?: number) => {
          const sim = new Simulation();
          const seen: number[] = [];
          delays.forEach((d, i) => sim.schedule(d, (s) => void seen.push(i, s.now)));
          if (stopAt !== undefined) {
            sim.eventLimit = stopAt;
            sim.run(50);
            expect(sim.limitReached).toBe(sim.eventsProcessed === stopAt && seen.length / 2 === stopAt && delays.filter((d) => d < 50).length > stopAt);
            expect(sim.eventsProcessed).toBeLessThanOrEqual(stopAt);
            sim.eventLimit = Infinity;
          }
          sim.run(50);
          expect(sim.limitReached).toBe(false);
          return seen;
        };
        expect(order(limit)).toEqual(order());
      }),
    );
  });

  it('does not report the limit as reached when the queue ran dry first', () => {
    const sim = new Simulation();
    sim.schedule(1, () => {});
    sim.eventLimit = 1;
    sim.run(10);
    expect(sim.limitReached).toBe(false);
    expect(sim.now).toBe(10);
  });
});
