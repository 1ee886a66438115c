import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoClasses, paretoFront, type ParetoPoint } from '../../src/report/paretoFront.js';

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

describe('paretoClasses', () => {
  const arbPoints = fc.array(
    fc.record({ label: fc.constant('x'), cost: fc.integer({ min: 1, max: 6 }), availability: fc.constantFrom(0.9, 0.99, 0.999, 0.9999) }),
    { maxLength: 8 },
  );

  it('should be paretoFront exactly when two availabilities differ whenever they are unequal', () => {
    fc.assert(
      fc.property(arbPoints, (points) => {
        const front = new Set(paretoFront(points));
        paretoClasses(points).forEach((c, i) => expect(c === 'front').toBe(front.has(points[i]!)));
      }),
    );
  });

  it('should call a dearer point no better than a cheaper one, not beaten, when their gap is noise', () => {
    // The sweep's case: 3, 5, 7 and 9 members indistinguishable, 7 and 9 a hair above 5 on the mean.
    const points = [p('1', 100, 0.9977), p('3', 101, 0.99993), p('5', 102, 0.999929), p('7', 103, 0.999931), p('9', 104, 0.999932)];
    const noise = (a: ParetoPoint, b: ParetoPoint) => Math.abs(a.availability - b.availability) > 0.00001;
    expect(paretoClasses(points, noise)).toEqual(['front', 'front', 'matched', 'matched', 'matched']);
    // On the means alone, 7 and 9 would be on the front and 5 beaten:
    expect(paretoClasses(points)).toEqual(['front', 'front', 'beaten', 'front', 'front']);
  });

  it('should still beat a point that another as cheap is measurably better than', () => {
    const points = [p('a', 1, 0.9999), p('b', 2, 0.99)];
    expect(paretoClasses(points, () => true)).toEqual(['front', 'beaten']);
    expect(paretoClasses(points, () => false)).toEqual(['front', 'matched']);
  });

  it('should never put a point on the front that a cheaper-or-equal one measurably beats, whatever the test', () => {
    fc.assert(
      fc.property(arbPoints, fc.func(fc.boolean()), (points, f) => {
        const differs = (a: ParetoPoint, b: ParetoPoint) => a.availability !== b.availability && f(Math.min(a.availability, b.availability), Math.max(a.availability, b.availability));
        const classes = paretoClasses(points, differs);
        points.forEach((q, i) => {
          const beatenBy = points.some((r, j) => j !== i && r.cost <= q.cost && r.availability > q.availability && differs(r, q));
          expect(classes[i] === 'beaten').toBe(beatenBy);
          if (classes[i] === 'front') expect(points.some((r, j) => j !== i && r.cost < q.cost && !differs(r, q))).toBe(false);
        });
      }),
    );
  });
});
