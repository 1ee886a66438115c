/** Which kubesim role a record belongs to: a role name, a common job name, a kubesim component name, or the user's --map. */
import { ROLES, type Role } from '../../scenario/Scenario.js';

/**
 * Names that mean a role without a --map: the roles themselves, the usual Prometheus job names
 * of their processes, and the prefixes of kubesim's component names (`prod/cp-1`, `prod/lb`).
 */
const ALIASES: Readonly<Record<string, Role>> = {
  controlplane: 'controlPlane',
  cp: 'controlPlane',
  apiserver: 'controlPlane',
  'kube-apiserver': 'controlPlane',
  etcd: 'etcd',
  worker: 'worker',
  node: 'worker',
  kubelet: 'worker',
  loadbalancer: 'loadBalancer',
  lb: 'loadBalancer',
};

/** The user's --map entries, `name=role`. */
export type RoleMap = ReadonlyMap<string, Role>;

/** The role a name means: --map first, then the aliases (case does not count), else undefined. */
export function roleOf(name: string, map: RoleMap): Role | undefined {
  const mapped = map.get(name);
  if (mapped !== undefined) return mapped;
  return Object.hasOwn(ALIASES, name.toLowerCase()) ? ALIASES[name.toLowerCase()] : undefined;
}

/** The role of a component: --map of its whole name, else named like kubesim's (`prod/etcd-2`, `etcd-2`, `prod/lb`), its last part without the number. */
export function roleOfComponent(component: string, map: RoleMap): Role | undefined {
  const mapped = map.get(component);
  if (mapped !== undefined) return mapped;
  const last = component.split('/').pop() ?? component;
  return roleOf(last.replace(/-?\d+$/, ''), map);
}

export const ROLE_NAMES: readonly string[] = ROLES;
