/** Writes an import plan as a commented scenario YAML: every note becomes comment lines just above its field. */
import { commentText, quoted } from './commentText.js';
import type { ImportPlan, PlannedField } from './ImportPlan.js';

export function renderPlan(plan: ImportPlan): string {
  const out: string[] = [];
  for (const line of plan.header) out.push(`# ${commentText(line)}`);
  out.push('apiVersion: kubesim/v1', 'kind: Scenario', 'metadata:', `  name: ${quoted(plan.name)}`, `  description: ${quoted(plan.description)}`);
  out.push('spec:', '  horizon: 1y', '  replications: 50', '  seed: 1');
  for (const f of plan.spec) writeField(out, f, '  ');
  out.push('  clusters:', `    - name: ${quoted(plan.name)}`, `      model: ${plan.model}`);
  for (const f of plan.cluster) writeField(out, f, '      ');
  for (const f of plan.trailer) writeField(out, f, '  ');
  return `${out.join('\n')}\n`;
}

function writeField(out: string[], f: PlannedField, indent: string): void {
  for (const n of f.notes) out.push(`${indent}# ${commentText(n)}`);
  if (f.items === undefined) {
    out.push(`${indent}${f.key}: ${f.value}`);
    return;
  }
  out.push(`${indent}${f.key}:`);
  for (const item of f.items) {
    for (const n of item.notes) out.push(`${indent}  # ${commentText(n)}`);
    out.push(`${indent}  ${item.key === undefined ? '-' : `${item.key}:`} ${item.value}`);
  }
}
