import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimedHeap } from '../../../src/kernel/_internals/TimedHeap.js';
import { runs } from '../../runs.js';

type Op = { kind: 'push'; time: number } | { kind: 'pop' } | { kind: 'replaceTop'; time: number };

/** Times from a small set, so that many entries share a time and the tie rule is exercised. */
const time = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: time.map((t) => ({ kind: 'push' as const, time: t })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 1, arbitrary: time.map((t) => ({ kind: 'replaceTop' as const, time: t })) },
);

/** The second, simpler computation: a list kept sorted by (time, sequence) with a linear insert. */
class SortedList {
  private readonly items: { time: number; seq: number; payload: number }[] = [];
  private nextSeq = 0;
  push(time: number, payload: number): number {
    const seq = this.nextSeq++;
    let i = this.items.length;
    while (i > 0 && this.items[i - 1]!.time > time) i--;
    this.items.splice(i, 0, { time, seq, payload });
    return seq;
  }
  pop(): { time: number; seq: number; payload: number } | undefined {
    return this.items.shift();
  }
  get size(): number {
    return this.items.length;
  }
}

/** The earliest entry, read from slot 0 as Simulation's loop reads it. */
function top<H>(q: TimedHeap<H>): { time: number; seq: number; payload: number; handler: H | undefined } {
  return { time: q.times[0]!, seq: q.seqs[0]!, payload: q.payloads[0]!, handler: q.handlers[0] };
}

describe('TimedHeap', () => {
  it('should pop in (time, push order) like a sorted reference, for any pushes, pops and replaceTops', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 2, max: 8 }), (ops, capacity) => {
        // Arrange
        const q = new TimedHeap<string>(capacity);
        const ref = new SortedList();
        const popped: [number, number, number][] = [];
        const expected: [number, number, number][] = [];
        let payload = 0;
        // Act
        for (const o of ops) {
          if (o.kind === 'push') {
            expect(q.push(o.time, 'h', payload)).toBe(ref.push(o.time, payload));
            payload++;
          } else if (ref.size > 0) {
            popped.push([top(q).time, top(q).seq, top(q).payload]);
            const e = ref.pop()!;
            expected.push([e.time, e.seq, e.payload]);
            if (o.kind === 'pop') q.pop();
            else {
              expect(q.replaceTop(o.time, 'h', payload)).toBe(ref.push(o.time, payload));
              payload++;
            }
          }
          expect(q.count).toBe(ref.size);
        }
        while (ref.size > 0) {
          popped.push([top(q).time, top(q).seq, top(q).payload]);
          q.pop();
          const e = ref.pop()!;
          expected.push([e.time, e.seq, e.payload]);
        }
        // Assert
        expect(popped).toEqual(expected);
        expect(q.count).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });

  it('should keep first-in-first-out order among equal times', () => {
    // Arrange
    const q = new TimedHeap<string>(2);
    for (let i = 0; i < 100; i++) q.push(i % 2 === 0 ? 5 : 3, `h${i}`, i);
    // Act
    const order: number[] = [];
    while (q.count > 0) {
      order.push(top(q).payload);
      q.pop();
    }
    // Assert
    const odds = [...Array(50).keys()].map((k) => 2 * k + 1);
    const evens = [...Array(50).keys()].map((k) => 2 * k);
    expect(order).toEqual([...odds, ...evens]);
  });

  it('should hand back the handler pushed with each entry', () => {
    // Arrange
    const q = new TimedHeap<() => string>();
    q.push(2, () => 'late');
    q.push(1, () => 'early');
    // Act
    const first = top(q).handler!();
    q.pop();
    const second = top(q).handler!();
    // Assert
    expect([first, second]).toEqual(['early', 'late']);
  });

  it('should refuse to pop or replace the top of an empty heap', () => {
    // Arrange
    const q = new TimedHeap<string>();
    // Act / Assert
    expect(() => q.pop()).toThrow(new Error('TimedHeap.pop: the heap is empty'));
    expect(() => q.replaceTop(1, 'h')).toThrow(new Error('TimedHeap.replaceTop: the heap is empty'));
  });

  it('should release the handlers it no longer holds, on pop and on clear', () => {
    // Arrange: handlers are references; a slot past `count` must not keep one alive.
    const q = new TimedHeap<string>(4);
    q.push(1, 'a');
    q.push(2, 'b');
    q.push(3, 'c');
    // Act
    q.pop();
    const afterPop = [...q.handlers];
    q.clear();
    // Assert
    expect(afterPop).toEqual(['b', 'c', undefined, undefined]);
    expect(q.handlers).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('should number entries from 0 and keep numbering after clear', () => {
    // Arrange
    const q = new TimedHeap<string>();
    // Act
    const a = q.push(1, 'h');
    const b = q.push(1, 'h');
    q.clear();
    const c = q.push(1, 'h');
    // Assert
    expect([a, b, c, q.count, q.nextSeq]).toEqual([0, 1, 2, 1, 3]);
  });
});
