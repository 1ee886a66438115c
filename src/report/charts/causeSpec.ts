/** Downtime by cause: one bar per signal that was down, split by the causes of its downtime (docs/downtime-by-cause.md). */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../experiment/Summary.js';
import { formatShare, signalCauses } from '../causeTable.js';
import { formatSeconds } from '../format.js';
import { CHART_WIDTH, CONFIG } from './theme.js';

export interface CauseOptions {
  readonly title?: string;
  readonly width?: number;
}

/**
 * Bars run from 0 to 100% of each signal's downtime, so signals down for seconds and for hours
 * read alike; the downtime per year stands at the end of each bar, and a tooltip gives each
 * cause's seconds per year. Causes keep the summary's order (faults, random failures, then
 * mechanisms) in the bars and the legend. Undefined when no signal was down.
 */
export function causeSpec(summary: Summary, options: CauseOptions = {}): TopLevelSpec | undefined {
  const signals = signalCauses(summary);
  if (signals.length === 0) return undefined;
  const order = causeOrder(summary);
  const bar = (cluster: string, signal: string) => `${cluster}/${signal}`;
  const values = signals.flatMap((s) =>
    s.causes.map((c) => ({
      bar: bar(s.cluster, s.signal),
      cause: c.cause,
      order: order.indexOf(c.cause),
      share: c.share,
      shareText: formatShare(c.share),
      perYear: formatSeconds(c.secondsPerYear),
    })),
  );
  const totals = signals.map((s) => ({ bar: bar(s.cluster, s.signal), end: 1, text: `${formatSeconds(s.secondsPerYear)} / yr` }));
  const bars = totals.map((t) => t.bar);
  const used = order.filter((c) => values.some((v) => v.cause === c));
  const y = { field: 'bar', type: 'nominal', sort: bars, axis: { title: null, labelLimit: 260 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? 'Downtime by cause',
      subtitle: 'Share of each signal’s downtime. Overlapping causes share the time evenly; the time after every cause ended goes to what the signal still waits for.',
    },
    config: CONFIG,
    width: options.width ?? CHART_WIDTH - 140,
    height: { step: 28 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: 18 },
        encoding: {
          y,
          x: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, title: 'Share of the signal’s downtime', axis: { format: '.0%', tickCount: 5 } },
          color: { field: 'cause', type: 'nominal', scale: { domain: used, scheme: used.length <= 10 ? 'tableau10' : 'tableau20' }, legend: { title: 'Cause', orient: 'bottom', columns: 2, labelLimit: 380 } },
          order: { field: 'order' },
          tooltip: [
            { field: 'bar', title: 'Signal' },
            { field: 'cause', title: 'Cause' },
            { field: 'perYear', title: 'Per year' },
            { field: 'shareText', title: 'Share' },
          ],
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#3c4043' },
        encoding: { y, x: { field: 'end', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
}

/** Every cause key in the summary's order (the same for every signal). */
function causeOrder(summary: Summary): string[] {
  const keys = new Set<string>();
  const add = (signals: Summary['global']['signals']) => {
    for (const s of Object.values(signals)) for (const k of Object.keys(s.downtimeByCause ?? {})) keys.add(k);
  };
  for (const c of Object.values(summary.clusters)) add(c.signals);
  add(summary.global.signals);
  return [...keys];
}
