/** Decides the scenario of an imported cluster: what the nodes say, and the assumptions that fill the rest, each with its note. */
import type { ClusterFacts } from './clusterFacts.js';
import { commentText, quoted } from './commentText.js';
import type { ImportPlan, PlannedField } from './ImportPlan.js';
import { MANAGED_MTTR_HOURS, mttfHoursFor, providerSla, type ProviderSla } from './managedProviders.js';
import { clusterKind, percent, planCluster, type ClusterKind } from './planCluster.js';

/** Where the input came from, for the header: file names (`-` is shown as stdin) and how many pods the PODS file held. */
export interface ImportSources {
  readonly nodesFile: string;
  readonly podsFile?: string;
  readonly pods?: number;
}

/** The placeholder SLA of a managed control plane whose provider is not recognised. */
const UNKNOWN_SLA: ProviderSla = {
  uptime: 0.9995,
  offer: 'an unrecognised managed control plane',
  check: "no provider was recognised: 99.95% is a placeholder, put your provider's figure",
  source: 'none: a placeholder',
};

/** The random failures of scenarios/default.yaml: illustrative, for every role this import cannot measure. */
const DEFAULT_FAILURES = {
  controlPlane: '{ mttf: 90d, mttr: 2h }',
  etcd: '{ mttf: 120d, mttr: { lognormal: { median: 1h, sigma: 1.0 } } }',
  worker: '{ mttf: 60d, mttr: 4h }',
  loadBalancer: '{ mttf: 1y, mttr: 10m }',
  datacenter: '{ mttf: 5y, mttr: 4h }',
};

export function planImport(facts: ClusterFacts, sources: ImportSources, name: string): ImportPlan {
  const kind = clusterKind(facts);
  const sla = facts.provider === undefined ? UNKNOWN_SLA : providerSla(facts.provider.provider, facts.zones.length);
  return {
    name,
    description: describe(facts, kind),
    header: header(facts, sources),
    spec: [datacenters(facts, kind), ...raft(facts, kind), failures(kind, sla)],
    model: kind === 'single-server' ? 'single-server' : 'multi-master',
    cluster: planCluster(facts, kind, sla),
    trailer: [cost(facts, kind)],
  };
}

function header(facts: ClusterFacts, sources: ImportSources): string[] {
  const show = commentText;
  const pods = sources.podsFile === undefined ? '' : ` and ${show(sources.podsFile)} (${sources.pods ?? 0} kube-system pods)`;
  return [
    `Imported by \`kubesim import\` from ${show(sources.nodesFile)} (${facts.nodes} node${facts.nodes === 1 ? '' : 's'})${pods}.`,
    'Each field says what it was read from. CHECK marks a guess to confirm; ASSUMED marks a kubesim',
    'default that stands in for your own figures. Only nodes are imported: add your workloads under',
    'the cluster (workloads: [{ name: web, replicas: 6 }]) to get the workloads signal.',
  ];
}

function describe(facts: ClusterFacts, kind: ClusterKind): string {
  const zones = `${facts.zones.length} zone${facts.zones.length === 1 ? '' : 's'}`;
  if (kind === 'single-server') return `Imported: one node running everything.`;
  if (kind === 'managed') return `Imported: a managed control plane, ${facts.workers.length} workers over ${zones}.`;
  return `Imported: ${facts.controlPlane.length} control-plane nodes, ${facts.workers.length} workers over ${zones}.`;
}

function datacenters(facts: ClusterFacts, kind: ClusterKind): PlannedField {
  const labelled = facts.zones.some((z) => z.zone !== undefined);
  const notes = labelled
    ? ['Zones (label topology.kubernetes.io/zone, or the legacy failure-domain.beta.kubernetes.io/zone) become datacenters.']
    : ['CHECK: no node carries a zone label (topology.kubernetes.io/zone): one datacenter. If your nodes are spread over zones, list them here.'];
  notes.push(`ASSUMED: each zone has an outage every 5 years on average, lasting 4 hours (scenarios/default.yaml).`);
  const zones = kind === 'single-server' ? facts.zones.slice(0, 1) : facts.zones;
  const items = zones.map((z) => ({
    value: `{ name: ${quoted(z.datacenter)}, outage: ${DEFAULT_FAILURES.datacenter} }`,
    notes: [z.zone === undefined ? `nodes without a zone label: ${z.controlPlane} control-plane, ${z.workers} workers` : `zone ${commentText(z.zone)}: ${z.controlPlane} control-plane, ${z.workers} workers`],
  }));
  return { key: 'datacenters', value: '', notes, items };
}

/** Zones of one region are a millisecond or two apart: kubesim's default of 50 ms between datacenters is for a continent. */
function raft(facts: ClusterFacts, kind: ClusterKind): PlannedField[] {
  if (kind === 'single-server' || facts.zones.length < 2 || facts.regions.length > 1) return [];
  const region = facts.regions.length === 1 ? ` (region ${commentText(facts.regions[0]!)})` : '';
  return [{ key: 'raft', value: '{ rttInterDc: 2ms }', notes: [`ASSUMED: zones of one region${region} are about 1-2 ms apart (kubesim's default of 50 ms is for datacenters across a continent). CHECK with a ping between zones.`] }];
}

function failures(kind: ClusterKind, sla: ProviderSla): PlannedField {
  const notes = [
    'ASSUMED: the illustrative random failure rates of scenarios/default.yaml, not measured on your cluster:',
    'replace them with your own (from your incident history, or with `kubesim fit` on incident data if available).',
  ];
  if (kind === 'single-server') {
    notes.push('On a single-server cluster every role\'s failures hit its one host.');
    return { key: 'failures', value: '', notes, items: roles(['controlPlane', 'etcd', 'worker']) };
  }
  if (kind === 'self-managed') {
    return { key: 'failures', value: '', notes, items: roles(['controlPlane', 'etcd', 'worker', 'loadBalancer']) };
  }
  const mttf = mttfHoursFor(sla.uptime);
  notes.push(
    `The managed control plane: ${sla.offer}, SLA ${percent(sla.uptime)} monthly uptime of the API endpoint (source: ${sla.source}).`,
    `A = mttf / (mttf + mttr) = ${mttf}h / (${mttf}h + ${MANAGED_MTTR_HOURS}h) = ${percent(mttf / (mttf + MANAGED_MTTR_HOURS))}. The ${MANAGED_MTTR_HOURS} h repair is ASSUMED (an SLA promises uptime, not outage`,
    'lengths): another mttr in the same ratio gives the same availability in longer or shorter outages. An SLA is the floor',
    `below which the provider pays credits, not a measured mean: the real uptime is likely higher. CHECK: ${sla.check}.`,
  );
  const controlPlane = { key: 'controlPlane', value: `{ mttf: ${mttf}h, mttr: ${MANAGED_MTTR_HOURS}h }`, notes: ['the SLA, as above'] };
  return { key: 'failures', value: '', notes, items: [controlPlane, ...roles(['worker'])] };
}

function roles(names: readonly (keyof typeof DEFAULT_FAILURES)[]): { key: string; value: string; notes: string[] }[] {
  return names.map((key) => ({ key, value: DEFAULT_FAILURES[key], notes: [] }));
}

function cost(facts: ClusterFacts, kind: ClusterKind): PlannedField {
  const types = (m: ReadonlyMap<string, number>) => [...m.entries()].map(([t, n]) => `${commentText(t)} x${n}`).join(', ');
  const notes = ["PLACEHOLDER prices: kubesim's illustrative defaults (per host-hour), not your bill. Put yours: one price per role", '(the average when a role mixes instance types). Instance types seen (label node.kubernetes.io/instance-type):'];
  if (kind === 'managed') notes.push("  controlPlane: your provider's hourly fee for the cluster (one component here)");
  else if (facts.controlPlane.length > 0) notes.push(`  controlPlane: ${types(facts.instanceTypes.controlPlane)}`);
  if (facts.workers.length > 0) notes.push(`  worker: ${types(facts.instanceTypes.worker)}${kind === 'single-server' ? ' (the one host, priced as controlPlane)' : ''}`);
  return { key: 'cost', value: '{ currency: USD, hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 } }', notes };
}
