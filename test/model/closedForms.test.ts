/** The simulation against closed-form answers (docs/domain.md#closed-forms). */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/experiment/statistics.js';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { cluster, exp, scenario } from './fixtures.js';

const HOUR = 3600;

function simulated(s: Scenario, signal: string) {
  const t = buildTopology(s);
  const values: number[] = [];
  for (let rep = 0; rep < s.replications; rep++) {
    const r = runReplication(s, t, rep);
    values.push(r.signals.find((x) => x.signal === signal)!.stats.availability);
  }
  return estimate(values, 0, 1);
}

const simulatedQuorum = (s: Scenario) => simulated(s, 'etcdQuorum');

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** P(at least floor(n/2)+1 of n independent members up). */
function kOfN(n: number, a: number): number {
  let p = 0;
  for (let i = Math.floor(n / 2) + 1; i <= n; i++) p += binomial(n, i) * a ** i * (1 - a) ** (n - i);
  return p;
}

/** Exact quorum availability by enumerating datacenter and member states (independent processes). */
function enumerate(memberDc: number[], aMember: number, aDc: number[]): number {
  const n = memberDc.length;
  const k = aDc.length;
  let p = 0;
  for (let mask = 0; mask < 1 << (n + k); mask++) {
    let w = 1;
    let up = 0;
    for (let d = 0; d < k; d++) w *= mask & (1 << (n + d)) ? aDc[d]! : 1 - aDc[d]!;
    for (let i = 0; i < n; i++) {
      const alive = (mask & (1 << i)) !== 0;
      w *= alive ? aMember : 1 - aMember;
      if (alive && mask & (1 << (n + memberDc[i]!))) up++;
    }
    if (up > n / 2) p += w;
  }
  return p;
}

describe('etcdQuorum against closed forms', () => {
  for (const n of [1, 3, 5, 7]) {
    it(`should contain the exact k-of-n availability in its 95% CI for n = ${n} (mttf 100h, mttr 1h)`, () => {
      const s = scenario({
        horizon: 50_000 * HOUR,
        replications: 40,
        seed: 7,
        clusters: [cluster({ etcd: { members: n, topology: 'external' }, failures: { etcd: { mttf: exp(100 * HOUR), mttr: exp(HOUR) } } })],
      });
      const exact = kOfN(n, 100 / 101);
      const sim = simulatedQuorum(s);
      expect(sim.ci95![0], `exact ${exact} vs ${JSON.stringify(sim)}`).toBeLessThanOrEqual(exact);
      expect(sim.ci95![1], `exact ${exact} vs ${JSON.stringify(sim)}`).toBeGreaterThanOrEqual(exact);
    });
  }

  it('should equal 3a^2 - 2a^3 for three members (the issue\'s own check)', () => {
    const a = 100 / 101;
    expect(kOfN(3, a)).toBeCloseTo(3 * a * a - 2 * a ** 3, 15);
  });

  const dcOutage = { mttf: exp(1000 * HOUR), mttr: exp(50 * HOUR) };
  const member = { mttf: exp(100 * HOUR), mttr: exp(HOUR) };
  const aDc = 1000 / 1050;
  const aM = 100 / 101;

  it('should match the exact answer for 3 members stretched 2+1 over two datacenters with outages', () => {
    const s = scenario({
      horizon: 50_000 * HOUR,
      replications: 40,
      seed: 11,
      datacenters: [{ name: 'dc-a', outage: dcOutage }, { name: 'dc-b', outage: dcOutage }],
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b'], etcd: { members: 3, topology: 'external' }, failures: { etcd: member } })],
    });
    // Round-robin: etcd-1 and etcd-3 in dc-a, etcd-2 in dc-b.
    const exact = enumerate([0, 1, 0], aM, [aDc, aDc]);
    const sim = simulatedQuorum(s);
    expect(sim.ci95![0]).toBeLessThanOrEqual(exact);
    expect(sim.ci95![1]).toBeGreaterThanOrEqual(exact);
  });

  it('should match the exact answer for 1+1+1 over three datacenters, and rank the layouts as docs/domain.md#placement-over-datacenters says', () => {
    const s = scenario({
      horizon: 50_000 * HOUR,
      replications: 40,
      seed: 13,
      datacenters: ['dc-a', 'dc-b', 'dc-c'].map((name) => ({ name, outage: dcOutage })),
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], etcd: { members: 3, topology: 'external' }, failures: { etcd: member } })],
    });
    const exact = enumerate([0, 1, 2], aM, [aDc, aDc, aDc]);
    const sim = simulatedQuorum(s);
    expect(sim.ci95![0]).toBeLessThanOrEqual(exact);
    expect(sim.ci95![1]).toBeGreaterThanOrEqual(exact);
    const oneSite = enumerate([0, 0, 0], aM, [aDc]);
    const stretched = enumerate([0, 1, 0], aM, [aDc, aDc]);
    expect(stretched).toBeLessThan(oneSite);
    expect(exact).toBeGreaterThan(oneSite);
  });

  it('should need only one of several load balancers: apiRead = 1 - (1 - a_dc a_lb)^3 with one in each of three datacenters', () => {
    // Only datacenters and load balancers fail; stacked members sit with their apiservers, one per
    // datacenter, and any instance routes to any apiserver. So the API reads while some datacenter
    // is up with its load balancer, and that datacenter's apiserver then serves.
    const lbFails = { mttf: exp(500 * HOUR), mttr: exp(20 * HOUR) };
    const s = scenario({
      horizon: 50_000 * HOUR,
      replications: 40,
      seed: 17,
      datacenters: ['dc-a', 'dc-b', 'dc-c'].map((name) => ({ name, outage: dcOutage })),
      clusters: [cluster({ datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: { datacenters: ['dc-a', 'dc-b', 'dc-c'] }, failures: { loadBalancer: lbFails } })],
    });
    const exact = 1 - (1 - aDc * (500 / 520)) ** 3;
    const sim = simulated(s, 'apiRead');
    expect(sim.ci95![0], `exact ${exact} vs ${JSON.stringify(sim)}`).toBeLessThanOrEqual(exact);
    expect(sim.ci95![1], `exact ${exact} vs ${JSON.stringify(sim)}`).toBeGreaterThanOrEqual(exact);
    // With one load balancer in dc-a, reads follow dc-a and its load balancer alone.
    const single = simulated({ ...s, clusters: [{ ...s.clusters[0]!, loadBalancer: { enabled: true, datacenters: ['dc-a'] } }] }, 'apiRead');
    expect(single.ci95![1]).toBeLessThan(sim.ci95![0]);
  });
});
