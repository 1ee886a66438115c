/** Places chart labels beside their points so that no two overlap, and none covers a point: a greedy search over a few spots. */

export interface LabelSpot {
  /** Offset from the point, in pixels (y down). */
  readonly dx: number;
  readonly dy: number;
  readonly align: 'left' | 'right';
}

/** Pixels per character of an 11 px sans-serif label: DejaVu Sans, the widest common fallback of the font stack, averages 7.5 on "members=7" (6.4 let neighbouring labels overlap). */
const CHAR_PX = 7.6;
const HALF_HEIGHT = 7;
const POINT_RADIUS = 7;

/** Right-above first (the usual spot), then right-below, left-above, left-below, then further out. */
const SPOTS: LabelSpot[] = [12, 26, 40, 54].flatMap((d, k) => [
  { dx: 9, dy: -(d - 2 * k), align: 'left' as const },
  { dx: 9, dy: d - 2 * k, align: 'left' as const },
  { dx: -9, dy: -(d - 2 * k), align: 'right' as const },
  { dx: -9, dy: d - 2 * k, align: 'right' as const },
]);

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * For each point (pixel position, label text) in the order given (the most important first), the
 * first spot whose label box overlaps no label placed before, no point and stays inside the plot
 * (width × height, with a little room above and below); when every spot collides, the one with
 * the fewest collisions (the first of those). Deterministic: the same input, the same spots.
 */
export function placeLabels(points: readonly { readonly x: number; readonly y: number; readonly text: string }[], width: number, height: number): LabelSpot[] {
  const dots: Box[] = points.map((p) => ({ x0: p.x - POINT_RADIUS, x1: p.x + POINT_RADIUS, y0: p.y - POINT_RADIUS, y1: p.y + POINT_RADIUS }));
  const placed: Box[] = [];
  return points.map((p) => {
    const w = p.text.length * CHAR_PX;
    let best: { spot: LabelSpot; box: Box; hits: number } | null = null;
    for (const spot of SPOTS) {
      const x0 = spot.align === 'left' ? p.x + spot.dx : p.x + spot.dx - w;
      const box = { x0, x1: x0 + w, y0: p.y + spot.dy - HALF_HEIGHT, y1: p.y + spot.dy + HALF_HEIGHT };
      const outside = box.x0 < -4 || box.x1 > width + 4 || box.y0 < -16 || box.y1 > height + 16 ? 1 : 0;
      const hits = outside + placed.filter((b) => overlaps(b, box)).length + dots.filter((b) => overlaps(b, box)).length;
      if (best === null || hits < best.hits) best = { spot, box, hits };
      if (hits === 0) break;
    }
    placed.push(best!.box);
    return best!.spot;
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
