/** The sweep's summary document, apart from the renderers so that printing it loads no chart library. */
import type { SweepReportInput } from './renderSweepHtml.js';

/** The summary document exactly as summary.json holds it (and `--json` prints it). */
export function sweepSummaryJson(input: SweepReportInput): string {
  return `${JSON.stringify(input.summary, null, 2)}\n`;
}
