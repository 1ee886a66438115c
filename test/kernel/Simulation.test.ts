import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, RandomStreams, Simulation, sample, type Distribution, type Handler } from '../../src/kernel/index.js';
import { runs } from '../runs.js';

/**
 * A random "program": initial events, and for each event (by the order it was scheduled) the
 * follow-ups its handler schedules and the events it cancels. Delays come from a small set so
 * that many events share a time.
 */
interface Plan {
  readonly delays: readonly number[];
  readonly cancels: readonly number[];
}
interface Program {
  readonly initial: readonly number[];
  readonly initialCancels: readonly number[];
  readonly plans: readonly Plan[];
  readonly untils: readonly number[];
}
const delay = fc.constantFrom(0, 0, 1, 1, 2.5, 7);
const program: fc.Arbitrary<Program> = fc.record({
  initial: fc.array(fc.constantFrom(0, 0, 1, 2, 2, 3.5, 10), { minLength: 1, maxLength: 20 }),
  initialCancels: fc.array(fc.nat(), { maxLength: 5 }),
  plans: fc.array(
    fc.record({ delays: fc.array(delay, { maxLength: 3 }), cancels: fc.array(fc.nat(), { maxLength: 2 }) }),
    { minLength: 1, maxLength: 10 },
  ),
  untils: fc.array(fc.constantFrom(0, 1, 2, 2.5, 5, 8, 20), { maxLength: 4 }),
});
const MAX_EVENTS = 200;

/** Runs the program on the kernel; returns (event number, time) in the order events ran. */
function runKernel(p: Program): [number, number][] {
  const sim = new Simulation();
  const ids: number[] = [];
  const log: [number, number][] = [];
  const handler: Handler = (s, k) => {
    log.push([k, s.now]);
    const plan = p.plans[k % p.plans.length]!;
    for (const d of plan.delays) if (ids.length < MAX_EVENTS) ids.push(s.schedule(d, handler, ids.length));
    for (const c of plan.cancels) s.cancel(ids[c % ids.length]!);
  };
  for (const t of p.initial) ids.push(sim.at(t, handler, ids.length));
  for (const c of p.initialCancels) sim.cancel(ids[c % ids.length]!);
  for (const u of [...p.untils].sort((a, b) => a - b)) sim.run(u);
  sim.run();
  return log;
}

/** The same program on a deliberately naive simulator: a list scanned for the (time, order) minimum. */
function runReference(p: Program): [number, number][] {
  const events: { time: number; k: number; state: 'waiting' | 'done' | 'cancelled' }[] = [];
  const log: [number, number][] = [];
  const schedule = (time: number) => events.push({ time, k: events.length, state: 'waiting' });
  const cancel = (k: number) => {
    if (events[k]!.state === 'waiting') events[k]!.state = 'cancelled';
  };
  for (const t of p.initial) schedule(t);
  for (const c of p.initialCancels) cancel(c % events.length);
  for (;;) {
    let next: (typeof events)[number] | undefined;
    for (const e of events) if (e.state === 'waiting' && (next === undefined || e.time < next.time)) next = e;
    if (next === undefined) break;
    next.state = 'done';
    log.push([next.k, next.time]);
    const plan = p.plans[next.k % p.plans.length]!;
    for (const d of plan.delays) if (events.length < MAX_EVENTS) schedule(next.time + d);
    for (const c of plan.cancels) cancel(c % events.length);
  }
  return log;
}

describe('Simulation', () => {
  it('should run any schedule with any cancels in the order of a naive (time, then scheduling order) reference', () => {
    fc.assert(
      fc.property(program, (p) => {
        // Arrange / Act
        const actual = runKernel(p);
        const expected = runReference(p);
        // Assert
        expect(actual).toEqual(expected);
      }),
      { numRuns: runs(500) },
    );
  });

  it('should never move the clock backwards', () => {
    fc.assert(
      fc.property(program, (p) => {
        // Arrange / Act
        const times = runKernel(p).map(([, t]) => t);
        // Assert
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
      }),
    );
  });

  it('should run events at the same time first-in-first-out, whether from at() or schedule()', () => {
    // Arrange
    const sim = new Simulation();
    const order: number[] = [];
    const record: Handler = (_s, k) => order.push(k);
    sim.at(5, record, 0);
    sim.schedule(5, record, 1);
    sim.at(5, record, 2);
    sim.at(1, (s) => s.schedule(4, record, 3));
    sim.at(5, record, 4);
    // Act
    sim.run();
    // Assert
    expect(order).toEqual([0, 1, 2, 4, 3]);
  });

  it('should run an event scheduled with zero delay after the events already due at that time', () => {
    // Arrange
    const sim = new Simulation();
    const order: string[] = [];
    sim.at(1, (s) => {
      order.push('a');
      s.schedule(0, () => order.push('a+0'));
    });
    sim.at(1, () => order.push('b'));
    // Act
    sim.run();
    // Assert
    expect(order).toEqual(['a', 'b', 'a+0']);
  });

  it('should refuse a time in the past, naming the rule', () => {
    // Arrange
    const sim = new Simulation();
    sim.run(10);
    // Act / Assert
    expect(() => sim.at(9, () => {})).toThrow(
      new RangeError('Simulation.at: time 9 is before now (10); time never goes backwards'),
    );
    expect(() => sim.at(NaN, () => {})).toThrow(new RangeError('Simulation.at: time must be a number, found NaN'));
  });

  it.each([
    [-5, 'Simulation.schedule: delay must be a number >= 0 (time never goes backwards), found -5'],
    [NaN, 'Simulation.schedule: delay must be a number >= 0 (time never goes backwards), found NaN'],
    [-Infinity, 'Simulation.schedule: delay must be a number >= 0 (time never goes backwards), found -Infinity'],
  ])('should refuse the delay %s, naming the rule', (d, message) => {
    // Arrange
    const sim = new Simulation();
    // Act / Assert
    expect(() => sim.schedule(d, () => {})).toThrow(new RangeError(message));
  });

  it.each([1.5, 2 ** 31, -(2 ** 31) - 1, NaN])('should refuse the payload %s, which is not a 32-bit integer', (payload) => {
    // Arrange
    const sim = new Simulation();
    // Act / Assert
    expect(() => sim.schedule(1, () => {}, payload)).toThrow(
      new RangeError(`Simulation: an event payload must be a 32-bit integer (an index), found ${payload}`),
    );
  });

  it('should hand the payload back to the handler, negative ones included', () => {
    // Arrange
    const sim = new Simulation();
    const seen: number[] = [];
    for (const p of [7, -3, 2 ** 31 - 1, -(2 ** 31)]) sim.schedule(1, (_s, x) => seen.push(x), p);
    // Act
    sim.run();
    // Assert
    expect(seen).toEqual([7, -3, 2 ** 31 - 1, -(2 ** 31)]);
  });

  it('should refuse to run until a time before now', () => {
    // Arrange
    const sim = new Simulation();
    sim.run(10);
    // Act / Assert
    expect(() => sim.run(5)).toThrow(new RangeError('Simulation.run: until 5 is before now (10); time never goes backwards'));
    expect(() => sim.run(NaN)).toThrow(new RangeError('Simulation.run: until must be a number, found NaN'));
  });

  it('should stop run(until) before the events at exactly until, set the clock to until, and run them next time', () => {
    // Arrange
    const sim = new Simulation();
    const ran: number[] = [];
    for (const t of [1, 5, 5, 7]) sim.at(t, (s) => ran.push(s.now));
    // Act
    sim.run(5);
    const first = [...ran];
    const clock = sim.now;
    const pending = sim.pending;
    sim.run(6);
    // Assert
    expect(first).toEqual([1]);
    expect(clock).toBe(5);
    expect(pending).toBe(3);
    expect(ran).toEqual([1, 5, 5]);
    expect(sim.now).toBe(6);
  });

  it('should leave the clock at the last event when run() has no horizon', () => {
    // Arrange
    const sim = new Simulation();
    sim.at(3, () => {});
    sim.at(8, () => {});
    // Act
    sim.run();
    // Assert
    expect(sim.now).toBe(8);
    expect(sim.eventsProcessed).toBe(2);
    expect(sim.pending).toBe(0);
  });

  it('should run exactly one event per step() and return false when none is left', () => {
    // Arrange
    const sim = new Simulation();
    const ran: string[] = [];
    sim.at(2, () => ran.push('b'));
    sim.at(1, (s) => {
      ran.push('a');
      s.schedule(0.5, () => ran.push('a2'));
    });
    const cancelled = sim.at(1.2, () => ran.push('never'));
    sim.cancel(cancelled);
    // Act
    const results = [sim.step(), sim.now, sim.step(), sim.now, sim.step(), sim.now, sim.step()];
    // Assert
    expect(results).toEqual([true, 1, true, 1.5, true, 2, false]);
    expect(ran).toEqual(['a', 'a2', 'b']);
    expect(sim.eventsProcessed).toBe(3);
    expect(sim.peek()).toBe(Infinity); // nothing left, not the time of the last event
  });

  it('should skip cancelled events, in peek() and in counts', () => {
    // Arrange
    const sim = new Simulation();
    const ran: number[] = [];
    const a = sim.at(1, () => ran.push(1));
    sim.at(2, () => ran.push(2));
    // Act
    sim.cancel(a);
    const next = sim.peek();
    sim.run();
    // Assert
    expect(next).toBe(2);
    expect(ran).toEqual([2]);
    expect(sim.eventsProcessed).toBe(1);
  });

  it('should make cancelling an event already processed, already cancelled or never scheduled harmless', () => {
    // Arrange
    const sim = new Simulation();
    const ran: string[] = [];
    const a = sim.at(1, () => ran.push('a'));
    sim.run(2);
    // Act
    sim.cancel(a); // processed
    sim.cancel(a); // twice
    for (const bogus of [-1, NaN, 1.5, 1e9, Infinity]) sim.cancel(bogus);
    sim.cancel(a + 1); // ids count up: the next event scheduled would get this one, and must still run
    sim.at(3, () => ran.push('b'));
    sim.at(3, () => ran.push('c'));
    sim.run();
    // Assert
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('should let a handler cancel its own event, and keep memory bounded when processed events are cancelled', () => {
    // Arrange
    const sim = new Simulation();
    let runs = 0;
    let current = -1;
    const tick: Handler = (s) => {
      runs++;
      const running = current;
      current = s.schedule(1, tick);
      s.cancel(running); // the event now running: already processed, so nothing happens
    };
    current = sim.schedule(0, tick);
    // Act
    sim.run(10_000);
    // Assert
    expect(runs).toBe(10_000);
    // The set of cancelled ids is private; read it to check that it does not grow with the run.
    expect((sim as unknown as { cancelled: Set<number> }).cancelled.size).toBeLessThan(100);
  });

  it('should stay consistent when a handler throws', () => {
    // Arrange
    const sim = new Simulation();
    const ran: string[] = [];
    sim.at(1, () => {
      throw new Error('boom');
    });
    sim.at(2, () => ran.push('after'));
    // Act
    const error = (() => {
      try {
        sim.run();
      } catch (e) {
        return (e as Error).message;
      }
      return undefined;
    })();
    const pendingAfterThrow = sim.pending;
    sim.run();
    // Assert
    expect(error).toBe('boom');
    expect(pendingAfterThrow).toBe(1);
    expect(ran).toEqual(['after']);
  });

  it('should count pending events without the one whose handler is running', () => {
    // Arrange
    const sim = new Simulation();
    const seen: number[] = [];
    sim.at(1, (s) => {
      seen.push(s.pending);
      s.schedule(1, () => seen.push(s.pending));
      seen.push(s.pending);
    });
    sim.at(5, () => {});
    // Act
    sim.run();
    // Assert
    expect(seen).toEqual([1, 2, 1]);
  });

  it('should not regress: a short seeded trace of three repairable members is pinned', () => {
    // Arrange: if this fails, simulated results have changed; update only on purpose.
    const sim = new Simulation();
    const streams = new RandomStreams(42);
    const failure: Distribution = { kind: 'exponential', mean: 1000 * HOUR };
    const repair: Distribution = { kind: 'lognormal', median: HOUR, sigma: 1 };
    const up = [true, true, true];
    const trace: string[] = [];
    const onChange: Handler = (s, c) => {
      up[c] = !up[c];
      trace.push(`${s.now} etcd-${c + 1} ${up[c] ? 'up' : 'down'}`);
      s.schedule(sample(up[c] ? failure : repair, streams.get(`etcd-${c + 1}`)), onChange, c);
    };
    for (let c = 0; c < 3; c++) sim.schedule(sample(failure, streams.get(`etcd-${c + 1}`)), onChange, c);
    // Act
    sim.run(3000 * HOUR);
    // Assert
    expect(trace).toEqual([
      '819376.945216197 etcd-3 down',
      '820822.9927688356 etcd-3 up',
      '1104647.413495908 etcd-3 down',
      '1108138.8972160856 etcd-3 up',
      '1168224.2339445336 etcd-3 down',
      '1190156.0933088197 etcd-3 up',
      '3783276.0218873564 etcd-3 down',
      '3785770.121453498 etcd-3 up',
      '5525000.1309413845 etcd-1 down',
      '5528398.46675446 etcd-1 up',
      '6764153.917984051 etcd-1 down',
      '6772053.472633288 etcd-1 up',
      '7825313.202707226 etcd-3 down',
      '7832788.7817570865 etcd-3 up',
    ]);
    expect([sim.now, sim.pending]).toEqual([3000 * HOUR, 3]);
  });
});
