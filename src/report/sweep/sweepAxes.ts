/** Which swept path a sweep's charts put on the x axis, and how the other paths name each line. */
import type { SweepPointSummary, SweepSummary } from '../../experiment/sweep/index.js';
import type { Estimate, SignalSummary } from '../../experiment/Summary.js';

export interface SweepAxes {
  /** The path on the x axis: etcd.members when it is swept (the chart's point), else the first. */
  readonly xPath: string;
  readonly x: (p: SweepPointSummary) => string;
  /**
   * The path each chart is faceted by (one panel per value), so that every panel has few lines
   * and a short legend: a given path (the worker count) when there is one beside the x path and
   * another, else the first other path when two or more are left; null when one line per panel
   * needs no facet.
   */
  readonly facetPath: string | null;
  readonly facet: (p: SweepPointSummary) => string;
  /** Every facet value, in the order swept. */
  readonly facetValues: readonly string[];
  /** The remaining paths (after x and the facet), whose values name each line. */
  readonly seriesPaths: readonly string[];
  /** The remaining paths' values (`stacked`; `a=1, b=2` for two), one line each; '' when none is left. */
  readonly series: (p: SweepPointSummary) => string;
  /** The point's design values only (`etcd.members=5`), leaving out the given ones (the load). */
  readonly design: (p: SweepPointSummary) => string;
  /** Every x value, in the order given on the command line (an ordinal axis keeps it). */
  readonly xValues: readonly string[];
}

export function sweepAxes(summary: SweepSummary): SweepAxes {
  const paths = summary.parameters.map((p) => p.path);
  const xPath = paths.find((p) => /(^|\.)etcd\.members$/.test(p)) ?? paths[0] ?? '';
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  const rest = paths.filter((p) => p !== xPath);
  const facetPath = rest.length < 2 ? null : (rest.find((p) => summary.given.includes(p)) ?? rest[0]!);
  const others = rest.filter((p) => p !== facetPath);
  return {
    xPath,
    x: (p) => show(p.values[xPath]),
    facetPath,
    facet: (p) => (facetPath === null ? '' : show(p.values[facetPath])),
    facetValues: facetPath === null ? [] : (summary.parameters.find((p) => p.path === facetPath)?.values ?? []).map(show),
    seriesPaths: others,
    // One other path: its value alone (the legend's title names the path); several: path=value pairs.
    series: (p) => (others.length === 1 ? show(p.values[others[0]!]) : others.map((path) => `${path}=${show(p.values[path])}`).join(', ')),
    design: (p) => {
      const chosen = paths.filter((path) => !summary.given.includes(path));
      return chosen.length === 0 ? p.label : chosen.map((path) => `${path}=${show(p.values[path])}`).join(', ');
    },
    xValues: (summary.parameters.find((p) => p.path === xPath)?.values ?? []).map(show),
  };
}

/** The headline availability of a point: the signal's mean in the first cluster that has it, then the global signals. */
export function headlineAvailability(p: SweepPointSummary, signal: string): Estimate | undefined {
  for (const c of Object.values(p.summary.clusters)) {
    const s = c.signals[signal];
    if (s) return s.availability;
  }
  return p.summary.global.signals[signal]?.availability;
}

/** The headline signal of a point, whole (method, trust, bound): the first cluster that has it, then the global signals. */
export function headlineSummary(p: SweepPointSummary, signal: string): SignalSummary | undefined {
  for (const c of Object.values(p.summary.clusters)) {
    const s = c.signals[signal];
    if (s) return s;
  }
  return p.summary.global.signals[signal];
}

/** The signal a sweep's availability figures show: the first --slo signal, else apiWrite. */
export function headlineSignal(summary: SweepSummary): string {
  return summary.objectives.availability[0]?.signal ?? 'apiWrite';
}

/** The worst cluster's etcd write p99 in ms; null when any cluster's etcd is saturated. */
export function worstWriteP99Ms(p: SweepPointSummary): number | null {
  let worst = 0;
  for (const e of Object.values(p.etcd)) {
    if (e.write.kind === 'saturated') return null;
    worst = Math.max(worst, e.write.p99Ms);
  }
  return worst;
}
