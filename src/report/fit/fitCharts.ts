/**
 * The charts of a fit: the Kaplan–Meier estimate (the empirical CDF when nothing is censored)
 * against each fitted family's CDF, and a Q–Q plot of the best family, both on log time axes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatDuration } from '../../kernel/index.js';
import { FAMILIES, FAMILY_NAMES } from '../../fit/families/index.js';
import type { DurationFit } from '../../fit/fitDurations.js';
import { kaplanMeier } from '../../fit/kaplanMeier.js';
import type { Observation } from '../../fit/Observation.js';
import { CONFIG, DURATION_LABEL_EXPR, DURATION_TICKS, POINT_COLOR } from '../charts/theme.js';

type Fitted = Extract<DurationFit, { status: 'fitted' }>;

/** Round durations for the ticks of a log axis, up to ten years. */
const TICKS = [...DURATION_TICKS, 90 * 86400, 365 * 86400, 3650 * 86400];
/** Points of each fitted curve, spaced evenly on the log axis. */
const CURVE_POINTS = 120;
const WIDTH = 340;
const HEIGHT = 260;

function logAxis(title: string, lo: number, hi: number) {
  return { title, values: TICKS.filter((t) => t >= lo && t <= hi), labelExpr: DURATION_LABEL_EXPR, grid: true };
}

/** The range of the observations, widened by a tenth of a decade on each side. */
function range(observations: readonly Observation[]): [number, number] {
  return widen(observations.map((o) => o.value));
}

/** The range of the positive finite values (no spread of arrays into arguments: there may be 100,000), widened. */
function widen(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo / 1.26, hi * 1.26];
}

export function cdfSpec(title: string, d: Fitted, observations: readonly Observation[]): TopLevelSpec {
  const [lo, hi] = range(observations);
  const km = kaplanMeier(observations.filter((o) => o.value > 0));
  const steps = [{ seconds: lo, p: 0, length: formatDuration(lo) }, ...km.map((s) => ({ seconds: s.time, p: s.after, length: formatDuration(s.time) }))];
  const curves = FAMILY_NAMES.flatMap((name) => {
    const fit = d.fits.find((f) => f.family === name)!;
    return Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
      const seconds = lo * Math.pow(hi / lo, i / CURVE_POINTS);
      return { family: name === d.best ? `${name} (best)` : name, seconds, p: FAMILIES[name].cdf(fit.params, seconds) };
    });
  });
  const x = { field: 'seconds', type: 'quantitative' as const, scale: { type: 'log' as const, domain: [lo, hi], nice: false }, axis: logAxis('Duration (log scale)', lo, hi) };
  const y = { field: 'p', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: 'P(duration ≤ x)', format: '.0%' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: censoredCount(observations) > 0 ? 'Steps: Kaplan–Meier estimate (censored periods counted). Lines: fitted CDFs.' : 'Steps: empirical CDF. Lines: fitted CDFs.' },
    config: CONFIG,
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: curves },
        mark: { type: 'line', strokeWidth: 1.6, clip: true },
        encoding: { x, y, color: { field: 'family', type: 'nominal', legend: { title: 'Fitted', orient: 'bottom', direction: 'horizontal' } }, strokeDash: { field: 'family', type: 'nominal' } },
      },
      {
        data: { values: steps },
        mark: { type: 'line', interpolate: 'step-after', color: '#202124', strokeWidth: 2, point: { filled: true, size: 14, color: '#202124' } },
        encoding: { x, y, tooltip: [{ field: 'length', title: 'Duration' }, { field: 'p', title: 'Estimated F', format: '.1%' }] },
      },
    ],
  };
}

/**
 * Observed event times against the best family's quantiles at the Kaplan–Meier plotting
 * positions (the midpoint of each step): points on the diagonal mean the family fits.
 */
export function qqSpec(title: string, d: Fitted, observations: readonly Observation[]): TopLevelSpec {
  const fit = d.fits[0]!;
  const family = FAMILIES[fit.family];
  const points = kaplanMeier(observations.filter((o) => o.value > 0)).map((s) => {
    const q = family.quantile(fit.params, (s.before + s.after) / 2);
    return { observed: s.time, fitted: q, length: formatDuration(s.time), quantile: formatDuration(q) };
  });
  const [lo, hi] = widen(points.flatMap((p) => [p.observed, p.fitted]));
  const scale = { type: 'log' as const, domain: [lo, hi], nice: false };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: `Observed against ${fit.family} quantiles; on the diagonal, the fit is right.` },
    config: CONFIG,
    width: HEIGHT,
    height: HEIGHT,
    layer: [
      {
        data: { values: [{ a: lo, b: lo }, { a: hi, b: hi }] },
        mark: { type: 'line', color: '#9aa0a6', strokeDash: [4, 3] },
        encoding: { x: { field: 'a', type: 'quantitative', scale }, y: { field: 'b', type: 'quantitative', scale } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 28, color: POINT_COLOR },
        encoding: {
          x: { field: 'fitted', type: 'quantitative', scale, axis: logAxis(`${fit.family} quantile (log scale)`, lo, hi) },
          y: { field: 'observed', type: 'quantitative', scale, axis: logAxis('Observed (log scale)', lo, hi) },
          tooltip: [{ field: 'length', title: 'Observed' }, { field: 'quantile', title: 'Fitted quantile' }],
        },
      },
    ],
  };
}

function censoredCount(observations: readonly Observation[]): number {
  return observations.filter((o) => o.censored && o.value > 0).length;
}
