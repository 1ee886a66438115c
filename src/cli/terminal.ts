/** The summary printed in the terminal (placeholder until the report layer's table lands). */
import type { Summary } from '../experiment/Summary.js';
import type { Scenario } from '../scenario/Scenario.js';

export function terminalSummary(s: Scenario, summary: Summary, color: boolean): string {
  void color;
  const lines = [`${s.name}: ${summary.replications} replications of ${summary.horizonSeconds} s, seed ${summary.seed}`];
  for (const [name, c] of Object.entries(summary.clusters)) {
    for (const [sig, v] of Object.entries(c.signals)) {
      lines.push(`  ${name} ${sig.padEnd(14)} ${(v.availability.mean * 100).toFixed(5)}%  [${(v.availability.ci95[0] * 100).toFixed(5)}, ${(v.availability.ci95[1] * 100).toFixed(5)}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
