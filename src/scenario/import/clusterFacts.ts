/** What a node list (and the kube-system pods) say about a cluster's shape: roles, zones, etcd, instance types, provider. */
import { UNSAFE_CHARACTERS } from '../../kernel/quoteValue.js';
import type { KubeNode, KubePod } from './kubeList.js';
import { detectProvider, type Detection } from './managedProviders.js';

/** Labels read, newest first; the legacy ones are still set by older kubeadm and cloud providers. */
export const LABELS = {
  controlPlane: ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'],
  /** k3s and RKE2 label the nodes that run their embedded (stacked) etcd. */
  etcd: ['node-role.kubernetes.io/etcd'],
  zone: ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'],
  region: ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'],
  instanceType: ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'],
} as const;

/** One zone of the cluster, which becomes one datacenter of the scenario. */
export interface ZoneFacts {
  /** The zone label's value; undefined for the nodes that carry none. */
  readonly zone: string | undefined;
  /** The scenario's datacenter name for it (a name without `/` nor control characters, unique). */
  readonly datacenter: string;
  readonly controlPlane: number;
  readonly workers: number;
}

export interface ClusterFacts {
  readonly nodes: number;
  readonly controlPlane: readonly KubeNode[];
  readonly workers: readonly KubeNode[];
  /** Zones in the order the scenario lists them: most control-plane nodes first, then most workers, then by name. */
  readonly zones: readonly ZoneFacts[];
  /** Distinct region labels seen. */
  readonly regions: readonly string[];
  /** Whether a PODS file was given at all. */
  readonly podsGiven: boolean;
  /** etcd static pods (component=etcd, tier=control-plane, or named etcd-<node>). */
  readonly etcdPods: readonly KubePod[];
  /** Control-plane nodes labelled as etcd members (k3s, RKE2): stacked etcd seen another way. */
  readonly etcdNodes: readonly KubeNode[];
  /** Pods that look like a load balancer or a virtual IP for the apiservers (kube-vip, haproxy, keepalived). */
  readonly lbPods: readonly string[];
  /** Instance types by role, with how many nodes of each, in order of first appearance. */
  readonly instanceTypes: { readonly controlPlane: ReadonlyMap<string, number>; readonly worker: ReadonlyMap<string, number> };
  /** The managed provider the nodes point to, if any. */
  readonly provider: Detection | undefined;
}

/** The facts of a cluster; `pods` is undefined when no PODS file was given. */
export function clusterFacts(nodes: readonly KubeNode[], pods: readonly KubePod[] | undefined): ClusterFacts {
  const controlPlane = nodes.filter(isControlPlane);
  const workers = nodes.filter((n) => !isControlPlane(n));
  const nodeNames = new Set(nodes.map((n) => n.name));
  const etcdPods = (pods ?? []).filter((p) => (p.labels['component'] === 'etcd' && p.labels['tier'] === 'control-plane') || (p.name.startsWith('etcd-') && nodeNames.has(p.name.slice(5))));
  const lbPods = (pods ?? []).filter((p) => /^(kube-vip|haproxy|keepalived)/.test(p.name)).map((p) => p.name);
  return {
    nodes: nodes.length,
    controlPlane,
    workers,
    zones: zonesOf(controlPlane, workers),
    regions: [...new Set(nodes.map((n) => first(n, LABELS.region)).filter((r): r is string => r !== undefined))],
    podsGiven: pods !== undefined,
    etcdPods,
    etcdNodes: controlPlane.filter((n) => LABELS.etcd.some((l) => l in n.labels)),
    lbPods,
    instanceTypes: { controlPlane: countTypes(controlPlane), worker: countTypes(workers) },
    provider: detectProvider(nodes),
  };
}

export function isControlPlane(n: KubeNode): boolean {
  return LABELS.controlPlane.some((l) => l in n.labels);
}

/** The zone label of a node (an empty value counts as none). */
export function zoneOf(n: KubeNode): string | undefined {
  return first(n, LABELS.zone);
}

function first(n: KubeNode, labels: readonly string[]): string | undefined {
  for (const l of labels) {
    const v = n.labels[l];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

function zonesOf(controlPlane: readonly KubeNode[], workers: readonly KubeNode[]): ZoneFacts[] {
  const counts = new Map<string | undefined, { controlPlane: number; workers: number }>();
  const at = (z: string | undefined) => counts.get(z) ?? counts.set(z, { controlPlane: 0, workers: 0 }).get(z)!;
  for (const n of controlPlane) at(zoneOf(n)).controlPlane++;
  for (const n of workers) at(zoneOf(n)).workers++;
  const ordered = [...counts.entries()].sort(([za, a], [zb, b]) => b.controlPlane - a.controlPlane || b.workers - a.workers || String(za ?? '').localeCompare(String(zb ?? '')));
  const taken = new Set<string>();
  return ordered.map(([zone, c]) => ({ zone, datacenter: uniqueName(zone === undefined ? (counts.size === 1 ? 'dc-1' : 'no-zone-label') : datacenterName(zone), taken), ...c }));
}

/**
 * A datacenter name for a zone label: the scenario refuses `/` (it separates cluster and
 * component) and the characters that must not reach a terminal (the schema's name pattern is the
 * same set), so those become `-`.
 */
function datacenterName(zone: string): string {
  const safe = zone.replace(UNSAFE_CHARACTERS, '-').replaceAll('/', '-');
  return safe === '' ? 'zone' : safe;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`;
  taken.add(candidate);
  return candidate;
}

function countTypes(nodes: readonly KubeNode[]): Map<string, number> {
  const types = new Map<string, number>();
  for (const n of nodes) {
    const t = first(n, LABELS.instanceType) ?? '(no instance-type label)';
    types.set(t, (types.get(t) ?? 0) + 1);
  }
  return types;
}
