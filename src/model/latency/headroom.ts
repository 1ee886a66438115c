/** Headroom: the worker count at which an etcd cluster's leader saturates, or its write p99 passes an objective, solved on the load model. */
import { etcdPerformance, ETCD_MODEL_ASSUMPTIONS, type EtcdInput, type EtcdModelAssumptions } from './etcdPerformance.js';

/** A worker count the load model reaches a limit at, and the write rate it offers there. */
export interface HeadroomPoint {
  readonly workers: number;
  readonly writesPerSecond: number;
}

export interface Headroom {
  /** Where the offered writes equal the leader's capacity (utilisation 1): beyond it the queue grows without bound. */
  readonly saturation: HeadroomPoint;
  /**
   * Where the write p99 equals the objective: `reached` (below saturation, always), `unreachable`
   * when the commit delay alone (no queue, no workers) is over it, null without an objective.
   */
  readonly objective: ({ readonly kind: 'reached' } & HeadroomPoint) | { readonly kind: 'unreachable'; readonly floorMs: number } | null;
}

/** Relative precision the worker counts are solved to: far below anything a planner reads. */
export const HEADROOM_TOLERANCE = 1e-10;

/**
 * Solves, for one etcd cluster as `input` describes it (its worker count is ignored), the worker
 * counts of saturation and of the p99 objective. Both by bisection on the model itself (not on
 * the grid of a sweep, and without inverting its formulas by hand): the offered load grows with
 * the workers and the p99 grows with the load, so each has one crossing. Workers are real
 * numbers here; a planner rounds down.
 */
export function headroom(input: EtcdInput, objectiveMs: number | null, a: EtcdModelAssumptions = ETCD_MODEL_ASSUMPTIONS): Headroom {
  const at = (workers: number) => etcdPerformance({ ...input, load: { ...input.load, workers } }, a);
  const point = (workers: number): HeadroomPoint => ({ workers, writesPerSecond: at(workers).load.total });
  const saturationWorkers = solveIncreasing((w) => at(w).utilisation - 1);
  const saturation = point(saturationWorkers);
  if (objectiveMs === null) return { saturation, objective: null };
  const p99 = (w: number) => {
    const e = at(w);
    return e.write.kind === 'ok' ? e.write.p99Ms : Infinity;
  };
  const floorMs = p99(0);
  if (floorMs > objectiveMs) return { saturation, objective: { kind: 'unreachable', floorMs } };
  const workers = solveIncreasing((w) => p99(w) - objectiveMs, saturationWorkers);
  return { saturation, objective: { kind: 'reached', ...point(workers) } };
}

/**
 * The x >= 0 where a non-decreasing f crosses 0 (0 when f(0) >= 0 already): the bracket doubles
 * from 1 (or starts at `hi`, where f must be >= 0 or Infinity) until it holds the crossing, then
 * is halved until HEADROOM_TOLERANCE relative. Returns the bracket's low end, where f < 0: the
 * last worker count still within the limit.
 */
export function solveIncreasing(f: (x: number) => number, hi?: number): number {
  if (f(0) >= 0) return 0;
  let lo = 0;
  let top = hi ?? 1;
  for (let i = 0; i < 200 && f(top) < 0; i++) [lo, top] = [top, top * 2];
  for (let i = 0; i < 400 && top - lo > HEADROOM_TOLERANCE * top; i++) {
    const mid = (lo + top) / 2;
    if (f(mid) < 0) lo = mid;
    else top = mid;
  }
  return lo;
}
