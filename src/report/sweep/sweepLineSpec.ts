/** A line per series over the swept x values: the shape of every sweep chart but the Pareto one. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, CONFIG, POINT_COLOR, type Encoding, type UnitChild } from '../charts/theme.js';

export interface LineDatum {
  readonly x: string;
  /** The panel the point is drawn in ('' without facets). */
  readonly facet?: string;
  readonly series: string;
  /** The plotted value; points with `off` set are drawn at the top edge with that text instead. */
  readonly y: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly off?: string;
  /** A short label drawn above the point ("never down"). */
  readonly note?: string;
  /** Tooltip text for the value. */
  readonly text: string;
}

type YEncoding = Extract<NonNullable<Encoding['y']>, { scale?: unknown; axis?: unknown }>;
type YScale = NonNullable<YEncoding['scale']>;

export interface LineOptions {
  readonly title: string;
  readonly subtitle: string;
  readonly xTitle: string;
  readonly xValues: readonly string[];
  readonly yTitle: string;
  readonly yScale: YScale;
  /** Extra axis settings (tick values, label expression). */
  readonly yAxis?: Omit<NonNullable<YEncoding['axis']>, 'title'>;
  readonly seriesTitle: string;
  /** One panel per value of this path, in `facetValues` order; none when absent. */
  readonly facetTitle?: string;
  readonly facetValues?: readonly string[];
}

/** Dash patterns beside the colours, so that no two lines of a panel look alike even in grey. */
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [3, 5]];

/**
 * x is ordinal, in the order swept (1, 3, 5, 7, 9 members read left to right); one coloured line
 * per series with its points, an error rule where `lower`/`upper` are given, a grey `note` above
 * a point, and any `off` point as a red label at the top (saturated etcd has no latency to draw).
 */
export function sweepLineSpec(data: readonly LineDatum[], o: LineOptions): TopLevelSpec {
  const seriesValues = [...new Set(data.map((d) => d.series))];
  const multi = seriesValues.length > 1;
  const values = data.map((d) => ({ ...d, facet: d.facet ?? '', lower: d.lower ?? d.y, upper: d.upper ?? d.y, off: d.off ?? '', note: d.note ?? '' }));
  const facets = o.facetValues ?? [];
  const x: NonNullable<Encoding['x']> = { field: 'x', type: 'ordinal', sort: [...o.xValues], axis: { title: o.xTitle, labelAngle: 0 } };
  const y: NonNullable<Encoding['y']> = { field: 'y', type: 'quantitative', scale: o.yScale, axis: { title: o.yTitle, ...(o.yAxis ?? {}) } };
  // Colour and dash both by series: the legend shows each line's own pair, never cut short.
  const legend = { labelLimit: 0, orient: facets.length > 0 ? 'top' : 'right', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 } as const;
  const color: Encoding = multi ? { color: { field: 'series', type: 'nominal', title: o.seriesTitle, sort: seriesValues, legend } } : {};
  // The same field, title and legend as the colour: vega-lite draws one legend with both.
  const dash: Encoding = multi ? { strokeDash: { field: 'series', type: 'nominal', title: o.seriesTitle, sort: seriesValues, scale: { domain: seriesValues, range: seriesValues.map((_, i) => DASHES[i % DASHES.length]!) }, legend } } : {};
  const tooltip: NonNullable<Encoding['tooltip']> = [
    { field: 'x', title: o.xTitle },
    ...(multi ? [{ field: 'series', title: o.seriesTitle }] : []),
    { field: 'text', title: o.yTitle },
  ];
  const on = { filter: "datum.off == ''" };
  const layers: UnitChild[] = [
    { transform: [on], mark: { type: 'line', strokeWidth: 2, ...(multi ? {} : { color: POINT_COLOR }) }, encoding: { x, y, ...color, ...dash } },
    { transform: [on], mark: { type: 'point', filled: true, size: 60, opacity: 1, ...(multi ? {} : { color: POINT_COLOR }) }, encoding: { x, y, tooltip, ...color } },
  ];
  // No bar where there is no interval (one replication, a bound, a model figure); no layer at all
  // when no point has one (an empty layer leaves the browser an infinite extent to warn about).
  if (values.some((v) => v.off === '' && v.lower < v.upper)) {
    layers.splice(1, 0, {
      transform: [{ filter: "datum.off == '' && datum.lower < datum.upper" }],
      mark: { type: 'rule', strokeWidth: 1.5, ...(multi ? {} : { color: POINT_COLOR }) },
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, ...color },
    });
  }
  if (values.some((v) => v.note !== '')) {
    layers.push({
      transform: [{ filter: "datum.note != '' && datum.off == ''" }],
      mark: { type: 'text', fontSize: 10, color: '#5f6368', baseline: 'bottom', dy: -6 },
      encoding: { x, y, text: { field: 'note' } },
    });
  }
  if (values.some((v) => v.off !== '')) {
    layers.push({
      transform: [{ filter: "datum.off != ''" }],
      mark: { type: 'text', color: '#d93025', fontWeight: 600, fontSize: 11, baseline: 'top', dy: 2 },
      encoding: { x, y: { value: 0 }, text: { field: 'off' }, tooltip },
    });
  }
  if (facets.length > 0) {
    // Panels side by side, two rows of two for four: each about as wide as the page allows.
    const columns = facets.length === 4 ? 2 : Math.min(facets.length, 3);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: o.title, subtitle: o.subtitle },
      config: CONFIG,
      data: { values },
      facet: { field: 'facet', type: 'ordinal', sort: [...facets], title: null, header: { labelExpr: `'${(o.facetTitle ?? '').replace(/'/g, "\\'")}=' + datum.value` } },
      columns,
      spec: { width: Math.floor((CHART_WIDTH + 120 - 70 * columns) / columns), height: 220, layer: layers },
      resolve: { scale: { y: 'shared' } },
    } as TopLevelSpec;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title, subtitle: o.subtitle },
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: 300,
    data: { values },
    layer: layers,
  };
}
