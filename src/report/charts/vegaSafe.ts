/**
 * Makes a chart spec safe for vega when a user's name is a JavaScript built-in (`constructor`).
 *
 * Why: vega looks up literal strings of a spec (titles, text, sort orders, filter values) in
 * plain objects of its own (its signals), so a title or filter value `constructor` finds
 * Object.prototype.constructor and the chart fails ("Operator not defined: undefined"). Such a
 * string gets a zero-width space appended: the chart shows the same text, and every place the
 * name occurs (data, filters, titles) changes alike, so they still match each other.
 */
import type { Chart } from '../reportCharts.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Whether vega would mistake the string for one of its own entries: a name Object.prototype has. */
export function collidesInVega(text: string): boolean {
  return text in Object.prototype;
}

/** A copy of a spec (any JSON value) with every colliding string value changed; keys stay as they are. */
export function vegaSafe<T>(value: T): T {
  if (typeof value === 'string') return (collidesInVega(value) ? value + ZERO_WIDTH_SPACE : value) as T;
  if (Array.isArray(value)) return value.map(vegaSafe) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: vegaSafe(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

/** The chart with its spec made safe. */
export function vegaSafeChart(chart: Chart): Chart {
  return { ...chart, spec: vegaSafe(chart.spec) };
}
