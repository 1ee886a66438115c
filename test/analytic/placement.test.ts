import { describe, expect, it } from 'vitest';
import { analyzeScenario, kOfNAvailability } from '../../src/analytic/index.js';
import { buildTopology } from '../../src/model/Topology.js';
import { cluster, clusterAnswer, DAY, fails, HOUR, scenario } from './fixtures.js';

/** MTTF / (MTTF + MTTR) of an exponential process built by `fails`. */
const availabilityOf = (mttf: number, mttr: number) => mttf / (mttf + mttr);
const etcd = fails(120 * DAY, HOUR);
const aEtcd = availabilityOf(120 * DAY, HOUR);

describe('analyzeScenario: where things run (the simulation’s placement rules)', () => {
  it('should put every role’s failures on the one host of a single server, and no load balancer', () => {
    const roles = { controlPlane: [90 * DAY, 2 * HOUR], etcd: [120 * DAY, HOUR], worker: [60 * DAY, 4 * HOUR], loadBalancer: [365 * DAY, 600] } as const;
    const s = scenario({
      datacenters: [{ name: 'dc-1', outage: fails(5 * 365 * DAY, 4 * HOUR) }],
      failures: Object.fromEntries(Object.entries(roles).map(([r, [f, m]]) => [r, fails(f, m)])),
      clusters: [cluster({ model: 'single-server', controlPlane: { nodes: 1 }, etcd: { members: 1 }, loadBalancer: { enabled: true } })],
    });
    const c = clusterAnswer(analyzeScenario(s));
    // Independent processes on one host: the product of their availabilities and the datacenter's.
    const host = Object.values(roles).reduce((p, [f, m]) => p * availabilityOf(f, m), availabilityOf(5 * 365 * DAY, 4 * HOUR));
    for (const sig of ['etcdQuorum', 'apiWrite', 'apiRead'] as const) expect(c.signals[sig].availability).toBeCloseTo(host, 15);
    expect(c.processes.map((p) => p.name)).toEqual(['prod/cp-1 controlPlane', 'prod/cp-1 etcd', 'prod/cp-1 worker', 'prod/cp-1 loadBalancer', 'datacenter dc-1']);
  });

  it('should never count learners toward quorum, nor let apiservers read through them', () => {
    const withLearners = (learners: number) =>
      clusterAnswer(
        analyzeScenario(scenario({ failures: { etcd }, clusters: [cluster({ controlPlane: { nodes: 2 }, etcd: { members: 3, learners, topology: 'external' } })] })),
      );
    const [none, two] = [withLearners(0), withLearners(2)];
    expect(two.signals.etcdQuorum.availability).toBe(none.signals.etcdQuorum.availability);
    expect(two.signals.apiWrite.availability).toBe(none.signals.apiWrite.availability);
    // External apiservers read while any voter is up (1 of 3): a learner serves no watch, so
    // the apiserver's cache cannot be fed from it, and two learners change nothing.
    expect(none.signals.apiRead.availability).toBeCloseTo(kOfNAvailability(3, 1, aEtcd), 15);
    expect(two.signals.apiRead.availability).toBe(none.signals.apiRead.availability);
  });

  it('should take a stacked member’s node down with a failure domain that names the member', () => {
    // rack-1 lists etcd-1 and etcd-2, which run on cp-1 and cp-2: the rack alone decides quorum.
    const s = scenario({ failureDomains: [{ name: 'rack-1', members: ['prod/etcd-1', 'prod/etcd-2'], outage: fails(365 * DAY, 3 * HOUR) }] });
    const c = clusterAnswer(analyzeScenario(s));
    expect(c.signals.etcdQuorum.availability).toBeCloseTo(availabilityOf(365 * DAY, 3 * HOUR), 15);
    expect(c.processes.map((p) => p.path)).toEqual(['spec.failureDomains[0].outage']);
  });

  it('should ignore a failure domain of workers alone', () => {
    const s = scenario({
      failureDomains: [{ name: 'rack-9', members: ['prod/worker-1'], outage: fails(30 * DAY, 3 * HOUR) }],
      clusters: [cluster({ workers: { nodes: 3 } })],
    });
    const c = clusterAnswer(analyzeScenario(s));
    expect(c.processes).toEqual([]);
    expect(c.signals.apiWrite.availability).toBe(1);
  });

  it('should put the load balancer in its own datacenter', () => {
    const outage = fails(365 * DAY, 4 * HOUR);
    const s = scenario({
      datacenters: [{ name: 'dc-1' }, { name: 'edge', outage }],
      clusters: [cluster({ loadBalancer: { datacenters: ['edge'] } })],
    });
    const c = clusterAnswer(analyzeScenario(s));
    expect(c.signals.etcdQuorum.availability).toBe(1);
    expect(c.signals.apiWrite.availability).toBeCloseTo(availabilityOf(365 * DAY, 4 * HOUR), 15);
    expect(c.signals.apiRead.availability).toBeCloseTo(availabilityOf(365 * DAY, 4 * HOUR), 15);
  });

  it('should need any one of several load balancers, each in its own datacenter', () => {
    const dc = fails(365 * DAY, 4 * HOUR);
    const lb = fails(90 * DAY, 2 * HOUR);
    const s = scenario({
      datacenters: ['a', 'b', 'c'].map((name) => ({ name, outage: dc })),
      failures: { loadBalancer: lb },
      clusters: [cluster({ datacenters: ['a', 'b', 'c'], loadBalancer: { datacenters: ['a', 'b', 'c'] } })],
    });
    const c = clusterAnswer(analyzeScenario(s));
    const pair = availabilityOf(365 * DAY, 4 * HOUR) * availabilityOf(90 * DAY, 2 * HOUR);
    // Stacked members, one apiserver per datacenter: reads need a datacenter up with its load balancer.
    expect(c.signals.apiRead.unavailability).toBeCloseTo((1 - pair) ** 3, 15);
    expect(c.processes.map((p) => p.name)).toEqual(['datacenter a', 'datacenter b', 'datacenter c', 'prod/lb-1 loadBalancer', 'prod/lb-2 loadBalancer', 'prod/lb-3 loadBalancer']);
    // And the simulation's layout agrees: three instances named lb-1..lb-3, one per datacenter.
    const t = buildTopology(s);
    expect(t.components.filter((x) => x.kind === 'loadBalancer').map((x) => [x.name, t.datacenters[t.hosts[x.host]!.datacenter]])).toEqual([
      ['prod/lb-1', 'a'],
      ['prod/lb-2', 'b'],
      ['prod/lb-3', 'c'],
    ]);
  });

  it('should place nodes round-robin over the cluster’s datacenters', () => {
    // cp-1 and cp-3 in a, cp-2 in b: with five members, a holds 1, 3, 5 and decides quorum alone.
    const outage = fails(365 * DAY, 4 * HOUR);
    const over = (failing: 'a' | 'b') =>
      clusterAnswer(
        analyzeScenario(
          scenario({
            datacenters: [{ name: 'a', ...(failing === 'a' ? { outage } : {}) }, { name: 'b', ...(failing === 'b' ? { outage } : {}) }],
            clusters: [cluster({ datacenters: ['a', 'b'], controlPlane: { nodes: 5 }, etcd: { members: 5 } })],
          }),
        ),
      ).signals.etcdQuorum.availability;
    expect(over('a')).toBeCloseTo(availabilityOf(365 * DAY, 4 * HOUR), 15);
    expect(over('b')).toBe(1);
  });

  it('should let a cluster’s own failures override the scenario’s, role by role', () => {
    const s = scenario({
      failures: { etcd: fails(30 * DAY, HOUR), controlPlane: fails(90 * DAY, 2 * HOUR) },
      clusters: [cluster({ failures: { etcd } })],
    });
    const paths = new Set(clusterAnswer(analyzeScenario(s)).processes.map((p) => p.path));
    expect([...paths]).toEqual(['spec.failures.controlPlane', 'spec.clusters[0].failures.etcd']);
  });

  it('should read through a stacked apiserver’s own member only, and through any member otherwise', () => {
    // Stacked with etcd failures only: a node reads while its own member is up, so 1 of 3.
    const stacked = clusterAnswer(analyzeScenario(scenario({ failures: { etcd } })));
    expect(stacked.signals.apiRead.availability).toBeCloseTo(kOfNAvailability(3, 1, aEtcd), 15);
    // Stacked with only one node: reads need member 1 (members 2 and 3 live there too but serve no apiserver).
    const oneNode = clusterAnswer(analyzeScenario(scenario({ failures: { etcd }, clusters: [cluster({ controlPlane: { nodes: 1 } })] })));
    expect(oneNode.signals.apiRead.availability).toBeCloseTo(aEtcd, 15);
    expect(oneNode.signals.apiWrite.availability).toBeCloseTo(aEtcd * kOfNAvailability(2, 1, aEtcd), 15);
  });

  it('should answer each cluster of a multi-cluster scenario on its own and say global signals are left out', () => {
    const s = scenario({ failures: { etcd }, clusters: [cluster({ name: 'east' }), cluster({ name: 'west', etcd: { members: 5 }, controlPlane: { nodes: 5 } })] });
    const r = analyzeScenario(s);
    expect(clusterAnswer(r, 'east').signals.etcdQuorum.availability).toBeCloseTo(kOfNAvailability(3, 2, aEtcd), 15);
    expect(clusterAnswer(r, 'west').signals.etcdQuorum.availability).toBeCloseTo(kOfNAvailability(5, 3, aEtcd), 15);
    expect(r.ok && r.notes.some((n) => n.startsWith('Global signals'))).toBe(true);
  });
});
