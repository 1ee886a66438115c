/** Rows of the timeline's component strip: which components get a row, and workers folded together when many fail. */
import type { Interval } from '../traceIntervals.js';

/** Above this many failed workers in one cluster, they share one row (a year of 120 workers would need 120). */
export const MAX_WORKER_ROWS = 6;

/** A worker's name; group 1 is its cluster. */
export const WORKER = /^(.*)\/worker-\d+$/;

export interface ComponentLanes {
  readonly lanes: readonly string[];
  readonly down: readonly Interval[];
  /** Workers with no row of their own: never down, or folded into `<cluster>/workers`. */
  readonly foldedOrHidden: number;
}

/**
 * Datacenters first, then components in the trace's order (workers that never went down left
 * out), then anything else that went down, then the partition row. In a cluster where more than
 * MAX_WORKER_ROWS workers went down, every worker's spans move to one `<cluster>/workers` row,
 * placed where its first worker was, with the worker's name kept in the detail.
 */
export function componentLanes(components: readonly string[], datacenters: readonly string[], down: readonly Interval[], partitionLane: string): ComponentLanes {
  const everDown = new Set(down.map((d) => d.lane));
  const failedWorkers = new Map<string, number>();
  for (const lane of everDown) {
    const m = WORKER.exec(lane);
    if (m) failedWorkers.set(m[1]!, (failedWorkers.get(m[1]!) ?? 0) + 1);
  }
  const folded = new Set([...failedWorkers].filter(([, n]) => n > MAX_WORKER_ROWS).map(([c]) => c));
  const rowOf = (lane: string): string => {
    const m = WORKER.exec(lane);
    return m && folded.has(m[1]!) ? `${m[1]}/workers` : lane;
  };
  const lanes: string[] = [...datacenters];
  let foldedOrHidden = 0;
  for (const c of components) {
    const row = rowOf(c);
    if (row !== c || (WORKER.test(c) && !everDown.has(c))) foldedOrHidden++;
    if (row !== c || !WORKER.test(c) || everDown.has(c)) if (!lanes.includes(row)) lanes.push(row);
  }
  const moved = down.map((d) => {
    const row = rowOf(d.lane);
    return row === d.lane ? d : { ...d, lane: row, detail: `${d.lane}; ${d.detail}` };
  });
  for (const d of moved) if (!lanes.includes(d.lane) && d.lane !== partitionLane) lanes.push(d.lane);
  if (everDown.has(partitionLane)) lanes.push(partitionLane);
  return { lanes, down: moved, foldedOrHidden };
}
