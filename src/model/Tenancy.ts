/** Tenant isolation in shared clusters: what quotas and network policies contain, and what leaks. */
import type { SimTime } from '../kernel/index.js';
import type { ClusterModel } from './ClusterModel.js';
import type { TenantResult } from './Replication.js';

interface TenantState {
  readonly cluster: ClusterModel;
  readonly index: number;
  harmed: number;
  harmedSince: SimTime;
  exposed: number;
  exposedSince: SimTime;
  harmedSeconds: number;
  exposedSeconds: number;
  incidents: number;
  tenantsTouched: number;
}

/**
 * Two incidents a tenant can cause to its neighbours:
 * - a runaway workload: without a ResourceQuota it takes every free pod slot and starves the
 *   pods of the other tenants that share the workers (their workloads stop serving, and nothing
 *   evicted can be rescheduled meanwhile). With a quota it is capped: it harms nobody as long as
 *   the quota fits in the cluster's free capacity.
 * - a compromised pod: it reaches the services of every other tenant whose namespace has no
 *   default-deny NetworkPolicy. Exposure is counted in time, not in availability.
 */
export class Tenancy {
  private readonly tenants = new Map<string, TenantState>();

  constructor(
    clusters: readonly ClusterModel[],
    private readonly note: (text: string) => void,
  ) {
    for (const c of clusters) {
      c.layout.spec.tenants.forEach((t, index) => {
        this.tenants.set(`${c.name}/${t.name}`, {
          cluster: c,
          index,
          harmed: 0,
          harmedSince: 0,
          exposed: 0,
          exposedSince: 0,
          harmedSeconds: 0,
          exposedSeconds: 0,
          incidents: 0,
          tenantsTouched: 0,
        });
      });
    }
  }

  /** Starts an incident caused by tenant `key` (`<cluster>/<tenant>`); returns the function that ends it. */
  start(kind: 'runaway' | 'compromise', key: string, now: SimTime): (end: SimTime) => void {
    const source = this.tenants.get(key)!;
    const cluster = source.cluster;
    const spec = cluster.layout.spec;
    const tenantSpec = spec.tenants[source.index]!;
    const others = [...this.tenants.values()].filter((t) => t.cluster === cluster && t !== source);
    let victims: TenantState[];
    if (kind === 'runaway') {
      const w = cluster.workloads;
      const capacity = cluster.layout.workers.length * spec.workers.podsPerNode;
      let used = 0;
      for (let j = 0; j < w.workloadCount; j++) used += w.running[j]! + w.pending[j]!;
      const own = spec.workloads.filter((x) => x.tenant === tenantSpec.name).reduce((a, x) => a + x.replicas, 0);
      const contained = tenantSpec.quotaPods !== undefined && tenantSpec.quotaPods - own <= capacity - used;
      victims = contained ? [] : others;
      this.note(
        contained
          ? `${key}: its ResourceQuota (${tenantSpec.quotaPods} pods) caps the runaway workload; neighbours unaffected`
          : `${key}: no quota holds the runaway workload: it takes every free slot and starves ${victims.length} other tenant(s)`,
      );
      if (!contained) w.capacityExhausted = true;
      for (const v of victims) {
        if (v.harmed++ === 0) v.harmedSince = now;
        w.starved[v.index] = 1;
      }
    } else {
      victims = others.filter((t) => !spec.tenants[t.index]!.networkPolicy);
      this.note(`${key}: the compromised pod can reach ${victims.length} other tenant(s) without a default-deny NetworkPolicy`);
      for (const v of victims) if (v.exposed++ === 0) v.exposedSince = now;
    }
    source.incidents++;
    source.tenantsTouched += victims.length;
    return (end) => {
      const w = cluster.workloads;
      for (const v of victims) {
        if (kind === 'runaway') {
          if (--v.harmed === 0) {
            v.harmedSeconds += end - v.harmedSince;
            w.starved[v.index] = 0;
          }
        } else if (--v.exposed === 0) v.exposedSeconds += end - v.exposedSince;
      }
      if (kind === 'runaway') w.capacityExhausted = [...this.tenants.values()].some((t) => t.cluster === cluster && t.harmed > 0);
    };
  }

  results(horizon: SimTime): TenantResult[] {
    return [...this.tenants.entries()].map(([key, t]) => ({
      cluster: t.cluster.name,
      tenant: key.slice(t.cluster.name.length + 1),
      harmedSeconds: t.harmedSeconds + (t.harmed > 0 ? horizon - t.harmedSince : 0),
      exposedSeconds: t.exposedSeconds + (t.exposed > 0 ? horizon - t.exposedSince : 0),
      incidents: t.incidents,
      tenantsTouched: t.tenantsTouched,
    }));
  }
}
