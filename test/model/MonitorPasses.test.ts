/** The node monitor's pending passes: a pooled list per check time, against a plain map of arrays. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonitorPasses } from '../../src/model/MonitorPasses.js';

/** Adds (a worker at one of a few check times) and reads (the pass at one of those times), mixed. */
const operations = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('add' as const), t: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 0, max: 30 }) }),
    fc.record({ op: fc.constant('read' as const), t: fc.integer({ min: 0, max: 12 }) }),
  ),
  { maxLength: 400 },
);

describe('MonitorPasses', () => {
  it('should give each pass its workers in the order added, duplicates and workers in several passes included', () => {
    fc.assert(
      fc.property(operations, (ops) => {
        const passes = new MonitorPasses();
        const plain = new Map<number, number[]>();
        for (const o of ops) {
          if (o.op === 'add') {
            const first = !plain.has(o.t);
            if (first) plain.set(o.t, []);
            plain.get(o.t)!.push(o.w);
            expect(passes.add(o.t * 5, o.w)).toBe(first);
            continue;
          }
          if (!plain.has(o.t)) {
            expect(() => passes.open(o.t * 5)).toThrow(/no pass at/);
            continue;
          }
          passes.open(o.t * 5);
          const read: number[] = [];
          for (let w = passes.take(); w >= 0; w = passes.take()) read.push(w);
          expect(read).toEqual(plain.get(o.t));
          plain.delete(o.t);
        }
      }),
    );
  });

  it('should let a pass being read take new workers at its own time into a new pass', () => {
    const passes = new MonitorPasses();
    passes.add(10, 1);
    passes.add(10, 2);
    passes.open(10);
    expect(passes.take()).toBe(1);
    // Added while pass 10 is read (a node rescheduled to the same instant): a pass of its own.
    expect(passes.add(10, 3)).toBe(true);
    expect(passes.take()).toBe(2);
    expect(passes.take()).toBe(-1);
    passes.open(10);
    expect(passes.take()).toBe(3);
    expect(passes.take()).toBe(-1);
  });
});
