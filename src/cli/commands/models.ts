/** `kubesim models`: the five deployment models, with the seed's properties measured by simulation. */
import { probeProperties } from '../../experiment/probeProperties.js';
import { MODEL_PRESETS, scenarioFromRaw, DEPLOYMENT_MODELS } from '../../scenario/index.js';
import { writeDocument, type OutputFlags } from '../outputFormat.js';

/** `-o wide` is the table: every reason is shown already. */
export function modelsCommand(options: OutputFlags): void {
  const rows = DEPLOYMENT_MODELS.map((model) => {
    const raw = { apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: `probe-${model}` }, spec: { horizon: '1d', replications: 1, ...MODEL_PRESETS[model].example } };
    const measured = probeProperties(scenarioFromRaw(raw, `<built-in ${model} probe>`));
    return { model, summary: MODEL_PRESETS[model].summary, ...measured };
  });
  if (options.json) {
    writeDocument(rows, options);
    return;
  }
  // Side by side first (each value up to its explanation), then each model with its reasons.
  const short = (v: string) => v.replace(/ \(.*$/, '');
  const table = [['model', 'highly available', 'replicated config', 'namespace isolation'], ...rows.map((r) => [r.model, short(r.highlyAvailable), short(r.replicatedConfig), short(r.namespaceIsolation)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const out = table.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  out.push('');
  for (const r of rows) {
    out.push(`${r.model}: ${r.summary}`);
    out.push(`  highly available    ${r.highlyAvailable}`);
    out.push(`  replicated config   ${r.replicatedConfig}`);
    out.push(`  namespace isolation ${r.namespaceIsolation}`);
    out.push('');
  }
  out.push('Each property is measured by simulating a small deployment of the model: one host or datacenter');
  out.push('lost at a time, and each tenant running away or compromised (see docs/model.md, "Deployment models").');
  process.stdout.write(`${out.join('\n')}\n`);
}
