/** The cluster's part of an imported scenario: its model, its datacenters and its counts of hosts by role, with the notes that say where each came from. */
import type { ClusterFacts } from './clusterFacts.js';
import { commentText, quoted, someNames } from './commentText.js';
import type { PlannedField } from './ImportPlan.js';
import { PROVIDER_NAMES, type ProviderSla } from './managedProviders.js';
import { placementDifferences, roundRobinCounts } from './roundRobin.js';

/** kubesim's bounds on the counts (docs/scenario-reference.md#clusters): larger clusters are clipped, with a note. */
const MAX_CONTROL_PLANE = 100;
const MAX_MEMBERS = 9;
const MAX_WORKERS = 5000;

/** How the cluster is modelled: one host (single-server), a visible control plane (self-managed) or a provider's (managed). */
export type ClusterKind = 'single-server' | 'self-managed' | 'managed';

/** The kind of cluster the facts describe. */
export function clusterKind(facts: ClusterFacts): ClusterKind {
  if (facts.nodes === 1 && (facts.controlPlane.length === 1 || facts.provider === undefined)) return 'single-server';
  return facts.controlPlane.length > 0 ? 'self-managed' : 'managed';
}

/** The cluster's fields after `name` and `model`; `sla` is the managed control plane's, for its notes. */
export function planCluster(facts: ClusterFacts, kind: ClusterKind, sla: ProviderSla): PlannedField[] {
  const dcs = facts.zones.map((z) => z.datacenter);
  if (kind === 'single-server') {
    const node = facts.controlPlane[0] ?? facts.workers[0]!;
    const etcd = facts.etcdPods.length > 0 ? `etcd static pod ${someNames(facts.etcdPods.map((p) => p.name))} seen` : 'no etcd pod seen (one etcd member assumed, as every single-node distribution runs)';
    return [
      field('datacenters', `[${quoted(dcs[0]!)}]`, [
        `One node, ${commentText(node.name)}${facts.controlPlane.length === 1 ? ', labelled control-plane' : ' (no role label)'}: a single-server cluster`,
        `(minikube, kind, a one-node k3s): control plane, etcd and workloads on one host, no load balancer; ${etcd}.`,
      ]),
    ];
  }
  const fields = [field('datacenters', `[${dcs.map(quoted).join(', ')}]`, ['Hosts of each role are placed round-robin over these, in this order (most control-plane nodes first).'])];
  return kind === 'managed' ? [...fields, ...managedFields(facts, sla)] : [...fields, ...selfManagedFields(facts)];
}

function selfManagedFields(facts: ClusterFacts): PlannedField[] {
  const cp = Math.min(facts.controlPlane.length, MAX_CONTROL_PLANE);
  const workers = Math.min(facts.workers.length, MAX_WORKERS);
  const cpNotes = [`${facts.controlPlane.length} node(s) labelled node-role.kubernetes.io/control-plane (or the legacy .../master): ${someNames(facts.controlPlane.map((n) => n.name))}.`];
  if (cp < facts.controlPlane.length) cpNotes.push(`CHECK: clipped to kubesim's limit of ${MAX_CONTROL_PLANE}.`);
  cpNotes.push(...placementNote(facts, 'control-plane nodes', cp, (z) => z.controlPlane));
  const workerNotes = [`${facts.workers.length} node(s) without a control-plane label.`];
  if (workers < facts.workers.length) workerNotes.push(`CHECK: clipped to kubesim's limit of ${MAX_WORKERS} (Kubernetes' own).`);
  if (facts.workers.length === 0) workerNotes.push('CHECK: no worker nodes: if your control-plane nodes run your pods (no NoSchedule taint), kubesim does not model that.');
  workerNotes.push(...placementNote(facts, 'workers', workers, (z) => z.workers));
  return [
    field('controlPlane', `{ nodes: ${cp} }`, cpNotes),
    etcdField(facts, cp),
    field('workers', `{ nodes: ${workers} }`, workerNotes),
    loadBalancerField(facts),
  ];
}

/** Stacked etcd when etcd static pods were seen, external otherwise (said to be a guess). */
function etcdField(facts: ClusterFacts, cp: number): PlannedField {
  const seen = facts.etcdPods.length;
  if (seen > 0) {
    const members = Math.min(seen, cp, MAX_MEMBERS);
    const notes = [`${seen} etcd static pod(s) in kube-system (component=etcd, tier=control-plane): ${someNames(facts.etcdPods.map((p) => p.name))}.`, 'Stacked, as kubeadm runs it: member i on control-plane node i.'];
    if (members < seen) notes.push(`CHECK: ${seen} etcd pods but kubesim allows at most ${Math.min(cp, MAX_MEMBERS)} stacked members here: ${members} kept.`);
    return field('etcd', `{ members: ${members}, topology: stacked }`, notes);
  }
  if (facts.etcdNodes.length > 0) {
    const members = Math.min(facts.etcdNodes.length, cp, MAX_MEMBERS);
    return field('etcd', `{ members: ${members}, topology: stacked }`, [
      `${facts.etcdNodes.length} control-plane node(s) labelled node-role.kubernetes.io/etcd (k3s and RKE2 embedded etcd): ${someNames(facts.etcdNodes.map((n) => n.name))}.`,
      'Stacked: member i on control-plane node i.',
    ]);
  }
  const members = Math.max(1, Math.min(cp, MAX_MEMBERS));
  const why = facts.podsGiven ? 'in the PODS file' : 'because no PODS file was given (`kubectl get pods -n kube-system -o json`)';
  return field('etcd', `{ members: ${members}, topology: external }`, [
    `CHECK: no etcd pods seen ${why}: assumed external etcd with ${members} members (one per control-plane node) — check.`,
    'With kubeadm\'s default (stacked) topology, give the kube-system pods too, or write topology: stacked.',
    ...placementNote(facts, 'etcd members', members, () => 0, true),
  ]);
}

function loadBalancerField(facts: ClusterFacts): PlannedField {
  const first = facts.zones[0]!.datacenter;
  const pods = facts.lbPods.length > 0 ? ` kube-system runs ${someNames(facts.lbPods)}: if that is a virtual IP that moves between control-plane nodes, one load balancer per zone (loadBalancer: { datacenters: [...] }) is closer.` : '';
  return field('loadBalancer', `{ datacenter: ${quoted(first)} }`, [
    `CHECK: the nodes show no load balancer in front of the apiservers: assumed ONE, in ${commentText(first)}.`,
    `A single load balancer is a single point of failure for the API; if yours spans zones, write loadBalancer: { datacenters: [...] }.${pods}`,
  ]);
}

function managedFields(facts: ClusterFacts, sla: ProviderSla): PlannedField[] {
  const who = facts.provider === undefined ? 'no provider recognised (no EKS, GKE or AKS label nor provider ID)' : `${PROVIDER_NAMES[facts.provider.provider]}, recognised by ${facts.provider.evidence}`;
  const workers = Math.min(facts.workers.length, MAX_WORKERS);
  const workerNotes = [`${facts.workers.length} node(s), all workers.`];
  if (workers < facts.workers.length) workerNotes.push(`CHECK: clipped to kubesim's limit of ${MAX_WORKERS}.`);
  workerNotes.push(...placementNote(facts, 'workers', workers, (z) => z.workers));
  return [
    field('controlPlane', '{ nodes: 1 }', [
      `No control-plane node is visible: a managed control plane (${who}).`,
      `It is modelled as ONE component, cp-1 (with its etcd member on the same host), failing at random with the SLA's availability of ${percent(sla.uptime)} (spec.failures.controlPlane).`,
      `CHECK: kubesim puts cp-1 in the first datacenter, so that zone's outages stop it too: pessimistic for a zone-redundant control plane.`,
    ]),
    field('etcd', '{ members: 1, topology: stacked }', ['The provider runs etcd: it is inside the one control-plane component, with no failures of its own.']),
    field('workers', `{ nodes: ${workers} }`, workerNotes),
    field('loadBalancer', '{ enabled: false }', ["The provider's API endpoint (its load balancer included) is what the SLA covers: no separate load balancer."]),
  ];
}

/** A note when round-robin placement puts a role's hosts elsewhere than the cluster has them. */
function placementNote(facts: ClusterFacts, what: string, hosts: number, real: (z: ClusterFacts['zones'][number]) => number, unknown = false): string[] {
  if (facts.zones.length < 2 || hosts === 0) return [];
  const simulated = roundRobinCounts(hosts, facts.zones.length);
  const names = facts.zones.map((z) => commentText(z.datacenter));
  if (unknown) return [`Placed round-robin: ${names.map((n, i) => `${n} ${simulated[i]}`).join(', ')}.`];
  const differs = placementDifferences(names, facts.zones.map(real), simulated);
  return differs === '' ? [`Placed round-robin over the zones, as in the cluster.`] : [`CHECK: kubesim places ${what} round-robin, which differs from the cluster in ${differs}.`];
}

function field(key: string, value: string, notes: readonly string[]): PlannedField {
  return { key, value, notes };
}

/** 0.9995 -> "99.95%". */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}
