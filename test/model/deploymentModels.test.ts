/** Each deployment model under a scripted fault with a hand-checked outcome. */
import { describe, expect, it } from 'vitest';
import { runReplication, type ReplicationResult } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { RolloutStrategy, Scenario } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from './fixtures.js';

const HOUR = 3600;
const run = (s: Scenario): ReplicationResult => runReplication(s, buildTopology(s), 0, { trace: true });
const stats = (r: ReplicationResult, c: string, name: string) => r.signals.find((x) => x.cluster === c && x.signal === name)!.stats;
const web = [{ name: 'web', replicas: 3, minAvailable: 1 }];

function federation(strategy: RolloutStrategy, stepSize = 1): Scenario {
  const dcs = ['dc-a', 'dc-b', 'dc-c', 'dc-d'];
  return scenario({
    horizon: 12 * HOUR,
    clusters: ['host', 'm1', 'm2', 'm3'].map((name, i) =>
      cluster({ name, model: 'federation', datacenters: [dcs[i]!], workers: { nodes: 3 }, workloads: name === 'host' ? [] : web }),
    ),
    federation: {
      hostCluster: 'host',
      members: ['m1', 'm2', 'm3'],
      rollout: { strategy, stepSize, bake: HOUR, detect: 600, rollback: 300 },
    },
    faults: [{ kind: 'rollout', at: HOUR, version: 'v2', bad: true }],
  });
}

describe('federation rollouts of a bad version', () => {
  it('should reach one cluster with a canary and keep the global service up', () => {
    const r = run(federation('canary'));
    expect(r.badVersionReach).toBe(1);
    expect(stats(r, 'global', 'service').downTime).toBe(0);
    // The canary is broken from the push until detection (10 min) plus rollback (5 min).
    expect(stats(r, 'm1', 'workloads').downTime).toBe(900);
    expect(stats(r, 'm2', 'workloads').downTime).toBe(0);
  });

  it('should reach every cluster with a hard cutover and take the service down until the rollback', () => {
    const r = run(federation('hardCutover'));
    expect(r.badVersionReach).toBe(3);
    expect(stats(r, 'global', 'service').downTime).toBe(900);
  });

  it('should reach one step of clusters when gradual', () => {
    const r = run(federation('gradual', 2));
    expect(r.badVersionReach).toBe(2);
    expect(stats(r, 'global', 'service').downTime).toBe(0);
    expect(stats(r, 'm3', 'workloads').downTime).toBe(0);
  });

  it('should let a canary reach everyone when the bake time is shorter than detection', () => {
    const s = federation('canary');
    const r = run({ ...s, federation: { ...s.federation!, rollout: { ...s.federation!.rollout, bake: 300 } } });
    expect(r.badVersionReach).toBe(3);
  });

  it('should not break anything with a good version', () => {
    const s = federation('hardCutover');
    const r = run({ ...s, faults: [{ kind: 'rollout', at: HOUR, version: 'v2', bad: false }] });
    expect(r.badVersionReach).toBeNull();
    expect(stats(r, 'global', 'service').downTime).toBe(0);
  });
});

describe('multi-tenant isolation', () => {
  function tenants(isolated: boolean): Scenario {
    return scenario({
      horizon: 6 * HOUR,
      clusters: [
        cluster({
          name: 'shared',
          model: 'multi-tenant',
          workers: { nodes: 3, podsPerNode: 10 },
          tenants: [
            { name: 'a', networkPolicy: isolated, ...(isolated ? { quotaPods: 8 } : {}) },
            { name: 'b', networkPolicy: isolated, ...(isolated ? { quotaPods: 8 } : {}) },
          ],
          workloads: [
            { name: 'a-web', replicas: 4, tenant: 'a', minAvailable: 1 },
            { name: 'b-web', replicas: 4, tenant: 'b', minAvailable: 1 },
          ],
        }),
      ],
      faults: [
        { kind: 'runaway', at: HOUR, tenant: 'shared/a', duration: HOUR },
        { kind: 'compromise', at: 3 * HOUR, tenant: 'shared/a', duration: 1800 },
      ],
    });
  }

  it('should keep tenant b available during a\'s runaway when quotas hold it, and not without', () => {
    const isolated = run(tenants(true));
    const open = run(tenants(false));
    expect(stats(isolated, 'shared', 'tenant:b').downTime).toBe(0);
    expect(stats(open, 'shared', 'tenant:b').downTime).toBe(HOUR);
    // The runaway tenant itself keeps serving either way.
    expect(stats(open, 'shared', 'tenant:a').downTime).toBe(0);
  });

  it('should expose the other tenant to a compromised pod only without network policies', () => {
    const isolated = run(tenants(true)).tenants.find((t) => t.tenant === 'b')!;
    const open = run(tenants(false)).tenants.find((t) => t.tenant === 'b')!;
    expect(isolated.exposedSeconds).toBe(0);
    expect(open.exposedSeconds).toBe(1800);
    expect(open.harmedSeconds).toBe(HOUR);
    const a = run(tenants(false)).tenants.find((t) => t.tenant === 'a')!;
    expect(a).toMatchObject({ incidents: 2, tenantsTouched: 2 });
  });
});

describe('multi-cluster', () => {
  const s = scenario({
    horizon: 6 * HOUR,
    clusters: ['east', 'west'].map((name, i) => cluster({ name, model: 'multi-cluster', datacenters: [['dc-a', 'dc-b'][i]!], workers: { nodes: 3 }, workloads: web })),
    management: { cluster: 'east' },
  });

  it('should keep the global service up while one datacenter is dark', () => {
    const r = run({ ...s, faults: [{ kind: 'outage', at: HOUR, target: 'dc-a', duration: HOUR }] });
    expect(stats(r, 'east', 'workloads').downTime).toBeGreaterThanOrEqual(HOUR);
    expect(stats(r, 'global', 'service').downTime).toBe(0);
    // The management plane lives in east: it is down with it.
    expect(stats(r, 'global', 'management').downTime).toBeGreaterThanOrEqual(HOUR);
  });

  it('should lose the global service only while both are dark', () => {
    const r = run({
      ...s,
      faults: [
        { kind: 'outage', at: HOUR, target: 'dc-a', duration: HOUR },
        { kind: 'outage', at: HOUR + 1800, target: 'dc-b', duration: HOUR },
      ],
    });
    // From dc-b going dark until east's pods have restarted (10 s pod startup) after dc-a returns.
    expect(stats(r, 'global', 'service').downTime).toBe(1800 + 10);
  });
});
