/** The summary printed in the terminal: a heading line, then the report layer's aligned tables. */
import { formatDuration } from '../kernel/index.js';
import type { Summary } from '../experiment/Summary.js';
import { faultCostText } from '../report/faultCostSections.js';
import { renderTerminalTable } from '../report/renderTerminalTable.js';
import type { Scenario } from '../scenario/Scenario.js';

/** `wide`: the extra columns of `-o wide` (renderTerminalTable). */
export function terminalSummary(s: Scenario, summary: Summary, color: boolean, wide = false): string {
  const head = `${s.name}: ${summary.replications} replication${summary.replications === 1 ? '' : 's'} of ${formatDuration(summary.horizonSeconds)}, seed ${summary.seed}`;
  return `${color ? `\u001b[1m${head}\u001b[0m` : head}\n\n${renderTerminalTable(summary, { color, wide })}${summary.faultCost ? `\n${faultCostText(summary)}` : ''}`;
}
