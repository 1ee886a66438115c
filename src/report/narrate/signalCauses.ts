/** Which steps move a signal or one of its causes, for `explain --signal`: the model's signal rules (ClusterModel) as a filter. */
import type { ComponentKind, Topology } from '../../model/Topology.js';
import type { FaultKind } from '../../scenario/faults/faultKinds.js';
import { globalServiceClusters } from '../../scenario/globalService.js';
import type { Scenario } from '../../scenario/Scenario.js';
import type { ReplayedStep } from './replaySteps.js';
import { mentions } from './phrases.js';

/** What one cluster signal depends on, as ClusterModel.evaluate computes it. */
interface Causes {
  /** Components of the cluster whose going down or coming back can move it. */
  readonly kinds: readonly ComponentKind[];
  /** Whether the etcd leader (elections, step-downs) moves it. */
  readonly leader: boolean;
  /** Signals of the same cluster it is computed from. */
  readonly signals: readonly string[];
  /** Which of the cluster's notes tell a cause: none, the controller-manager's and scheduler's leases, or all. */
  readonly notes: 'none' | 'leases' | 'all';
  /** Scripted faults whose effect is no component going down: tenant incidents, federation rollouts. */
  readonly faults: readonly FaultKind[];
}

const CONTROL: readonly ComponentKind[] = ['etcd', 'controlPlane', 'loadBalancer'];
const PODS: Causes = {
  kinds: [...CONTROL, 'worker'],
  leader: true,
  signals: ['etcdQuorum', 'apiWrite', 'scheduling'],
  notes: 'all',
  faults: ['runaway', 'compromise', 'rollout'],
};

/**
 * Per cluster signal (src/scenario/signals.ts): etcdQuorum needs a majority of voters up and
 * reaching each other; apiRead an apiserver reaching a live member, routed by a load balancer;
 * apiWrite the same apiserver reaching the leader of a quorum; scheduling apiWrite and the
 * controller-manager's and scheduler's leases; workloads, serving and tenants' signals every
 * node, the kubelets' leases, evictions and rescheduling, so everything the cluster has.
 * Every one of them depends on the network: partitions start and heal in every filter.
 */
const CLUSTER_CAUSES: Readonly<Record<string, Causes>> = {
  etcdQuorum: { kinds: ['etcd'], leader: false, signals: [], notes: 'none', faults: [] },
  apiRead: { kinds: CONTROL, leader: false, signals: [], notes: 'none', faults: [] },
  apiWrite: { kinds: CONTROL, leader: true, signals: ['etcdQuorum'], notes: 'none', faults: [] },
  scheduling: { kinds: CONTROL, leader: true, signals: ['etcdQuorum', 'apiWrite'], notes: 'leases', faults: [] },
  workloads: PODS,
  serving: { ...PODS, signals: [...PODS.signals, 'workloads'] },
};

/** Steps that move one signal or its causes, and the causes in words for the header. */
export interface SignalFilter {
  /** The signal's key, `prod/apiWrite` or `global/service`. */
  readonly key: string;
  /** What counts as a cause, in words: `prod's etcd, control plane and load balancers, its etcd leader, ...`. */
  readonly causes: string;
  readonly keeps: (step: ReplayedStep) => boolean;
}

/**
 * The filter of `cluster/signal` (cluster `global` for the global signals, which follow the
 * clusters they are computed from: service every cluster that serves globally, management the
 * management cluster's apiWrite, configPush the federation host's apiWrite). A signal it does
 * not know (none today) keeps every step.
 */
export function signalFilter(scenario: Scenario, topology: Topology, cluster: string, signal: string): SignalFilter {
  const key = `${cluster}/${signal}`;
  const parts = cluster === 'global' ? globalParts(scenario, signal) : [{ cluster, causes: clusterCauses(signal) }];
  if (parts === undefined) return { key, causes: 'every step (its causes are not known to the filter)', keeps: () => true };
  const signals = new Set([key]);
  const components = new Set<string>();
  const leaders = new Set<string>();
  const faults = new Set<FaultKind>();
  const notes: ((text: string) => boolean)[] = [];
  const single = scenario.clusters.length === 1;
  for (const { cluster: name, causes } of parts) {
    if (cluster === 'global') signals.add(`${name}/${signal === 'service' ? 'serving' : 'apiWrite'}`);
    for (const s of causes.signals) signals.add(`${name}/${s}`);
    const index = topology.clusters.findIndex((l) => l.spec.name === name);
    for (const c of topology.components) if (c.cluster === index && causes.kinds.includes(c.kind)) components.add(c.name);
    if (causes.leader) leaders.add(name);
    for (const f of causes.faults) faults.add(f);
    const ours = (text: string) => single || mentions(text, name);
    if (causes.notes === 'all') notes.push(ours);
    if (causes.notes === 'leases') notes.push((text) => ours(text) && /kube-(controller-manager|scheduler)/.test(text));
  }
  const keeps = (step: ReplayedStep) =>
    step.changed.some((c) => signals.has(c.key)) ||
    step.events.some((e) => {
      switch (e.kind) {
        case 'component':
          return components.has(e.name);
        case 'partition':
          return true;
        case 'leader':
          return leaders.has(e.cluster);
        case 'note':
          return notes.some((n) => n(e.text));
        case 'fault':
          return faults.has(e.fault);
        default:
          return false;
      }
    });
  return { key, causes: describe(parts, signals, key), keeps };
}

/** A tenant's signal (`tenant:blue`) is its workloads': it depends on everything pods do. */
function clusterCauses(signal: string): Causes {
  return CLUSTER_CAUSES[signal] ?? PODS;
}

function globalParts(s: Scenario, signal: string): { cluster: string; causes: Causes }[] | undefined {
  const named = (name: string | undefined) => (name === undefined ? [] : [{ cluster: name, causes: CLUSTER_CAUSES['apiWrite']! }]);
  switch (signal) {
    case 'service':
      return globalServiceClusters(s).map((cluster) => ({ cluster, causes: CLUSTER_CAUSES['serving']! }));
    case 'management':
      return named(s.management?.cluster);
    case 'configPush':
      return named(s.federation?.hostCluster);
    default:
      return undefined;
  }
}

const KIND_WORDS: Readonly<Record<ComponentKind, string>> = {
  etcd: 'etcd members',
  controlPlane: 'control plane',
  loadBalancer: 'load balancers',
  worker: 'workers',
};

/** The causes in words: `prod's etcd members, control plane and load balancers; prod's etcd leader; network partitions; prod/etcdQuorum`. */
function describe(parts: readonly { cluster: string; causes: Causes }[], signals: ReadonlySet<string>, key: string): string {
  const words: string[] = [];
  for (const { cluster, causes } of parts) {
    const kinds = causes.kinds.map((k) => KIND_WORDS[k]);
    const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0];
    if (list !== undefined) words.push(`${cluster}'s ${list}`);
    if (causes.leader) words.push(`${cluster}'s etcd leader`);
    if (causes.notes === 'leases') words.push(`${cluster}'s controller-manager and scheduler leases`);
    if (causes.notes === 'all') words.push(`what the model notes of ${cluster} (node leases, evictions, ...)`);
  }
  words.push('network partitions');
  const faults = [...new Set(parts.flatMap((p) => p.causes.faults))];
  if (faults.length > 0) words.push(`scripted ${faults.join(', ')} faults`);
  const others = [...signals].filter((s) => s !== key);
  if (others.length > 0) words.push(others.join(', '));
  return words.join('; ');
}
