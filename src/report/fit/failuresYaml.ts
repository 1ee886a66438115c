/** The fitted `failures:` block as YAML text in the scenario's style: one line per mttf and mttr. */
import { Document, isMap, type Node } from 'yaml';
import type { RoleFit } from '../../fit/fitRoles.js';
import { scenarioEntry, scenarioFailures } from '../../fit/scenarioFailures.js';

/** A `{ failures: ... }` document with each distribution in flow style, and a comment per role naming the families chosen. */
export function failuresYaml(fits: readonly RoleFit[]): string {
  const failures = scenarioFailures(fits);
  if (Object.keys(failures).length === 0) return '';
  const doc = new Document({ failures });
  const block = doc.get('failures', true);
  if (isMap(block)) {
    for (const pair of block.items) {
      const role = String((pair.key as { value?: unknown }).value ?? pair.key);
      const node = pair.value as Node;
      if (isMap(node)) for (const p of node.items) flow(p.value as Node);
      const entry = scenarioEntry(fits.find((f) => f.role === role)!)!;
      (pair.key as Node).commentBefore = ` ${role}: ${comment(entry)}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Makes a map node (and its maps) flow style: `{ weibull: { shape: 1.2, scale: 30d } }`. */
export function flow(node: Node): void {
  if (isMap(node)) {
    node.flow = true;
    for (const p of node.items) flow(p.value as Node);
  }
}

function comment(e: NonNullable<ReturnType<typeof scenarioEntry>>): string {
  const text = `time to failure ${e.ttf.family}, time to repair ${e.ttr.family} (kubesim fit: the best by AIC that a scenario holds)`;
  const better = e.notExpressible.map((n) => `${n.kind}: ${n.family} fitted better (AIC lower by ${n.deltaAic.toFixed(1)}), but a scenario has no ${n.family}`);
  return [text, ...better].join('; ');
}
