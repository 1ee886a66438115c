/** Reads one cluster: the model's preset fills what is left out, and the model's rules are checked. */
import { DEPLOYMENT_MODELS, MODEL_PRESETS } from '../presets.js';
import type { ClusterSpec, DeploymentModel, TenantSpec, WorkloadSpec } from '../Scenario.js';
import { checkReference, checkUnique, type NameSet } from './names.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { readRoleFailures } from './readFailures.js';
import { readSizes } from './readSizes.js';
import { field, need, readBoolean, readEnum, readInteger, readList, readObject, readString } from './read.js';
import { quoteName } from '../../kernel/quoteValue.js';

/** One cluster; `datacenters` are the scenario's, in order (the default placement). */
export function readCluster(p: Problems, v: unknown, path: Path, datacenters: NameSet): ClusterSpec | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const name = readString(p, need(p, obj, path, 'name'), [...path, 'name']) ?? '';
  const model: DeploymentModel = readEnum(p, need(p, obj, path, 'model'), [...path, 'model'], DEPLOYMENT_MODELS) ?? 'multi-master';
  const preset = MODEL_PRESETS[model];
  const dcs = readClusterDatacenters(p, obj, path, model, datacenters);

  const lb = field(obj, 'loadBalancer');
  const lbPath = [...path, 'loadBalancer'];
  const enabled = readBoolean(p, field(lb, 'enabled'), [...lbPath, 'enabled']);
  if (preset.singleHost && enabled === true) {
    p.add([...lbPath, 'enabled'], `expected false for a ${model} cluster (one host, nothing to balance), found true`);
  }
  const lbDcs = readLoadBalancerDatacenters(p, lb, lbPath, datacenters);

  const tenants = readTenants(p, field(obj, 'tenants'), [...path, 'tenants']);
  if (preset.needsTenants && tenants.length === 0) {
    const at = field(obj, 'tenants') === undefined ? path : [...path, 'tenants'];
    p.add(at, `a ${model} cluster needs tenants: expected at least one under 'tenants', found none`);
  }
  return {
    name,
    model,
    datacenters: dcs,
    ...readSizes(p, obj, path, model),
    loadBalancer: { enabled: preset.singleHost ? false : (enabled ?? preset.loadBalancer), datacenters: lbDcs ?? [dcs[0]!] },
    workloads: readWorkloads(p, field(obj, 'workloads'), [...path, 'workloads'], tenants),
    tenants,
    failures: readRoleFailures(p, field(obj, 'failures'), [...path, 'failures']),
  };
}

/** `datacenter: dc-a` (one instance) or `datacenters: [dc-a, dc-b]` (one in each); undefined when neither is set. */
function readLoadBalancerDatacenters(p: Problems, lb: unknown, lbPath: Path, datacenters: NameSet): string[] | undefined {
  const one = field(lb, 'datacenter');
  const many = field(lb, 'datacenters');
  if (one !== undefined && many !== undefined) {
    p.add(lbPath, 'expected either datacenter (one load balancer) or datacenters (one in each), found both');
    return undefined;
  }
  if (one !== undefined) {
    const dc = readString(p, one, [...lbPath, 'datacenter']);
    return dc !== undefined && checkReference(p, dc, datacenters, [...lbPath, 'datacenter'], 'datacenter') ? [dc] : undefined;
  }
  if (many === undefined) return undefined;
  // An empty list is the schema's to report (minItems).
  const names = readDatacenterList(p, many, [...lbPath, 'datacenters'], datacenters);
  return names.length > 0 ? names : undefined;
}

/** A list of datacenter names, each declared and none twice; the valid ones, in order. */
function readDatacenterList(p: Problems, raw: unknown, at: Path, all: NameSet): string[] {
  const names: string[] = [];
  readList(p, raw, at).forEach((item, i) => {
    const dc = readString(p, item, [...at, i]);
    if (dc === undefined) return;
    if (names.includes(dc)) p.add([...at, i], `datacenter ${quoteName(dc)} is listed twice`);
    else if (checkReference(p, dc, all, [...at, i], 'datacenter')) names.push(dc);
  });
  return names;
}

function readClusterDatacenters(p: Problems, obj: unknown, path: Path, model: DeploymentModel, all: NameSet): string[] {
  const at = [...path, 'datacenters'];
  const raw = field(obj, 'datacenters');
  const single = MODEL_PRESETS[model].singleHost;
  const fallback = single ? all.names.slice(0, 1) : [...all.names];
  if (raw === undefined) return fallback;
  const names = readDatacenterList(p, raw, at, all);
  if (single && Array.isArray(raw) && raw.length > 1) {
    p.add(at, `expected one datacenter for a ${model} cluster (one host runs everything), found ${raw.length}`);
  }
  return names.length > 0 ? names : fallback;
}

function readTenants(p: Problems, v: unknown, path: Path): TenantSpec[] {
  const tenants: TenantSpec[] = [];
  const declared: { name: string; path: Path }[] = [];
  readList(p, v, path).forEach((item, i) => {
    const at = [...path, i];
    const obj = readObject(p, item, at);
    if (obj === undefined) return;
    const name = readString(p, need(p, obj, at, 'name'), [...at, 'name']);
    const quota = readObject(p, field(obj, 'quota'), [...at, 'quota']);
    const quotaPods = quota === undefined ? undefined : readInteger(p, need(p, quota, [...at, 'quota'], 'pods'), [...at, 'quota', 'pods'], 0);
    const networkPolicy = readBoolean(p, field(obj, 'networkPolicy'), [...at, 'networkPolicy']) ?? false;
    if (name === undefined) return;
    declared.push({ name, path: [...at, 'name'] });
    tenants.push(quotaPods === undefined ? { name, networkPolicy } : { name, quotaPods, networkPolicy });
  });
  checkUnique(p, declared, 'tenant');
  return tenants;
}

function readWorkloads(p: Problems, v: unknown, path: Path, tenants: readonly TenantSpec[]): WorkloadSpec[] {
  const workloads: WorkloadSpec[] = [];
  const declared: { name: string; path: Path }[] = [];
  const tenantNames: NameSet = { names: tenants.map((t) => t.name), complete: true };
  readList(p, v, path).forEach((item, i) => {
    const at = [...path, i];
    const obj = readObject(p, item, at);
    if (obj === undefined) return;
    const name = readString(p, need(p, obj, at, 'name'), [...at, 'name']);
    const replicas = readInteger(p, need(p, obj, at, 'replicas'), [...at, 'replicas'], 1, 150_000);
    const tenant = readString(p, field(obj, 'tenant'), [...at, 'tenant']);
    if (tenant !== undefined && tenants.length === 0) {
      p.add([...at, 'tenant'], `unknown tenant ${quoteName(tenant)}: the cluster declares no tenants (add it under 'tenants')`);
    } else if (tenant !== undefined) {
      checkReference(p, tenant, tenantNames, [...at, 'tenant'], 'tenant');
    }
    const minAvailable = readInteger(p, field(obj, 'minAvailable'), [...at, 'minAvailable'], 0) ?? 1;
    if (replicas !== undefined && minAvailable > replicas) {
      p.add([...at, 'minAvailable'], `expected at most replicas (${replicas}), found ${minAvailable}`);
    }
    if (name === undefined || replicas === undefined) return;
    declared.push({ name, path: [...at, 'name'] });
    workloads.push(tenant === undefined ? { name, replicas, minAvailable } : { name, replicas, tenant, minAvailable });
  });
  checkUnique(p, declared, 'workload');
  return workloads;
}
