/** `kubesim models`: the five deployment models, with the seed's properties measured by simulation. */
import { probeProperties } from '../../experiment/probeProperties.js';
import { MODEL_PRESETS, scenarioFromRaw, DEPLOYMENT_MODELS, type DeploymentModel } from '../../scenario/index.js';

const dcs = [{ name: 'dc-a' }, { name: 'dc-b' }, { name: 'dc-c' }];
const web = [{ name: 'web', replicas: 3 }];
// Highly available models get what makes them so: a control plane and a load balancer in every datacenter.
const lbEverywhere = { datacenters: dcs.map((d) => d.name) };

/** A small, typical deployment of each model (the presets fill in the rest). */
const PROBES: Record<DeploymentModel, object> = {
  'single-server': { clusters: [{ name: 'dev', model: 'single-server', workloads: web }] },
  'multi-tenant': {
    datacenters: dcs,
    clusters: [
      {
        name: 'shared',
        model: 'multi-tenant',
        loadBalancer: lbEverywhere,
        tenants: [
          { name: 'team-a', quota: { pods: 10 }, networkPolicy: true },
          { name: 'team-b', quota: { pods: 10 }, networkPolicy: true },
        ],
        workloads: [
          { name: 'a', replicas: 3, tenant: 'team-a' },
          { name: 'b', replicas: 3, tenant: 'team-b' },
        ],
      },
    ],
  },
  'multi-master': { datacenters: dcs, clusters: [{ name: 'prod', model: 'multi-master', loadBalancer: lbEverywhere, workloads: web }] },
  'multi-cluster': {
    datacenters: dcs,
    management: { cluster: 'east' },
    clusters: ['east', 'west', 'south'].map((name, i) => ({ name, model: 'multi-cluster', datacenters: [dcs[i]!.name], workloads: web })),
  },
  federation: {
    datacenters: dcs,
    federation: { hostCluster: 'east', rollout: { strategy: 'canary' } },
    clusters: ['east', 'west', 'south'].map((name, i) => ({ name, model: 'federation', datacenters: [dcs[i]!.name], workloads: web })),
  },
};

export function modelsCommand(options: { json?: boolean }): void {
  const rows = DEPLOYMENT_MODELS.map((model) => {
    const raw = { apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: `probe-${model}` }, spec: { horizon: '1d', replications: 1, ...PROBES[model] } };
    const measured = probeProperties(scenarioFromRaw(raw, `<built-in ${model} probe>`));
    return { model, summary: MODEL_PRESETS[model].summary, ...measured };
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
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
  out.push('lost at a time, and each tenant running away or compromised (see README, "Deployment models").');
  process.stdout.write(`${out.join('\n')}\n`);
}
