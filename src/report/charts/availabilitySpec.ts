/** Availability of each signal with its 95% confidence interval, on an axis of nines (3 = 99.9%). */
import type { TopLevelSpec } from 'vega-lite';
import type { SignalSummary, Summary } from '../../experiment/Summary.js';
import { evidenceOf, valueWithTag } from '../evidence.js';
import { formatInterval, formatNines, formatPercent, ninesOf } from '../format.js';
import { orderedSignals } from '../signalTable.js';
import { CHART_WIDTH, CONFIG, POINT_COLOR, ninesLabelExpr, type Encoding, type UnitChild } from './theme.js';

/** One estimate to draw: a signal of a cluster (the group), optionally of one configuration (the series). */
export interface AvailabilityPoint {
  readonly group: string;
  readonly signal: string;
  /** The configuration it belongs to, when several are compared; colours and offsets the points. */
  readonly series?: string;
  readonly mean: number;
  /** Null without an interval (one replication): the point gets no bar. */
  readonly ci95: readonly [number, number] | null;
  /** The whole signal, when known: a bound is drawn instead of the mean, and the trust tag and method go into the label and tooltip. */
  readonly summary?: SignalSummary;
}

/** The points of one summary: every signal of every cluster, then the global signals. */
export function availabilityPoints(summary: Summary, series?: string): AvailabilityPoint[] {
  const groups = [...Object.entries(summary.clusters).map(([name, c]) => [name, c.signals] as const), ['global', summary.global.signals] as const];
  return groups.flatMap(([group, signals]) =>
    orderedSignals(signals).map(([signal, s]) => ({ group, signal, mean: s.availability.mean, ci95: s.availability.ci95, summary: s, ...(series === undefined ? {} : { series }) })),
  );
}

export interface AvailabilityOptions {
  readonly title?: string;
  readonly width?: number;
}

/**
 * Dots at the mean with bars over the 95% CI, one row per signal, one panel per cluster. The axis
 * is -log10(1 - availability), so 99.99% and 99.999% sit a whole unit apart and stay readable;
 * its ticks are labelled as percentages. A signal never seen down is drawn at its 95% lower bound
 * as a triangle pointing right (the truth is at least that), labelled "≥ 99.9997%"; one with no
 * bound either at the right edge, labelled "never down". No CI (one replication): no bar. The
 * label carries the trust tag ("99.991%, few outages (4)"), the tooltip its reason.
 */
export function availabilitySpec(points: readonly AvailabilityPoint[], options: AvailabilityOptions = {}): TopLevelSpec {
  // A point with a bound is drawn at the bound: the mean of a signal never seen down is 1 and says nothing.
  const at = (p: AvailabilityPoint): number => p.summary?.bound?.availability ?? p.mean;
  const finite = points.flatMap((p) => [at(p), ...(p.summary?.bound ? [] : (p.ci95 ?? []))]).filter((a) => a < 1).map(ninesOf);
  const lo = Math.max(0, Math.floor(Math.min(...finite, 2)));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(...finite, lo + 1) + 0.25));
  const clamp = (a: number): number => Math.min(hi, Math.max(lo, a >= 1 ? hi : ninesOf(a)));
  const values = points.map((p) => {
    const e = p.summary ? evidenceOf(p.summary) : undefined;
    const bounded = p.summary?.bound != null;
    const ci = bounded ? null : p.ci95;
    const value = e ? e.value : formatPercent(p.mean);
    return {
      group: p.group,
      signal: p.signal,
      series: p.series ?? '',
      nines: clamp(at(p)),
      lower: clamp(Math.max(0, ci?.[0] ?? at(p))),
      upper: clamp(Math.min(1, ci?.[1] ?? at(p))),
      shape: bounded ? 'bound' : at(p) >= 1 ? 'never down' : 'estimate',
      availability: value,
      ci: e ? e.interval : formatInterval(p.ci95),
      ninesText: e ? e.nines : formatNines(p.mean >= 1 ? null : ninesOf(p.mean)),
      trust: e ? (e.tag === '' ? 'ok' : `${e.tag}: ${e.reason}`) : 'ok',
      label: !bounded && at(p) >= 1 ? 'never down' : e ? valueWithTag(e) : formatPercent(p.mean),
    };
  });
  const groups = [...new Set(points.map((p) => p.group))];
  const multi = points.some((p) => p.series !== undefined);
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  // The signals in their order, given outright: the bar layer leaves some out, and the union of
  // the layers' domains would otherwise put those last.
  const order = [...new Set(points.map((p) => p.signal))];
  const y: NonNullable<Encoding['y']> = { field: 'signal', type: 'nominal', sort: order, axis: { title: null, labelLimit: 200, minExtent: 110 } };
  const x: NonNullable<Encoding['x']> = {
    field: 'nines',
    type: 'quantitative',
    scale: { domain: [lo, hi], nice: false, zero: false },
    axis: { title: 'Availability (in nines: 3 = 99.9%, 4 = 99.99%)', values: ticks, labelExpr: ninesLabelExpr(ticks), grid: true },
  };
  const seriesEnc: Encoding = multi
    ? { color: { field: 'series', type: 'nominal', title: 'Configuration', sort: null }, yOffset: { field: 'series', sort: null } }
    : {};
  const tooltip: NonNullable<Encoding['tooltip']> = [
    { field: 'group', title: 'Cluster' },
    { field: 'signal', title: 'Signal' },
    ...(multi ? [{ field: 'series', title: 'Configuration' }] : []),
    { field: 'availability', title: 'Availability' },
    { field: 'ci', title: '95% CI' },
    { field: 'ninesText', title: 'Nines' },
    { field: 'trust', title: 'Trust' },
  ];
  const layers: UnitChild[] = [
    {
      // No bar where there is no interval (one replication) or only a bound.
      transform: [{ filter: 'datum.lower < datum.upper' }],
      mark: { type: 'rule', strokeWidth: 2, ...(multi ? {} : { color: '#5f6368' }) },
      encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' }, tooltip, ...seriesEnc },
    },
    {
      mark: { type: 'point', filled: true, size: 70, opacity: 1, ...(multi ? {} : { color: POINT_COLOR }) },
      encoding: {
        y,
        x,
        shape: { field: 'shape', type: 'nominal', scale: { domain: ['estimate', 'bound', 'never down'], range: ['circle', 'triangle-right', 'triangle-right'] }, legend: null },
        tooltip,
        ...seriesEnc,
      },
    },
  ];
  if (!multi) {
    layers.push({
      mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11, color: '#3c4043' },
      encoding: { y, x: { field: 'nines', type: 'quantitative' }, text: { field: 'label' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'Availability by signal',
      subtitle: 'Mean over replications with its 95% confidence interval (▶: a 95% lower bound, no outage seen); further right is better',
    },
    config: CONFIG,
    data: { values },
    resolve: { scale: { y: 'independent' } },
    spacing: 16,
    vconcat: groups.map((group) => ({
      title: { text: group, fontSize: 13, fontWeight: 600, anchor: 'start', frame: 'group', offset: 6 },
      width: options.width ?? CHART_WIDTH,
      height: { step: multi ? 9 : 24 },
      transform: [{ filter: { field: 'group', equal: group } }],
      layer: layers,
    })),
  };
}
