/** The charts of a report, as vega-lite specs with stable ids: the same set goes into the page and the SVG files. */
import type { TopLevelSpec } from 'vega-lite';
import { availabilityPoints, availabilitySpec } from './charts/availabilitySpec.js';
import { causeSpec } from './charts/causeSpec.js';
import { costBreakdownSpec } from './charts/costBreakdownSpec.js';
import { costVsAvailabilitySpec } from './charts/costVsAvailabilitySpec.js';
import { outageSpec } from './charts/outageSpec.js';
import { timelineSpec } from './charts/timelineSpec.js';
import { vegaSafeChart } from './charts/vegaSafe.js';
import { headlineOf, type CompareInput, type ReportInput } from './ReportInput.js';
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
  const points = input.entries.flatMap((e) => {
    const h = headlineOf(e.summary, input.headline);
    return h && e.summary.cost.currency === currency
      ? [{ label: e.label, cost: e.summary.cost.perMonth, availability: h.value.availability.mean, ci95: h.value.availability.ci95, summary: h.value }]
      : [];
  });
  const signal = input.headline?.signal ?? 'apiWrite';
  const charts: Chart[] = [
    { id: 'cost-vs-availability', title: 'Availability against cost', spec: costVsAvailabilitySpec(points, { currency, signal }) },
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
