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
 * The outages must be sorted and not overlap (checked by the reader). Up periods run between
 * outages, and the last one, to the window's end, is right-censored; an outage still open at
 * the window's end (or with no end) is a censored down period. Outages wholly outside the window
 * are ignored.
 *
 * What began before the window is left out: the up period before the first outage, and an
 * outage already under way at the window's start. Each began at a time nobody knows, and a
 * period that spans the window's start is length-biased (long periods are more likely to span
 * it), so taking it as a censored duration would stretch the fit. Periods of length 0 are left
 * out too.
 */
export function outagePeriods(outages: readonly Outage[], window: readonly [number, number]): Periods {
  const [from, to] = window;
  const up: Observation[] = [];
  const down: Observation[] = [];
  let upSince: number | undefined;
  for (const o of outages) {
    if ((o.end !== undefined && o.end <= from) || o.start >= to) continue;
    const underWay = o.start < from;
    if (upSince !== undefined && o.start > upSince) up.push({ value: o.start - upSince, censored: false });
    const end = Math.min(o.end ?? to, to);
    if (!underWay && end > o.start) down.push({ value: end - o.start, censored: o.end === undefined || o.end > to });
    upSince = end;
  }
  if (upSince !== undefined && to > upSince) up.push({ value: to - upSince, censored: true });
  return { up, down };
}
