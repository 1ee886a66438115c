/** The charts of a report, as vega-lite specs with stable ids: the same set goes into the page and the SVG files. */
import type { TopLevelSpec } from 'vega-lite';
import { availabilityPoints, availabilitySpec } from './charts/availabilitySpec.js';
import { causeSpec } from './charts/causeSpec.js';
import { costBreakdownSpec } from './charts/costBreakdownSpec.js';
import { costVsAvailabilitySpec } from './charts/costVsAvailabilitySpec.js';
import { outageSpec } from './charts/outageSpec.js';
import { timelineSpec } from './charts/timelineSpec.js';
import { vegaSafeChart } from './charts/vegaSafe.js';
import { comparePoints } from './comparePoints.js';
import type { CompareInput, ReportInput } from './ReportInput.js';
import { zoomCharts } from './zoomCharts.js';

export interface Chart {
  /** File-name safe: `availability` becomes charts/availability.svg and data-chart="availability". */
  readonly id: string;
  /** What the chart shows, for headings. */
  readonly title: string;
  readonly spec: TopLevelSpec;
}

export function reportCharts(input: ReportInput): Chart[] {
  const { summary, rows, trace } = input;
  const charts: Chart[] = [
    { id: 'availability', title: 'Availability by signal', spec: availabilitySpec(availabilityPoints(summary)) },
    { id: 'outages', title: 'How long outages last', spec: outageSpec(summary, rows) },
  ];
  const causes = causeSpec(summary);
  if (causes) charts.push({ id: 'downtime-by-cause', title: 'Downtime by cause', spec: causes });
  if (trace) {
    const which = input.traceReplication === undefined ? '' : ` (replication ${input.traceReplication})`;
    charts.push({ id: 'timeline', title: 'Timeline of one replication', spec: timelineSpec(trace, { title: `Timeline of one replication${which}` }) });
    charts.push(...zoomCharts(input));
  }
  charts.push({ id: 'cost', title: 'Monthly cost by role', spec: costBreakdownSpec([{ label: summary.scenario, summary }]) });
  return charts.map(vegaSafeChart);
}

export function compareCharts(input: CompareInput): Chart[] {
  const currency = input.entries[0]?.summary.cost.currency ?? 'USD';
  // The rows of the configurations table, so each point's cost is that of what its availability measures.
  const rows = comparePoints(input).filter((p) => p.h && p.entry.summary.cost.currency === currency);
  const points = rows.map((p) => ({ label: p.label, cost: p.cost, availability: p.h!.value.availability.mean, ci95: p.h!.value.availability.ci95, summary: p.h!.value }));
  // The axis names the signal when every point has the same one (apiWrite, or the global service).
  const signals = [...new Set(rows.map((p) => (p.h!.where === 'global' ? `global ${p.h!.signal}` : p.h!.signal)))];
  const signal = signals.length === 1 ? signals[0] : signals.length === 0 ? (input.headline?.signal ?? 'apiWrite') : undefined;
  const charts: Chart[] = [
    { id: 'cost-vs-availability', title: 'Availability against cost', spec: costVsAvailabilitySpec(points, { currency, ...(signal === undefined ? {} : { signal }) }) },
    {
      id: 'availability',
      title: 'Availability by signal',
      spec: availabilitySpec(
        input.entries.flatMap((e) => availabilityPoints(e.summary, e.label)),
        { title: 'Availability by signal and configuration' },
      ),
    },
    { id: 'cost', title: 'Monthly cost by role', spec: costBreakdownSpec(input.entries) },
  ];
  return charts.map(vegaSafeChart);
}
