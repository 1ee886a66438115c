/** Shared look of every chart: fonts, colours, sizes, and the time unit an axis reads in. */
import type { Config, TopLevelSpec } from 'vega-lite';
import { DAY, HOUR, MINUTE, type SimTime } from '../../kernel/index.js';

export const UP_COLOR = '#59a14f';
export const DOWN_COLOR = '#e15759';
export const MUTED_COLOR = '#9aa0a6';
/** Estimates and single series. */
export const POINT_COLOR = '#4e79a7';
/** Width of a chart's plot area, in pixels: the page's column is about 1030 px wide. */
export const CHART_WIDTH = 760;

/** Font stack of the page (no web fonts: the report opens offline). */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 8,
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#5f6368', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500, gridColor: '#e8eaed', domainColor: '#bdc1c6', tickColor: '#bdc1c6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500 },
  header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12 },
  view: { stroke: '#e8eaed' },
  range: { category: { scheme: 'tableau10' } },
};

export interface TimeUnit {
  /** Seconds per unit. */
  readonly seconds: number;
  /** The unit's name, for axis titles: "minutes", "hours", "days". */
  readonly name: string;
}

/** The unit a time axis of this length reads best in: minutes up to 2 h, hours up to 3 days, then days. */
export function timeUnitFor(span: SimTime): TimeUnit {
  if (span <= 2 * HOUR) return { seconds: MINUTE, name: 'minutes' };
  if (span <= 3 * DAY) return { seconds: HOUR, name: 'hours' };
  return { seconds: DAY, name: 'days' };
}

/**
 * A Vega expression that reads a number of seconds (`datum.value`) as a short duration, for log
 * axes of outage lengths: 45 -> "45s", 600 -> "10m", 7200 -> "2h", 172800 -> "2d".
 */
export const DURATION_LABEL_EXPR =
  "datum.value < 1 ? format(datum.value * 1000, '~r') + 'ms' : datum.value < 60 ? format(datum.value, '~r') + 's' : " +
  "datum.value < 3600 ? format(datum.value / 60, '~r') + 'm' : datum.value < 86400 ? format(datum.value / 3600, '~r') + 'h' : " +
  "format(datum.value / 86400, '~r') + 'd'";

/** Tick values for a log axis of durations in seconds: round durations people know. */
export const DURATION_TICKS = [0.1, 1, 10, 60, 600, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400];

/** A label expression for integer nines as percentages: 0 -> "0%", 1 -> "90%", 4 -> "99.99%". */
export function ninesLabelExpr(ticks: readonly number[]): string {
  const label = (k: number): string => (k === 0 ? '0%' : k === 1 ? '90%' : `99${k > 2 ? `.${'9'.repeat(k - 2)}` : ''}%`);
  return ticks.reduceRight((rest, k) => `datum.value == ${k} ? '${label(k)}' : ${rest}`, 'datum.label');
}

/** Parts of a spec, named from vega-lite's public TopLevelSpec (its inner types are not a stable export). */
export type ConcatChild = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];
export type LayerChild = Extract<ConcatChild, { layer: unknown }>['layer'][number];
export type UnitChild = Extract<LayerChild, { mark: unknown }>;
export type Encoding = NonNullable<UnitChild['encoding']>;
