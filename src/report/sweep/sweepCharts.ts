/** The charts of a sweep report: availability, write latency and cost by size, and cost against availability. */
import type { SweepPointSummary, SweepSummary } from '../../experiment/sweep/index.js';
import { costVsAvailabilitySpec } from '../charts/costVsAvailabilitySpec.js';
import { ninesLabelExpr } from '../charts/theme.js';
import { vegaSafeChart } from '../charts/vegaSafe.js';
import { formatMoney, ninesOf } from '../format.js';
import type { Chart } from '../reportCharts.js';
import { evidenceOf } from '../evidence.js';
import { headlineAvailability, headlineSignal, headlineSummary, sweepAxes, worstWriteP99Ms } from './sweepAxes.js';
import { sweepLineSpec, type LineDatum } from './sweepLineSpec.js';
import { formatMs } from './sweepTable.js';
import { headroomChart } from './headroomChart.js';

export function sweepCharts(summary: SweepSummary): Chart[] {
  const axes = sweepAxes(summary);
  const signal = headlineSignal(summary);
  const currency = summary.points[0]?.summary.cost.currency ?? 'USD';
  const seriesTitle = axes.seriesPaths.join(', ') || 'configuration';
  const base = { xTitle: axes.xPath, xValues: axes.xValues, seriesTitle, ...(axes.facetPath === null ? {} : { facetTitle: axes.facetPath, facetValues: axes.facetValues }) };

  // Write p99 on a log axis; saturated points are labelled at the top instead.
  const p99s = summary.points.map((p) => worstWriteP99Ms(p));
  const finiteMs = p99s.filter((v): v is number => v !== null && v > 0);
  const msLo = Math.min(...finiteMs, 1) / 1.5;
  const msHi = Math.max(...finiteMs, 10) * 2;
  const latency: LineDatum[] = summary.points.map((p, i) => {
    const ms = p99s[i]!;
    return { x: axes.x(p), facet: axes.facet(p), series: axes.series(p), y: ms ?? msHi, ...(ms === null ? { off: 'saturated' } : {}), text: formatMs(ms) };
  });

  // Workers are given (the load), and their price swamps the rest: the cost the design changes is the other roles'.
  const cost: LineDatum[] = summary.points.map((p) => {
    const y = designCost(p);
    return { x: axes.x(p), facet: axes.facet(p), series: axes.series(p), y, text: formatMoney(y, currency) };
  });

  // One Pareto chart per group of given values: comparing 100 workers with 5,000 on cost says nothing about etcd.
  const pareto = summary.recommendations.map((g, k): Chart => {
    const points = g.points.flatMap((i) => {
      const p = summary.points[i]!;
      const s = headlineSummary(p, signal);
      return s ? [{ label: shortPaths(axes.design(p)), cost: p.summary.cost.perMonth, availability: s.availability.mean, ci95: s.availability.ci95, summary: s }] : [];
    });
    const title = `${signal} availability against monthly cost${g.label === '' ? '' : ` at ${g.label}`}`;
    return { id: summary.recommendations.length === 1 ? 'cost-vs-availability' : `cost-vs-availability-${k + 1}`, title, spec: costVsAvailabilitySpec(points, { currency, signal, title }) };
  });
  // etcdQuorum beside the headline signal: what more members buy, before anything else (a load
  // balancer, the apiservers) caps the headline.
  const availabilityCharts: Chart[] = [availabilityChart(summary, signal, 'availability-by-size', base)];
  if (signal !== 'etcdQuorum' && summary.points.some((p) => headlineAvailability(p, 'etcdQuorum'))) {
    availabilityCharts.push(availabilityChart(summary, 'etcdQuorum', 'quorum-by-size', base));
  }
  const charts: Chart[] = [
    ...availabilityCharts,
    {
      id: 'write-latency',
      title: `etcd write p99 by ${axes.xPath}`,
      spec: sweepLineSpec(latency, {
        ...base,
        title: `etcd write p99 by ${axes.xPath}`,
        subtitle: 'Model figures (see the assumptions): round trip to the quorum plus fsync plus queueing at the leader; down is better.',
        yTitle: 'Write p99 (ms, log scale)',
        yScale: { type: 'log', domain: [msLo, msHi], nice: false },
      }),
    },
    {
      id: 'cost-by-size',
      title: `Monthly cost of everything but the workers, by ${axes.xPath}`,
      spec: sweepLineSpec(cost, {
        ...base,
        title: `Monthly cost of everything but the workers, by ${axes.xPath}`,
        subtitle: 'Control plane, external etcd and load balancer hosts at the scenario’s hourly prices, 730 hours a month.',
        yTitle: `Cost per month (${currency})`,
        yScale: { zero: true },
        yAxis: { format: ',.0f' },
      }),
    },
    ...pareto,
    ...[headroomChart(summary)].filter((c): c is Chart => c !== null),
  ];
  return charts.map(vegaSafeChart);
}

/** A signal's availability on an axis of nines against the x path; a never-down point sits at the top edge. */
function availabilityChart(summary: SweepSummary, signal: string, id: string, base: { xTitle: string; xValues: readonly string[]; seriesTitle: string; facetTitle?: string; facetValues?: readonly string[] }): Chart {
  const axes = sweepAxes(summary);
  const avail = summary.points.flatMap((p) => {
    const s = headlineSummary(p, signal);
    // A bound's bar runs from the bound to the top: all the chart knows is that the point is above it.
    return s ? [{ p, s, a: s.availability, at: s.bound?.availability ?? s.availability.mean, ci: s.bound ? ([s.bound.availability, 1] as const) : s.availability.ci95 }] : [];
  });
  const finite = avail.flatMap(({ at, ci }) => [at, ...(ci ?? [])]).filter((v) => v > 0 && v < 1).map(ninesOf);
  const lo = Math.max(0, Math.floor(Math.min(...finite, 3) - 0.25));
  // A never-down point without a bound has infinite nines: it sits one nine above the finite ones, labelled.
  const neverDown = avail.some(({ at }) => at >= 1);
  const hi = Math.max(lo + 1, Math.ceil(Math.max(...finite, lo + 1) + 0.25)) + (neverDown ? 1 : 0);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v >= 1 ? hi : ninesOf(v)));
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const data: LineDatum[] = avail.map(({ p, s, at, ci }) => {
    const e = evidenceOf(s);
    // A bound is marked "≥" above the point; a flagged estimate carries its tag.
    const note = at >= 1 ? 'never down' : s.bound ? '≥ (bound)' : e.tag;
    return {
      ...(note === '' ? {} : { note }),
      x: axes.x(p),
      facet: axes.facet(p),
      series: axes.series(p),
      y: clamp(at),
      lower: clamp(ci?.[0] ?? at),
      upper: clamp(ci?.[1] ?? at),
      text: `${e.phrase}${e.tag === '' || s.bound ? '' : `; ${e.tag}`}`,
    };
  });
  const title = `${signal} availability by ${axes.xPath}`;
  return {
    id,
    title,
    spec: sweepLineSpec(data, {
      ...base,
      title,
      subtitle: 'Mean over replications with its 95% confidence interval (≥: a 95% lower bound, no outage seen); up is better. Every point ran with the same seed.',
      yTitle: `${signal} availability (nines)`,
      yScale: { domain: [lo, hi], nice: false, zero: false },
      yAxis: { values: ticks, labelExpr: ninesLabelExpr(ticks) },
    }),
  };
}

/** A point's monthly cost without its workers' hosts. */
export function designCost(p: SweepPointSummary): number {
  let total = 0;
  for (const c of Object.values(p.summary.clusters)) for (const [role, cost] of Object.entries(c.cost.byRole)) if (role !== 'worker') total += cost;
  return Math.round(total * 100) / 100;
}

/** "etcd.members=3, etcd.topology=external" -> "members=3, topology=external": labels short enough to place. */
function shortPaths(label: string): string {
  return label.replace(/(^|, )[^=,]*\.([^.=,]+)=/g, '$1$2=');
}
