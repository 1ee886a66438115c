/** The report's zoom panels: the traced replication's timeline around each scripted fault and its worst outage (zoomWindows). */
import { timelineSpec } from './charts/timelineSpec.js';
import type { Chart } from './reportCharts.js';
import type { ReportInput } from './ReportInput.js';
import { zoomWindows } from './zoomWindows.js';

/** The id every zoom panel's starts with, so that the page can gather them. */
export const ZOOM_PREFIX = 'zoom-';

/** One timeline chart per window, every span as it was; none without a trace. */
export function zoomCharts(input: ReportInput): Chart[] {
  const { trace } = input;
  if (!trace) return [];
  return zoomWindows(input.scenario, trace).map((w) => ({
    id: w.id,
    title: w.title,
    spec: timelineSpec(trace, { title: w.title, subtitle: w.subtitle, window: w }),
  }));
}
