import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DowntimeLedger, type LedgerSignal } from '../../../src/model/causes/DowntimeLedger.js';

/** Cause ids of the hand-checked timelines: two faults, one random cause, two mechanisms. */
const A = 0;
const B = 1;
const RANDOM = 2;
const ELECTION = 3;
const RESCHEDULING = 4;
const CAUSES = 5;

/** A signal whose state and mechanism the test sets, reading scopes 0 and `scope`. */
function scripted(scope = 1) {
  const state = { down: false, mechanism: ELECTION };
  const signal: LedgerSignal = { scopes: [0, scope], isDown: () => state.down, mechanism: () => state.mechanism };
  return { state, signal };
}

/** A ledger row as a plain array (every number in these timelines is exact in binary). */
const row = (xs: Float64Array) => [...xs];

describe('DowntimeLedger', () => {
  it('should give all of an outage to the one cause in effect', () => {
    // Arrange: fault A from 100 s to 200 s; the signal down from 100 s to 200 s.
    const s = scripted();
    const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
    // Act
    ledger.hold([0], A, 1, 100);
    ledger.flush(100);
    s.state.down = true;
    ledger.hold([0], A, -1, 200);
    ledger.flush(200);
    s.state.down = false;
    ledger.flush(1000);
    // Assert: 100 s, all to A.
    expect(row(ledger.seconds[0]!)).toEqual([100, 0, 0, 0, 0]);
  });

  it('should split overlapping causes evenly, and give each its time alone', () => {
    // Arrange, by hand: A holds 0-60 s, B holds 40-100 s, the signal is down 10-90 s.
    //   10-40: A alone, 30 s to A; 40-60: A and B, 10 s each; 60-90: B alone, 30 s to B.
    //   A = 40 s, B = 40 s, total 80 s = the downtime.
    const s = scripted();
    const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
    // Act
    ledger.hold([0], A, 1, 0);
    ledger.flush(10);
    s.state.down = true;
    ledger.hold([0], B, 1, 40);
    ledger.hold([0], A, -1, 60);
    ledger.flush(90);
    s.state.down = false;
    ledger.hold([0], B, -1, 100);
    // Assert
    expect(row(ledger.seconds[0]!)).toEqual([40, 40, 0, 0, 0]);
  });

  it("should give the recovery after every cause ended to the signal's mechanism of the moment", () => {
    // Arrange, by hand: A holds 0-50 s; the signal is down 0-80 s: electing until 65 s, then
    // rescheduling. A gets 50 s, the election 15 s, rescheduling 15 s.
    const s = scripted();
    const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
    // Act
    ledger.hold([0], A, 1, 0);
    s.state.down = true;
    ledger.hold([0], A, -1, 50);
    ledger.flush(65);
    s.state.mechanism = RESCHEDULING;
    ledger.flush(80);
    s.state.down = false;
    ledger.flush(100);
    // Assert
    expect(row(ledger.seconds[0]!)).toEqual([50, 0, 0, 15, 15]);
  });

  it("should count a random cause only for the signals whose scopes it holds in", () => {
    // Arrange: two signals down 0-100 s, one reading scope 1, the other scope 2; a random
    // failure holds in scope 2 from 20 s to 70 s.
    const one = scripted(1);
    const two = scripted(2);
    const ledger = new DowntimeLedger(CAUSES, 3, [one.signal, two.signal]);
    one.state.down = true;
    two.state.down = true;
    // Act
    ledger.hold([2], RANDOM, 1, 20);
    ledger.hold([2], RANDOM, -1, 70);
    ledger.flush(100);
    // Assert: the first signal saw no cause (all to its mechanism); the second, 50 s to it.
    expect(row(ledger.seconds[0]!)).toEqual([0, 0, 0, 100, 0]);
    expect(row(ledger.seconds[1]!)).toEqual([0, 0, 50, 50, 0]);
  });

  it('should count a cause held twice once, until both holds end', () => {
    // Arrange: two random failures of the same role, 0-50 s and 30-80 s, and fault A 0-80 s;
    // the signal is down 0-80 s: RANDOM and A share it all, 40 s each.
    const s = scripted();
    const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
    s.state.down = true;
    // Act
    ledger.hold([0], A, 1, 0);
    ledger.hold([1], RANDOM, 1, 0);
    ledger.hold([1], RANDOM, 1, 30);
    ledger.hold([1], RANDOM, -1, 50);
    ledger.hold([1], RANDOM, -1, 80);
    ledger.hold([0], A, -1, 80);
    s.state.down = false;
    ledger.flush(100);
    // Assert
    expect(row(ledger.seconds[0]!)).toEqual([40, 0, 40, 0, 0]);
  });

  it("should attribute exactly the signal's downtime, whatever the causes and states", () => {
    // A random timeline of holds, releases, state changes and flushes: the causes add up to
    // the down time measured the simple way (the sum of the down spans).
    const step = fc.record({
      dt: fc.integer({ min: 0, max: 50 }),
      what: fc.constantFrom('hold', 'release', 'down', 'up', 'mechanism', 'flush'),
      cause: fc.integer({ min: 0, max: 2 }),
      scope: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        // Arrange
        const s = scripted(1);
        const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
        const held = new Map<string, number>();
        let t = 0;
        let down = 0;
        let since = 0;
        // Act
        for (const x of steps) {
          t += x.dt;
          const key = `${x.scope}/${x.cause}`;
          if (x.what === 'hold') {
            ledger.hold([x.scope], x.cause, 1, t);
            held.set(key, (held.get(key) ?? 0) + 1);
          } else if (x.what === 'release' && (held.get(key) ?? 0) > 0) {
            ledger.hold([x.scope], x.cause, -1, t);
            held.set(key, held.get(key)! - 1);
          } else if (x.what === 'down' || x.what === 'up') {
            ledger.flush(t);
            if (s.state.down) down += t - since;
            s.state.down = x.what === 'down';
            since = t;
          } else if (x.what === 'mechanism') {
            ledger.flush(t);
            s.state.mechanism = s.state.mechanism === ELECTION ? RESCHEDULING : ELECTION;
          } else ledger.flush(t);
        }
        ledger.flush(t + 10);
        if (s.state.down) down += t + 10 - since;
        // Assert
        const total = ledger.seconds[0]!.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(down, 9);
        expect(ledger.seconds[0]!.every((x) => x >= 0)).toBe(true);
      }),
    );
  });

  it('should attribute as if every hold ended a span, though holds that change no held set do not', () => {
    // A naive ledger, written out here: at every hold and every change of state, the span just
    // ended goes to the causes held (count > 0) in the signal's scopes, in equal shares, or to
    // its mechanism. The ledger skips the holds that change no count's sign (the 14th worker
    // down); its shares must agree to rounding.
    const step = fc.record({
      dt: fc.integer({ min: 0, max: 50 }),
      what: fc.constantFrom('hold', 'hold', 'release', 'release', 'down', 'up', 'mechanism'),
      cause: fc.integer({ min: 0, max: 2 }),
      scope: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        // Arrange
        const s = scripted(1);
        const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
        const counts = new Map<string, number>();
        const naive = new Array<number>(CAUSES).fill(0);
        let t = 0;
        let since = 0;
        const naiveFlush = () => {
          const span = t - since;
          since = t;
          if (!s.state.down || span <= 0) return;
          const held = [0, 1, 2].filter((k) => (counts.get(`0/${k}`) ?? 0) > 0 || (counts.get(`1/${k}`) ?? 0) > 0);
          if (held.length === 0) naive[s.state.mechanism]! += span;
          for (const k of held) naive[k]! += span / held.length;
        };
        // Act
        for (const x of steps) {
          t += x.dt;
          const key = `${x.scope}/${x.cause}`;
          const c = counts.get(key) ?? 0;
          if (x.what === 'hold' || (x.what === 'release' && c > 0)) {
            const d = x.what === 'hold' ? 1 : -1;
            naiveFlush();
            counts.set(key, c + d);
            ledger.hold([x.scope], x.cause, d, t);
          } else if (x.what === 'down' || x.what === 'up' || x.what === 'mechanism') {
            naiveFlush();
            ledger.flush(t);
            if (x.what === 'mechanism') s.state.mechanism = s.state.mechanism === ELECTION ? RESCHEDULING : ELECTION;
            else s.state.down = x.what === 'down';
          }
        }
        t += 10;
        naiveFlush();
        ledger.flush(t);
        // Assert
        const got = row(ledger.seconds[0]!);
        for (let k = 0; k < CAUSES; k++) expect(got[k]).toBeCloseTo(naive[k]!, 9);
      }),
    );
  });

  it('should skip the signals while its owner says none is down, and read them again once one may be', () => {
    // Arrange: a signal down from 0 s; the owner says "none down" over 0-50 s (as it would if
    // the signal were up), then "some down".
    const s = scripted();
    const ledger = new DowntimeLedger(CAUSES, 3, [s.signal]);
    s.state.down = true;
    // Act
    ledger.signalsChanged(false);
    ledger.flush(50);
    ledger.signalsChanged(true);
    ledger.flush(80);
    // Assert: only the 30 s after the owner said one may be down, to the mechanism.
    expect(row(ledger.seconds[0]!)).toEqual([0, 0, 0, 30, 0]);
  });
});
