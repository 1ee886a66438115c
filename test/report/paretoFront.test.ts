import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFront, type ParetoPoint } from '../../src/report/paretoFront.js';

/** The second, simpler computation: `a` dominates `b` when it costs no more, is no less available, and is better in one. */
function dominates(a: ParetoPoint, b: ParetoPoint): boolean {
  return a.cost <= b.cost && a.availability >= b.availability && (a.cost < b.cost || a.availability > b.availability);
}

const p = (label: string, cost: number, availability: number) => ({ label, cost, availability });

describe('paretoFront', () => {
  it.each([
    // [points, labels on the front, why]
    [[], [], 'no points, no front'],
    [[p('a', 1, 0.9)], ['a'], 'a lone point is on the front'],
    [[p('a', 1, 0.9), p('b', 2, 0.99)], ['a', 'b'], 'dearer but better: both stay'],
    [[p('a', 1, 0.99), p('b', 2, 0.9)], ['a'], 'dearer and worse: dominated'],
    [[p('a', 1, 0.9), p('b', 1, 0.99)], ['b'], 'same cost, better availability wins'],
    [[p('a', 1, 0.99), p('b', 2, 0.99)], ['a'], 'same availability, cheaper wins'],
    [[p('a', 1, 0.99), p('b', 1, 0.99)], ['a', 'b'], 'equal points do not dominate each other'],
    [[p('c', 3, 0.9999), p('a', 1, 0.99), p('b', 2, 0.999)], ['a', 'b', 'c'], 'the front comes out cheapest first'],
    [[p('a', 1, 0.99), p('b', 2, 0.999), p('x', 2.5, 0.995), p('c', 3, 0.9999)], ['a', 'b', 'c'], 'one dominated point in the middle'],
    [[p('n', NaN, 0.999), p('a', 1, 0.99)], ['a'], 'a point with no cost is never on the front'],
    [[p('n', 1, NaN), p('a', 2, 0.99)], ['a'], 'a point with no availability is never on the front'],
  ])('%# %j -> %j (%s)', (points, labels) => {
    expect(paretoFront(points).map((q) => q.label)).toEqual(labels);
  });

  it('should agree with the definition: kept points are not dominated, dropped ones are', () => {
    const point = fc.record({ cost: fc.integer({ min: 0, max: 20 }), availability: fc.integer({ min: 0, max: 20 }).map((k) => 1 - 10 ** (-k / 4)) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 25 }), (points) => {
        const front = new Set(paretoFront(points));
        for (const q of points) {
          const dominated = points.some((r) => dominates(r, q));
          expect(front.has(q), JSON.stringify({ q, points })).toBe(!dominated);
        }
      }),
    );
  });
});
