/** Availability against monthly cost, one point per configuration, with the Pareto front drawn through the best. */
import type { TopLevelSpec } from 'vega-lite';
import type { SignalSummary } from '../../experiment/Summary.js';
import { evidenceOf } from '../evidence.js';
import { formatInterval, formatMoney, formatNines, formatPercent, ninesOf } from '../format.js';
import { compareAvailability } from '../../experiment/sweep/index.js';
import { paretoClasses } from '../paretoFront.js';
import { placeLabels } from './placeLabels.js';
import { CHART_WIDTH, CONFIG, MUTED_COLOR, POINT_COLOR, ninesLabelExpr, type Encoding } from './theme.js';

/** Pale blue (tableau's light blue): like the front, but not worth its cost. */
const MATCHED_COLOR = '#7aa6d0';

const FRONT = 'on the Pareto front';
/** The legend of a point off the Pareto front: another configuration costs no more and is measurably more available. */
const OFF_FRONT = 'beaten on cost and availability';
/** Not beaten, but a cheaper configuration is not measurably less available: paying more buys nothing measurable. */
const MATCHED = 'no measurable gain over a cheaper one';
const LEGEND = { front: FRONT, beaten: OFF_FRONT, matched: MATCHED } as const;

export interface CostAvailabilityPoint {
  readonly label: string;
  /** Monthly cost in `currency`. */
  readonly cost: number;
  readonly availability: number;
  readonly ci95?: readonly [number, number] | null;
  /** The whole signal, when known: drawn at its bound when no outage was seen; its trust tag and method go into the tooltip. */
  readonly summary?: SignalSummary;
}

export interface CostVsAvailabilityOptions {
  readonly currency?: string;
  /** What the availability measures, for the axis title: "apiWrite of prod". */
  readonly signal?: string;
  readonly title?: string;
  readonly width?: number;
}

/**
 * Whether two points' availabilities differ at the precision they were estimated to: the sweep's
 * significance test (compareAvailability, 95%) when both carry their summary, else exact inequality.
 */
function differs(a: CostAvailabilityPoint, b: CostAvailabilityPoint): boolean {
  return a.summary && b.summary ? compareAvailability(a.summary, b.summary).significant : a.availability !== b.availability;
}

/**
 * x: monthly cost; y: nines of availability (ticks labelled as percentages). Points on the Pareto
 * front (no other configuration costs no more and is measurably more available, none costs less
 * and is as available within the noise) are filled and joined by a line; beaten ones are hollow
 * and grey, those no better than a cheaper one hollow and pale blue, so that a gap the
 * significance test calls noise never decides the front. Never-down points sit at the top edge.
 */
export function costVsAvailabilitySpec(points: readonly CostAvailabilityPoint[], options: CostVsAvailabilityOptions = {}): TopLevelSpec {
  const currency = options.currency ?? 'USD';
  const classes = paretoClasses(points, differs);
  const at = (p: CostAvailabilityPoint): number => p.summary?.bound?.availability ?? p.availability;
  const finite = points.flatMap((p) => [at(p), ...(p.summary?.bound ? [] : (p.ci95 ?? []))]).filter((a) => a < 1 && a > 0).map(ninesOf);
  const lo = Math.max(0, Math.floor(Math.min(...finite, 3) - 0.25));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(...finite, lo + 1) + 0.25));
  const clamp = (a: number): number => Math.min(hi, Math.max(lo, a >= 1 ? hi : ninesOf(a)));
  const values = points.map((p, i) => {
    const e = p.summary ? evidenceOf(p.summary) : undefined;
    const ci = p.summary?.bound ? null : (p.ci95 ?? null);
    return {
      label: p.label,
      cost: p.cost,
      nines: clamp(at(p)),
      lower: clamp(ci?.[0] ?? at(p)),
      upper: clamp(ci?.[1] ?? at(p)),
      // Not 'dominated': that word is a trust tag on the same page (a few outages hold the downtime).
      front: LEGEND[classes[i]!],
      costText: formatMoney(p.cost, currency),
      availabilityText: e ? e.value : formatPercent(p.availability),
      ciText: e ? e.interval : p.ci95 ? formatInterval(p.ci95) : '—',
      ninesText: e ? e.nines : formatNines(p.availability >= 1 ? null : ninesOf(p.availability)),
      trust: e ? (e.tag === '' ? 'ok' : `${e.tag}: ${e.reason}`) : 'ok',
    };
  });
  const line = values.filter((v) => v.front === FRONT).sort((a, b) => a.cost - b.cost);
  // Labels where they overlap nothing: the front's first (cheapest first), then the dominated.
  const width = options.width ?? CHART_WIDTH - 120;
  const height = 320;
  const domain = costDomain(points.map((p) => p.cost));
  const px = (cost: number) => ((cost - domain[0]) / (domain[1] - domain[0])) * width;
  const py = (nines: number) => (1 - (nines - lo) / (hi - lo)) * height;
  const order = values.map((_, i) => i).sort((a, b) => Number(values[a]!.front !== FRONT) - Number(values[b]!.front !== FRONT) || values[a]!.cost - values[b]!.cost || a - b);
  const spots = placeLabels(order.map((i) => ({ x: px(values[i]!.cost), y: py(values[i]!.nines), text: values[i]!.label })), width, height);
  const labels = order.map((i, k) => {
    const v = values[i]!;
    const s = spots[k]!;
    return { label: v.label, front: v.front, align: s.align, cost: v.cost + (s.dx * (domain[1] - domain[0])) / width, nines: v.nines - (s.dy * (hi - lo)) / height };
  });
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  // No nice rounding of the domain: the labels were placed on this exact scale.
  const x: NonNullable<Encoding['x']> = { field: 'cost', type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: { title: `Cost per month (${currency})`, format: ',.0f' } };
  const y: NonNullable<Encoding['y']> = {
    field: 'nines',
    type: 'quantitative',
    scale: { domain: [lo, hi], nice: false, zero: false },
    axis: { title: `Availability${options.signal ? ` of ${options.signal}` : ''} (nines)`, values: ticks, labelExpr: ninesLabelExpr(ticks) },
  };
  // One entry a line, never truncated: the labels are sentences, wider than vega's 160 px default.
  const color = {
    field: 'front',
    type: 'nominal',
    scale: { domain: [FRONT, MATCHED, OFF_FRONT], range: [POINT_COLOR, MATCHED_COLOR, MUTED_COLOR] },
    legend: { title: null, orient: 'bottom', direction: 'vertical', labelLimit: 1000 },
  } as const;
  const tooltip: NonNullable<Encoding['tooltip']> = [
    { field: 'label', title: 'Configuration' },
    { field: 'costText', title: 'Cost per month' },
    { field: 'availabilityText', title: 'Availability' },
    { field: 'ciText', title: '95% CI' },
    { field: 'ninesText', title: 'Nines' },
    { field: 'trust', title: 'Trust' },
    { field: 'front', title: 'Pareto' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'Availability against cost',
      subtitle: 'Up is more available, left is cheaper; the line joins the configurations no other one measurably beats on both (95%)',
    },
    config: CONFIG,
    width,
    height,
    layer: [
      { data: { values: line }, mark: { type: 'line', color: POINT_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x, y } },
      // No bar where there is no interval (one replication) or only a bound.
      ...(values.some((v) => v.lower < v.upper)
        ? [{ data: { values }, transform: [{ filter: 'datum.lower < datum.upper' }], mark: { type: 'rule' as const, strokeWidth: 1.5 }, encoding: { x, y: { field: 'lower', type: 'quantitative' as const }, y2: { field: 'upper' }, color } }]
        : []),
      {
        data: { values },
        transform: [{ filter: `datum.front != '${FRONT}'` }],
        mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1, filled: false, fill: 'white' },
        encoding: { x, y, color, tooltip },
      },
      {
        data: { values },
        transform: [{ filter: `datum.front == '${FRONT}'` }],
        mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1, filled: true },
        encoding: { x, y, color, tooltip },
      },
      // Labels at the spots placeLabels found (in data units, so the axes carry them), left- or right-aligned.
      ...(['left', 'right'] as const).map((align) => ({
        data: { values: labels },
        transform: [{ filter: `datum.align == '${align}'` }],
        mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: 11 },
        encoding: { x, y, text: { field: 'label' }, color },
      })),
    ],
  };
}

/** The cost axis: the points with 8% of their spread on each side (5% of the value when they are equal), never below 0. */
function costDomain(costs: readonly number[]): [number, number] {
  const finite = costs.filter((c) => Number.isFinite(c));
  if (finite.length === 0) return [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = max > min ? 0.08 * (max - min) : Math.max(0.05 * Math.abs(max), 1);
  return [Math.max(0, min - pad), max + pad];
}
