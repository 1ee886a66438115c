/** Turns one component's outages inside an observation window into up and down periods. */
import type { Observation } from '../Observation.js';

export interface Outage {
  readonly start: number;
  /** Undefined: still open at the end of the window. */
  readonly end: number | undefined;
  /** Where the outage was read, for messages. */
  readonly line: number;
}

export interface Periods {
  readonly up: Observation[];
  readonly down: Observation[];
}

/**
 * The outages must be sorted, inside the window and not overlap (checked by the reader). Up
 * periods run between outages, and the last one, to the window's end, is right-censored; an open
 * outage is a censored down period. The up period before the first outage is left out: it began
 * before the window, at a time nobody knows, and a period that spans the window's start is
 * length-biased (long periods are more likely to span it), so taking it as a censored time to
 * failure would stretch the fit. Periods of length 0 are left out too.
 */
export function outagePeriods(outages: readonly Outage[], window: readonly [number, number]): Periods {
  const up: Observation[] = [];
  const down: Observation[] = [];
  let upSince: number | undefined;
  for (const o of outages) {
    if (upSince !== undefined && o.start > upSince) up.push({ value: o.start - upSince, censored: false });
    const end = o.end ?? window[1];
    if (end > o.start) down.push({ value: end - o.start, censored: o.end === undefined });
    upSince = end;
  }
  if (upSince !== undefined && window[1] > upSince) up.push({ value: window[1] - upSince, censored: true });
  return { up, down };
}
