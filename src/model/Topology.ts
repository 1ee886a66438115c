/** Where everything runs: the hosts of every cluster, the components on them, and their datacenters. */
import { loadBalancerNames } from '../scenario/components.js';
import { MODEL_PRESETS } from '../scenario/presets.js';
import type { ClusterSpec, FailureProcess, Role, Scenario } from '../scenario/Scenario.js';

export type ComponentKind = 'controlPlane' | 'etcd' | 'worker' | 'loadBalancer';

/** A machine. Everything on it goes down with it; it goes down with its datacenter. */
export interface Host {
  readonly id: number;
  readonly name: string;
  readonly datacenter: number;
  readonly cluster: number;
  /** Random failure processes of the whole host, with the role each comes from. */
  readonly failures: readonly { readonly role: Role; readonly process: FailureProcess }[];
}

/** A process with a name users can target (`prod/etcd-2`). */
export interface Component {
  readonly id: number;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly cluster: number;
  /** 1-based index within its kind in its cluster. */
  readonly index: number;
  readonly host: number;
  /** Whether the component shares its host with another component (a stacked etcd member). */
  readonly sharesHost: boolean;
  /** A random failure process of the component alone (a stacked etcd member's), if any. */
  readonly failure?: FailureProcess;
}

/** The components of one cluster, by kind, as component ids. */
export interface ClusterLayout {
  readonly spec: ClusterSpec;
  readonly index: number;
  readonly controlPlane: readonly number[];
  /** Voting members first, then learners. */
  readonly etcd: readonly number[];
  readonly voters: number;
  readonly workers: readonly number[];
  /** The load balancer instances (none, one, or one per listed datacenter). */
  readonly loadBalancers: readonly number[];
}

export interface Topology {
  readonly datacenters: readonly string[];
  readonly hosts: readonly Host[];
  readonly components: readonly Component[];
  readonly clusters: readonly ClusterLayout[];
  readonly componentByName: ReadonlyMap<string, number>;
  readonly datacenterByName: ReadonlyMap<string, number>;
}

/**
 * Builds the topology: hosts are placed round-robin over the cluster's datacenters, in order
 * (node i in datacenter (i - 1) mod D). Stacked etcd member i runs on control-plane node i;
 * external members get hosts of their own. A single-server cluster is one host that carries
 * cp-1, etcd-1 and worker-1, and every role's random failures apply to that host.
 */
export function buildTopology(s: Scenario): Topology {
  const datacenters = s.datacenters.map((d) => d.name);
  const datacenterByName = new Map(datacenters.map((n, i) => [n, i] as const));
  const hosts: Host[] = [];
  const components: Component[] = [];
  const componentByName = new Map<string, number>();
  const clusters: ClusterLayout[] = [];

  const addHost = (name: string, dcName: string, cluster: number, failures: Host['failures']): number => {
    const id = hosts.length;
    hosts.push({ id, name, datacenter: datacenterByName.get(dcName)!, cluster, failures });
    return id;
  };
  const addComponent = (c: Omit<Component, 'id'>): number => {
    const id = components.length;
    components.push({ ...c, id });
    componentByName.set(c.name, id);
    return id;
  };

  s.clusters.forEach((spec, ci) => {
    const f = effectiveFailures(s, spec);
    const dcOf = (i: number) => spec.datacenters[(i - 1) % spec.datacenters.length]!;
    const only = (role: Role) => (f[role] ? [{ role, process: f[role] }] : []);
    const name = (suffix: string) => `${spec.name}/${suffix}`;
    const controlPlane: number[] = [];
    const etcd: number[] = [];
    const workers: number[] = [];
    const loadBalancers: number[] = [];
    const base = { cluster: ci, sharesHost: false } as const;

    if (MODEL_PRESETS[spec.model].singleHost) {
      const all = (['controlPlane', 'etcd', 'worker', 'loadBalancer'] as const).flatMap(only);
      const h = addHost(name('cp-1'), dcOf(1), ci, all);
      controlPlane.push(addComponent({ ...base, name: name('cp-1'), kind: 'controlPlane', index: 1, host: h }));
      etcd.push(addComponent({ ...base, name: name('etcd-1'), kind: 'etcd', index: 1, host: h, sharesHost: true }));
      workers.push(addComponent({ ...base, name: name('worker-1'), kind: 'worker', index: 1, host: h, sharesHost: true }));
    } else {
      for (let i = 1; i <= spec.controlPlane.nodes; i++) {
        const h = addHost(name(`cp-${i}`), dcOf(i), ci, only('controlPlane'));
        controlPlane.push(addComponent({ ...base, name: name(`cp-${i}`), kind: 'controlPlane', index: i, host: h }));
      }
      const members = spec.etcd.members + spec.etcd.learners;
      for (let i = 1; i <= members; i++) {
        if (spec.etcd.topology === 'stacked') {
          const cp = components[controlPlane[(i - 1) % controlPlane.length]!]!;
          const failure = f.etcd;
          etcd.push(
            addComponent({
              ...base,
              name: name(`etcd-${i}`),
              kind: 'etcd',
              index: i,
              host: cp.host,
              sharesHost: true,
              ...(failure ? { failure } : {}),
            }),
          );
        } else {
          const h = addHost(name(`etcd-${i}`), dcOf(i), ci, only('etcd'));
          etcd.push(addComponent({ ...base, name: name(`etcd-${i}`), kind: 'etcd', index: i, host: h }));
        }
      }
      for (let i = 1; i <= spec.workers.nodes; i++) {
        const h = addHost(name(`worker-${i}`), dcOf(i), ci, only('worker'));
        workers.push(addComponent({ ...base, name: name(`worker-${i}`), kind: 'worker', index: i, host: h }));
      }
      loadBalancerNames(spec).forEach((lb, i) => {
        const h = addHost(name(lb), spec.loadBalancer.datacenters[i]!, ci, only('loadBalancer'));
        loadBalancers.push(addComponent({ ...base, name: name(lb), kind: 'loadBalancer', index: i + 1, host: h }));
      });
    }
    clusters.push({ spec, index: ci, controlPlane, etcd, voters: spec.etcd.members, workers, loadBalancers });
  });
  return { datacenters, hosts, components, clusters, componentByName, datacenterByName };
}

/** A cluster's random failures: its own `failures` override the scenario's, role by role. */
export function effectiveFailures(s: Scenario, c: ClusterSpec): Partial<Record<Role, FailureProcess>> {
  return { ...s.failures, ...c.failures };
}
