/** The tenant incidents (runaway workload, compromised pod): one definition shape for both kinds. */
import type { SimTime } from '../../kernel/index.js';
import { unknownName } from '../_internals/describe.js';
import { FOR_FIELD, type FaultDefinition } from './FaultDefinition.js';
import { unknownCluster, type FaultTargets } from './FaultTargets.js';
import { quoteName, quoteValue } from '../../kernel/quoteValue.js';

/** A fault that a tenant (`<cluster>/<tenant>`) causes to its neighbours. */
export interface TenantIncident<K extends string> {
  readonly kind: K;
  readonly at: SimTime;
  readonly tenant: string;
  readonly duration: SimTime;
}

/** The definition of a tenant incident of kind `kind`, told as `<what> <tenant>`. */
export function tenantIncident<K extends string>(kind: K, description: string, what: string): FaultDefinition<TenantIncident<K>> {
  return {
    schema: { description, type: 'string', minLength: 1 },
    fields: { for: FOR_FIELD },
    read(r) {
      const name = r.text();
      const d = r.duration();
      const good = r.ok(name, name === undefined ? undefined : checkTenant(name, r.targets));
      return good && r.at !== undefined && d !== undefined ? { kind, at: r.at, tenant: name, duration: d } : undefined;
    },
    describe: (f, duration) => `${what} ${f.tenant} for ${duration(f.duration)}`,
    toldByItsEffect: false,
    downSeconds: (f) => f.duration,
  };
}

/** `<cluster>/<tenant>`. */
function checkTenant(name: string, t: FaultTargets): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return `expected <cluster>/<tenant>, found ${quoteValue(name)}`;
  const clusterName = name.slice(0, slash);
  const tenant = name.slice(slash + 1);
  const cluster = t.clusters.get(clusterName);
  if (cluster === undefined) return unknownCluster(clusterName, name, t);
  const tenants = cluster.tenants.map((x) => x.name);
  if (tenants.includes(tenant)) return undefined;
  if (tenants.length === 0) return `unknown tenant ${quoteName(tenant)}: cluster ${quoteName(clusterName)} declares no tenants`;
  return `${unknownName('tenant', tenant, tenants)} in cluster ${quoteName(clusterName)}`;
}
