import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbScenario } from './arbitraries.js';

describe('arbScenario', () => {
  // 400 draws: the rarest feature (a tenant fault, about 1 draw in 20) is missed with odds below 1e-8.
  const drawn = fc.sample(arbScenario, 400);
  const some = (what: string, f: (s: (typeof drawn)[number]) => boolean) => expect(drawn.some(f), what).toBe(true);

  it('should draw every deployment model', () => {
    for (const model of ['single-server', 'multi-master', 'multi-tenant', 'multi-cluster', 'federation']) {
      some(model, (s) => s.clusters.some((c) => c.model === model));
    }
  });

  it('should draw learners, stacked and external etcd, and load balancers in several datacenters', () => {
    some('learners', (s) => s.clusters.some((c) => c.etcd.learners > 0));
    some('stacked', (s) => s.clusters.some((c) => c.etcd.topology === 'stacked' && c.etcd.members > 1));
    some('external', (s) => s.clusters.some((c) => c.etcd.topology === 'external'));
    some('several load balancers', (s) => s.clusters.some((c) => c.loadBalancer.enabled && c.loadBalancer.datacenters.length > 1));
  });

  it('should draw one to three datacenters, with and without outages', () => {
    for (const n of [1, 2, 3]) some(`${n} datacenters`, (s) => s.datacenters.length === n);
    some('a datacenter outage', (s) => s.datacenters.some((d) => d.outage !== undefined));
  });

  it('should draw random failures of every role and every scripted fault kind', () => {
    for (const role of ['controlPlane', 'etcd', 'worker', 'loadBalancer'] as const) some(role, (s) => s.failures[role] !== undefined);
    for (const kind of ['crash', 'outage', 'partition', 'rollingUpgrade', 'runaway', 'compromise', 'rollout']) {
      some(kind, (s) => s.faults.some((f) => f.kind === kind));
    }
  });
});
