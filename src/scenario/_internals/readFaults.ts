/** Reads scripted faults: one kind each, its own fields, a target that exists, a time within the horizon. */
import { formatDuration, type SimTime } from '../../kernel/index.js';
import { checkComponentName } from '../components.js';
import type { ClusterSpec, Fault } from '../Scenario.js';
import { describeValue, didYouMean, unknownName } from './describe.js';
import type { NameSet } from './names.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, need, readBoolean, readDuration, readInteger, readList, readObject, readString } from './read.js';

const KINDS = ['crash', 'outage', 'partition', 'rollingUpgrade', 'runaway', 'compromise', 'rollout'] as const;
type Kind = (typeof KINDS)[number];

/** The fields each kind needs and may have, besides `at` and the kind itself. */
const FIELDS: Readonly<Record<Kind, { readonly needs: readonly string[]; readonly may: readonly string[] }>> = {
  crash: { needs: ['for'], may: [] },
  outage: { needs: ['for'], may: [] },
  partition: { needs: ['for'], may: [] },
  rollingUpgrade: { needs: ['each'], may: ['surge'] },
  runaway: { needs: ['for'], may: [] },
  compromise: { needs: ['for'], may: [] },
  rollout: { needs: [], may: ['bad'] },
};
const EXTRAS = ['for', 'each', 'surge', 'bad'] as const;

/** What faults may name. */
export interface FaultTargets {
  readonly horizon: SimTime;
  readonly clusters: ReadonlyMap<string, ClusterSpec>;
  /** False when some cluster was unreadable: unknown components then stay silent. */
  readonly clustersComplete: boolean;
  readonly datacenters: NameSet;
  readonly failureDomains: NameSet;
  readonly hasFederation: boolean;
}

export function readFaults(p: Problems, v: unknown, path: Path, targets: FaultTargets): Fault[] {
  const faults: Fault[] = [];
  readList(p, v, path).forEach((item, i) => {
    const fault = readFault(p, item, [...path, i], targets);
    if (fault !== undefined) faults.push(fault);
  });
  return faults;
}

function readFault(p: Problems, v: unknown, path: Path, t: FaultTargets): Fault | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const at = readDuration(p, need(p, obj, path, 'at'), [...path, 'at']);
  if (at !== undefined && at >= t.horizon) {
    p.add([...path, 'at'], `expected a time before the horizon (${formatDuration(t.horizon)}), found ${describeValue(field(obj, 'at'))}`);
  }
  const kinds = KINDS.filter((k) => Object.hasOwn(obj, k));
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : `${kinds.join(' and ')}; split it into one fault per kind`;
    p.add(path, `expected exactly one of ${KINDS.join(', ')} in a fault, found ${found}`);
    return undefined;
  }
  const kind = kinds[0]!;
  const { needs, may } = FIELDS[kind];
  for (const extra of EXTRAS) {
    if (Object.hasOwn(obj, extra) && !needs.includes(extra) && !may.includes(extra)) {
      const users = KINDS.filter((k) => FIELDS[k].needs.includes(extra) || FIELDS[k].may.includes(extra));
      p.add([...path, extra], `'${extra}' does not apply to a ${kind} fault (it applies to ${users.join(', ')})`);
    }
  }
  const duration = () => readDuration(p, need(p, obj, path, 'for'), [...path, 'for'], true);
  const target = (): string | undefined => readString(p, field(obj, kind), [...path, kind]);
  const targetPath = [...path, kind];
  const ok = (name: string | undefined, problem: string | undefined): name is string => {
    if (name === undefined) return false;
    if (problem !== undefined && t.clustersComplete) p.add(targetPath, problem);
    return problem === undefined;
  };

  switch (kind) {
    case 'crash': {
      const name = target();
      const d = duration();
      const good = ok(name, name === undefined ? undefined : checkComponentName(name, t.clusters, { allowLeader: true }));
      return good && at !== undefined && d !== undefined ? { kind, at, target: name, duration: d } : undefined;
    }
    case 'outage': {
      const name = target();
      const d = duration();
      const good = ok(name, name === undefined ? undefined : checkPlace(name, t));
      return good && at !== undefined && d !== undefined ? { kind, at, target: name, duration: d } : undefined;
    }
    case 'partition': {
      const groups = readGroups(p, field(obj, kind), targetPath, t);
      const d = duration();
      return groups !== undefined && at !== undefined && d !== undefined ? { kind, at, groups, duration: d } : undefined;
    }
    case 'rollingUpgrade': {
      const name = target();
      const each = readDuration(p, need(p, obj, path, 'each'), [...path, 'each'], true);
      const surge = readInteger(p, field(obj, 'surge'), [...path, 'surge'], 1) ?? 1;
      const good = ok(name, name === undefined ? undefined : checkUpgradeTarget(name, t));
      return good && at !== undefined && each !== undefined ? { kind, at, target: name, each, surge } : undefined;
    }
    case 'runaway':
    case 'compromise': {
      const name = target();
      const d = duration();
      const good = ok(name, name === undefined ? undefined : checkTenant(name, t));
      return good && at !== undefined && d !== undefined ? { kind, at, tenant: name, duration: d } : undefined;
    }
    case 'rollout': {
      const version = target();
      const bad = readBoolean(p, field(obj, 'bad'), [...path, 'bad']) ?? false;
      if (!t.hasFederation) p.add(targetPath, 'a rollout fault needs spec.federation (the clusters it rolls out to), found none');
      return version !== undefined && at !== undefined && t.hasFederation ? { kind, at, version, bad } : undefined;
    }
  }
}

/** A datacenter or a failure domain. */
function checkPlace(name: string, t: FaultTargets): string | undefined {
  const places = [...t.datacenters.names, ...t.failureDomains.names];
  if (places.includes(name) || !t.datacenters.complete || !t.failureDomains.complete) return undefined;
  return unknownName('datacenter or failure domain', name, places);
}

/** Partition groups: datacenter or component names, each in one group only. */
function readGroups(p: Problems, v: unknown, path: Path, t: FaultTargets): string[][] | undefined {
  const groups: string[][] = [];
  const seen = new Set<string>();
  let good = true;
  readList(p, v, path).forEach((g, i) => {
    const group: string[] = [];
    readList(p, g, [...path, i]).forEach((item, j) => {
      const at = [...path, i, j];
      const name = readString(p, item, at);
      if (name === undefined) {
        good = false;
        return;
      }
      const problem = t.datacenters.names.includes(name)
        ? undefined
        : name.includes('/')
          ? checkComponentName(name, t.clusters)
          : `${unknownName('datacenter', name, t.datacenters.names)}; a partition groups datacenters or components (prod/etcd-1)`;
      if (problem !== undefined) {
        if (t.clustersComplete && t.datacenters.complete) p.add(at, problem);
        good = false;
      } else if (seen.has(name)) {
        p.add(at, `'${name}' is in more than one group; partition groups must be disjoint`);
        good = false;
      }
      seen.add(name);
      group.push(name);
    });
    groups.push(group);
  });
  return good && groups.length > 0 ? groups : undefined;
}

const UPGRADE_PARTS = ['controlPlane', 'etcd', 'workers'] as const;

/** `<cluster>/controlPlane`, `<cluster>/etcd` or `<cluster>/workers`. */
function checkUpgradeTarget(name: string, t: FaultTargets): string | undefined {
  const [clusterName, part, ...rest] = name.split('/');
  const expected = `expected <cluster>/controlPlane, <cluster>/etcd or <cluster>/workers, found "${name}"`;
  if (part === undefined || rest.length > 0) return expected;
  const cluster = t.clusters.get(clusterName!);
  if (cluster === undefined) return unknownCluster(clusterName!, name, t);
  if (!(UPGRADE_PARTS as readonly string[]).includes(part)) return `${expected}${didYouMean(part, UPGRADE_PARTS)}`;
  if (part === 'workers' && cluster.workers.nodes === 0) return `${cluster.name} has no workers to upgrade`;
  return undefined;
}

/** `<cluster>/<tenant>`. */
function checkTenant(name: string, t: FaultTargets): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return `expected <cluster>/<tenant>, found "${name}"`;
  const clusterName = name.slice(0, slash);
  const tenant = name.slice(slash + 1);
  const cluster = t.clusters.get(clusterName);
  if (cluster === undefined) return unknownCluster(clusterName, name, t);
  const tenants = cluster.tenants.map((x) => x.name);
  if (tenants.includes(tenant)) return undefined;
  if (tenants.length === 0) return `unknown tenant '${tenant}': cluster ${clusterName} declares no tenants`;
  return `${unknownName('tenant', tenant, tenants)} in cluster ${clusterName}`;
}

function unknownCluster(clusterName: string, name: string, t: FaultTargets): string {
  return `${unknownName('cluster', clusterName, [...t.clusters.keys()])} in "${name}"`;
}
