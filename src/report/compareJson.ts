/** The JSON of a comparison, apart from the renderers so that printing it loads no chart library. */
import type { CompareEntry } from './ReportInput.js';

/** `[{label, summary}]`: what `kubesim compare --json` prints and its summary.json holds. */
export function compareJson(entries: readonly CompareEntry[]): string {
  return `${JSON.stringify(entries.map((e) => ({ label: e.label, summary: e.summary })), null, 2)}\n`;
}
