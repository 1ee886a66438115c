/** Component names (`prod/cp-1`, `prod/etcd-2`, `prod/worker-7`, `prod/lb`) and where hosts are placed. */
import { listNames, unknownName } from './_internals/describe.js';
import type { ClusterSpec } from './Scenario.js';
import { quoteName, quoteValue } from '../kernel/quoteValue.js';

/** Every component of a cluster, numbered from 1; etcd learners are the last etcd numbers. */
export function componentNames(cluster: ClusterSpec): string[] {
  const names: string[] = [];
  const add = (prefix: string, n: number) => {
    for (let i = 1; i <= n; i++) names.push(`${cluster.name}/${prefix}-${i}`);
  };
  add('cp', cluster.controlPlane.nodes);
  add('etcd', cluster.etcd.members + cluster.etcd.learners);
  add('worker', cluster.workers.nodes);
  for (const lb of loadBalancerNames(cluster)) names.push(`${cluster.name}/${lb}`);
  return names;
}

/**
 * The load balancer instances, one per `loadBalancer.datacenters` entry and in that order: `lb`
 * when there is one, `lb-1`, `lb-2`, ... when there are several; none when disabled.
 */
export function loadBalancerNames(cluster: ClusterSpec): string[] {
  if (!cluster.loadBalancer.enabled) return [];
  const n = cluster.loadBalancer.datacenters.length;
  return n === 1 ? ['lb'] : Array.from({ length: n }, (_, i) => `lb-${i + 1}`);
}

/**
 * The datacenter of the i-th host (from 1) of a role (cp-i, etcd-i, worker-i): the hosts of each
 * role are placed round-robin over `cluster.datacenters`, in order, as docs/scenario-reference.md#component-names states. A stacked
 * etcd member i lives on control-plane node i, which the same rule puts in the same datacenter.
 * Load balancer instance i lives in `loadBalancer.datacenters[i]`.
 */
export function datacenterOf(cluster: ClusterSpec, i: number): string {
  const dcs = cluster.datacenters;
  return dcs[(i - 1) % dcs.length]!;
}

const LOCAL = /^(cp|etcd|worker)-([1-9]\d*)$/;

/**
 * Checks a component name against the clusters; returns undefined when it exists, else the
 * problem in words, listing what exists. `<cluster>/etcd-leader` is accepted only when asked.
 */
export function checkComponentName(
  name: string,
  clusters: ReadonlyMap<string, ClusterSpec>,
  options: { readonly allowLeader?: boolean } = {},
): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return `expected a component name like prod/etcd-1 (<cluster>/<component>), found ${quoteValue(name)}`;
  const clusterName = name.slice(0, slash);
  const local = name.slice(slash + 1);
  const cluster = clusters.get(clusterName);
  if (cluster === undefined) return `${unknownName('cluster', clusterName, [...clusters.keys()])} in ${quoteValue(name)}`;
  if (local === 'etcd-leader' && options.allowLeader === true) return undefined;
  const lbs = loadBalancerNames(cluster);
  if (lbs.includes(local)) return undefined;
  if (/^lb(-\d+)?$/.test(local) && lbs.length === 0) return `${quoteName(clusterName)} has no load balancer (its loadBalancer.enabled is false)`;
  const m = LOCAL.exec(local);
  const counts = { cp: cluster.controlPlane.nodes, etcd: cluster.etcd.members + cluster.etcd.learners, worker: cluster.workers.nodes };
  if (m !== null && Number(m[2]) <= counts[m[1] as keyof typeof counts]) return undefined;
  return `unknown component ${quoteValue(name)}: ${clusterName} has ${describeComponents(cluster, options.allowLeader === true)}`;
}

/** "cp-1..cp-3, etcd-1..etcd-3, worker-1..worker-120 and lb". */
export function describeComponents(cluster: ClusterSpec, withLeader = false): string {
  const lbs = loadBalancerNames(cluster);
  const span = (prefix: string, n: number) => (n === 0 ? [] : n === 1 ? [`${prefix}-1`] : [`${prefix}-1..${prefix}-${n}`]);
  return listNames([
    ...span('cp', cluster.controlPlane.nodes),
    ...span('etcd', cluster.etcd.members + cluster.etcd.learners),
    ...span('worker', cluster.workers.nodes),
    ...(lbs.length <= 1 ? lbs : [`lb-1..lb-${lbs.length}`]),
    ...(withLeader ? ['etcd-leader'] : []),
  ]);
}
