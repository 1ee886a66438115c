/** The Pareto front of configurations: none of them is both cheaper and more available than another. */

export interface ParetoPoint {
  /** Monthly cost: lower is better. */
  readonly cost: number;
  /** Availability (0..1): higher is better. */
  readonly availability: number;
}

/**
 * The points no other point dominates, cheapest first. A point dominates another when it costs no
 * more and is no less available, and is strictly better in one of the two. Equal points do not
 * dominate each other, so both stay on the front. A point with a NaN or infinite cost, or a NaN
 * availability, is never on the front (and dominates nothing).
 */
export function paretoFront<T extends ParetoPoint>(points: readonly T[]): T[] {
  const valid = points.filter((p) => Number.isFinite(p.cost) && !Number.isNaN(p.availability));
  // Cheapest first; at equal cost the most available first. Then a point is on the front when it
  // beats every cheaper point's availability, or exactly ties the last point taken (the front's
  // last point always holds the best availability so far).
  const sorted = [...valid].sort((a, b) => a.cost - b.cost || b.availability - a.availability);
  const front: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    const last = front[front.length - 1];
    const tiesLast = last !== undefined && p.cost === last.cost && p.availability === last.availability;
    if (tiesLast || p.availability > best) {
      front.push(p);
      best = p.availability;
    }
  }
  return front;
}

/** Where a point stands against the others: on the front, beaten, or no better than a cheaper one. */
export type ParetoClass = 'front' | 'beaten' | 'matched';

/**
 * The front as far as the figures can tell. `differs(a, b)` says whether two availabilities
 * differ at the precision they were estimated to (default: exactly unequal). A point is
 * `beaten` when another costs no more and is measurably more available; `matched` when, not
 * beaten, another costs less and is not measurably less available (paying more buys nothing
 * measurable); else on the `front`. With the default this is paretoFront's classic dominance
 * (beaten or matched = dominated); with a significance test, noise does not decide. Points with
 * a NaN or infinite cost, or a NaN availability, are `beaten` and beat nothing.
 */
export function paretoClasses<T extends ParetoPoint>(points: readonly T[], differs: (a: T, b: T) => boolean = (a, b) => a.availability !== b.availability): ParetoClass[] {
  const valid = (p: T) => Number.isFinite(p.cost) && !Number.isNaN(p.availability);
  return points.map((p, i) => {
    if (!valid(p)) return 'beaten';
    const others = points.filter((q, j) => j !== i && valid(q));
    if (others.some((q) => q.cost <= p.cost && q.availability > p.availability && differs(q, p))) return 'beaten';
    if (others.some((q) => q.cost < p.cost && (q.availability >= p.availability || !differs(q, p)))) return 'matched';
    return 'front';
  });
}
