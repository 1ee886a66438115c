/** The fits as aligned text for the terminal: the sources and windows, a table per role and kind, then the `failures:` block. */
import type { DurationFit } from '../../fit/fitDurations.js';
import { countsText, FIT_COLUMNS, fitRows, testText, windowText } from './fitRows.js';
import type { FitInput } from './FitInput.js';
import { failuresYaml } from './failuresYaml.js';

export function renderFitTerminal(input: FitInput): string {
  const lines = input.sources.map(windowText);
  for (const f of input.fits) {
    lines.push('', `${f.role} (${f.components} component${f.components === 1 ? '' : 's'})`);
    lines.push(...block('time to failure', f.timeToFailure, 'failure'), ...block('time to repair', f.timeToRepair, 'repair'));
  }
  lines.push('', `* best by AIC. 95% CIs: Wald intervals on the log scale from the observed information. ${testText(input.bootstrap, input.seed)}.`);
  const yaml = failuresYaml(input.fits);
  lines.push('', yaml === '' ? 'No role had enough events for a failures: block.' : `For spec (kubesim fit --into SCENARIO writes it there):\n\n${yaml.trimEnd()}`);
  return `${lines.join('\n')}\n`;
}

function block(title: string, d: DurationFit, event: string): string[] {
  const head = `  ${title}: ${countsText(d, event)}`;
  if (d.status !== 'fitted') return [head];
  const rows = fitRows(d);
  const widths = FIT_COLUMNS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) => (i <= 2 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  return [head, `    ${FIT_COLUMNS.map(pad).join('  ').trimEnd()}`, ...rows.map((r) => `    ${r.map(pad).join('  ').trimEnd()}`)];
}
