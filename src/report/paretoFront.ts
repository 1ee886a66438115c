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
