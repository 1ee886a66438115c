/** Defaults and model presets: what a scenario gets for the fields it leaves out. */
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, YEAR } from '../../src/kernel/index.js';
import { COST_DEFAULTS, ETCD_LOAD_DEFAULTS, KUBERNETES_DEFAULTS, RAFT_DEFAULTS } from '../../src/scenario/index.js';
import { parse, withSpec } from './fixtures.js';

const cluster = (yaml: string) => parse(withSpec(`clusters:\n  - ${yaml}\n`)).clusters[0]!;

describe('scenario defaults', () => {
  it('should fill the scenario-wide defaults', () => {
    const s = parse(withSpec('clusters:\n  - { name: prod, model: multi-master }\n'));
    expect(s).toMatchObject({ name: 't', description: '', file: 'x.yaml', horizon: YEAR, replications: 100, seed: 1 });
    expect(s.datacenters).toEqual([{ name: 'dc-1' }]);
    expect(s.failureDomains).toEqual([]);
    expect(s.failures).toEqual({});
    expect(s.faults).toEqual([]);
    expect(s.raft).toEqual(RAFT_DEFAULTS);
    expect(s.kubernetes).toEqual(KUBERNETES_DEFAULTS);
    expect(s.etcdLoad).toEqual(ETCD_LOAD_DEFAULTS);
    expect(s.cost).toEqual(COST_DEFAULTS);
    expect(s.management).toBeUndefined();
    expect(s.federation).toBeUndefined();
  });

  it('should use the etcd and Kubernetes defaults in seconds', () => {
    expect(RAFT_DEFAULTS).toEqual({ heartbeatInterval: 0.1, electionTimeout: 1, preVote: true, rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: 0.002 });
    expect(KUBERNETES_DEFAULTS).toEqual({
      leaseDuration: 15,
      renewDeadline: 10,
      retryPeriod: 2,
      nodeMonitorGracePeriod: 50,
      nodeMonitorPeriod: 5,
      podEvictionTimeout: 300,
      podStartup: 10,
      nodeEvictionRate: 0.1,
      secondaryNodeEvictionRate: 0.01,
      unhealthyZoneThreshold: 0.55,
      largeClusterSizeThreshold: 50,
    });
    expect(COST_DEFAULTS).toEqual({ currency: 'USD', hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 } });
    expect(ETCD_LOAD_DEFAULTS).toEqual({
      podsPerNode: 30,
      podLifetime: DAY,
      writesPerPod: 11,
      eventsPerPod: 5,
      eventsInSeparateEtcd: false,
      leaseRenewInterval: 10,
      nodeStatusReportInterval: 5 * MINUTE,
      leaderWritesPerSecond: 44_341,
      writeCost: 10,
    });
  });

  it('should read spec.etcdLoad with units, keeping the defaults of the fields it leaves out', () => {
    const s = parse(withSpec('etcdLoad: { podLifetime: 2h, eventsInSeparateEtcd: true, leaderWritesPerSecond: 20000 }\nclusters:\n  - { name: prod, model: multi-master }\n'));
    expect(s.etcdLoad).toEqual({ ...ETCD_LOAD_DEFAULTS, podLifetime: 2 * HOUR, eventsInSeparateEtcd: true, leaderWritesPerSecond: 20_000 });
  });

  // Each row: the model, then what a cluster of that model gets when it gives no counts.
  const PRESETS = [
    ['single-server', 1, 1, 1, false],
    ['multi-master', 3, 3, 3, true],
    ['multi-tenant', 3, 3, 3, true],
    ['multi-cluster', 3, 3, 3, true],
    ['federation', 3, 3, 3, true],
  ] as const;
  for (const [model, cp, members, workers, lb] of PRESETS) {
    it(`should give a ${model} cluster ${cp} control-plane node(s), ${members} stacked member(s), ${workers} worker(s)`, () => {
      const spec = withSpec(
        `clusters:\n  - { name: a, model: ${model}, tenants: [{ name: t1 }] }\n  - { name: b, model: ${model}, tenants: [{ name: t1 }] }\n` +
          (model === 'federation' ? 'federation: { hostCluster: a }\n' : ''),
      );
      const c = parse(spec).clusters[0]!;
      expect(c.controlPlane.nodes).toBe(cp);
      expect(c.etcd).toEqual({ members, learners: 0, topology: 'stacked' });
      expect(c.workers).toEqual({ nodes: workers, podsPerNode: 110 });
      expect(c.loadBalancer).toEqual({ enabled: lb, datacenters: ['dc-1'] });
    });
  }

  it('should couple stacked counts: members follow the control plane and the reverse', () => {
    expect(cluster('{ name: p, model: multi-master, controlPlane: { nodes: 5 } }').etcd.members).toBe(5);
    expect(cluster('{ name: p, model: multi-master, etcd: { members: 5 } }').controlPlane.nodes).toBe(5);
    expect(cluster('{ name: p, model: multi-master, etcd: { members: 3, learners: 1 } }').controlPlane.nodes).toBe(4);
    // More control-plane nodes than etcd allows: members stop at 9, the rest run without one.
    expect(cluster('{ name: p, model: multi-master, controlPlane: { nodes: 12 } }').etcd.members).toBe(9);
    // External: the two sides are independent.
    const ext = cluster('{ name: p, model: multi-master, controlPlane: { nodes: 2 }, etcd: { topology: external } }');
    expect([ext.controlPlane.nodes, ext.etcd.members]).toEqual([2, 3]);
  });

  it('should place a single-server cluster in the first datacenter and the others in all', () => {
    const s = parse(withSpec('datacenters: [{ name: a }, { name: b }]\nclusters:\n  - { name: dev, model: single-server }\n  - { name: prod, model: multi-master }\n'));
    expect(s.clusters.map((c) => c.datacenters)).toEqual([['a'], ['a', 'b']]);
    expect(s.clusters[1]!.loadBalancer.datacenters).toEqual(['a']);
  });

  it('should default workloads, tenants, faults and the federation rollout', () => {
    const s = parse(
      withSpec(
        [
          'clusters:',
          '  - { name: host, model: federation }',
          '  - { name: m1, model: federation, tenants: [{ name: t }], workloads: [{ name: w, replicas: 3, tenant: t }] }',
          '  - { name: m2, model: federation }',
          'federation: { hostCluster: host }',
          'faults:',
          '  - { at: 1d, rollingUpgrade: m1/workers, each: 5m }',
          '  - { at: 2d, rollout: v2 }',
          '',
        ].join('\n'),
      ),
    );
    expect(s.clusters[1]!.tenants).toEqual([{ name: 't', networkPolicy: false }]);
    expect(s.clusters[1]!.workloads).toEqual([{ name: 'w', replicas: 3, tenant: 't', minAvailable: 1 }]);
    expect(s.federation).toEqual({
      hostCluster: 'host',
      members: ['m1', 'm2'],
      rollout: { strategy: 'canary', stepSize: 1, bake: HOUR, detect: 10 * MINUTE, rollback: 5 * MINUTE },
    });
    expect(s.faults).toEqual([
      { kind: 'rollingUpgrade', at: DAY, target: 'm1/workers', each: 5 * MINUTE, surge: 1 },
      { kind: 'rollout', at: 2 * DAY, version: 'v2', bad: false },
    ]);
  });

  it('should read every distribution and convert durations to seconds', () => {
    const s = parse(
      withSpec(
        [
          'failures:',
          '  controlPlane: { mttf: 90d, mttr: 1h30m }',
          '  etcd: { mttf: { weibull: { shape: 1.5, scale: 1y } }, mttr: { lognormal: { median: 1h, sigma: 0.5 } } }',
          '  worker: { mttf: { exponential: { mean: 3600 } }, mttr: { uniform: { min: 10m, max: 2h } } }',
          '  loadBalancer: { mttf: 1w, mttr: { fixed: 90s } }',
          'clusters:',
          '  - { name: p, model: multi-master }',
          '',
        ].join('\n'),
      ),
    );
    expect(s.failures).toEqual({
      controlPlane: { mttf: { kind: 'exponential', mean: 90 * DAY }, mttr: { kind: 'exponential', mean: 5400 } },
      etcd: { mttf: { kind: 'weibull', shape: 1.5, scale: YEAR }, mttr: { kind: 'lognormal', median: HOUR, sigma: 0.5 } },
      worker: { mttf: { kind: 'exponential', mean: 3600 }, mttr: { kind: 'uniform', min: 600, max: 7200 } },
      loadBalancer: { mttf: { kind: 'exponential', mean: 7 * DAY }, mttr: { kind: 'fixed', value: 90 } },
    });
  });

  it('should keep per-cluster failures apart from the scenario-wide ones', () => {
    const s = parse(withSpec('failures:\n  worker: { mttf: 60d, mttr: 4h }\nclusters:\n  - name: p\n    model: multi-master\n    failures:\n      worker: { mttf: 30d, mttr: 1h }\n'));
    expect(s.failures.worker!.mttf).toEqual({ kind: 'exponential', mean: 60 * DAY });
    expect(s.clusters[0]!.failures.worker!.mttf).toEqual({ kind: 'exponential', mean: 30 * DAY });
  });

  it('should accept an even etcd size (a teaching point, not an error)', () => {
    expect(cluster('{ name: p, model: multi-master, controlPlane: { nodes: 4 }, etcd: { members: 4 } }').etcd.members).toBe(4);
  });

  it('should accept YAML anchors and merge keys, to share settings between clusters', () => {
    const s = parse(
      withSpec(
        [
          'clusters:',
          '  - &base { name: a, model: multi-master, workers: { nodes: 7 } }',
          '  - { <<: *base, name: b }',
          '',
        ].join('\n'),
      ),
    );
    expect(s.clusters.map((c) => [c.name, c.workers.nodes])).toEqual([
      ['a', 7],
      ['b', 7],
    ]);
  });
});
