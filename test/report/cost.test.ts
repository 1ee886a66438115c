import { describe, expect, it } from 'vitest';
import { clusterCost, costPerAddedNine, hostCounts, type CostPoint } from '../../src/report/cost.js';
import type { ClusterSpec } from '../../src/scenario/Scenario.js';
import { prodSpec, scenario, signal, stagingSpec } from './fixtures.js';

// Prices of the fixture: controlPlane 0.19, etcd 0.19, worker 0.38, loadBalancer 0.025 per hour.
describe('clusterCost', () => {
  it('should price a stacked HA cluster by hand: etcd costs nothing extra', () => {
    const cost = clusterCost(scenario, prodSpec);
    // 3 × 0.19 × 730 = 416.10; 120 × 0.38 × 730 = 33,288.00; 1 × 0.025 × 730 = 18.25.
    expect(cost.byRole).toEqual({ controlPlane: 416.1, worker: 33288, loadBalancer: 18.25 });
    expect(cost.perMonth).toBe(33722.35);
    expect(cost.currency).toBe('USD');
    expect(cost.downtimePerMonth).toBeUndefined();
  });

  it('should count external etcd members (and learners) as hosts of role etcd', () => {
    const external: ClusterSpec = { ...prodSpec, etcd: { members: 5, learners: 1, topology: 'external' } };
    // 6 × 0.19 × 730 = 832.20
    expect(hostCounts(external)).toEqual({ controlPlane: 3, etcd: 6, worker: 120, loadBalancer: 1 });
    expect(clusterCost(scenario, external).byRole['etcd']).toBe(832.2);
  });

  it('should price one load balancer per datacenter it is spread over', () => {
    const three: ClusterSpec = { ...prodSpec, loadBalancer: { enabled: true, datacenters: ['dc-a', 'dc-b', 'dc-c'] } };
    // 3 × 0.025 × 730 = 54.75
    expect(hostCounts(three).loadBalancer).toBe(3);
    expect(clusterCost(scenario, three).byRole['loadBalancer']).toBe(54.75);
  });

  it('should leave the load balancer out when it is disabled', () => {
    const noLb: ClusterSpec = { ...prodSpec, loadBalancer: { enabled: false, datacenters: ['dc-a'] } };
    expect(clusterCost(scenario, noLb).byRole).toEqual({ controlPlane: 416.1, worker: 33288 });
  });

  it('should price a single server as one control-plane host, whatever else it lists', () => {
    const single: ClusterSpec = { ...stagingSpec, workers: { nodes: 5, podsPerNode: 110 }, loadBalancer: { enabled: true, datacenters: ['dc-a'] } };
    // 1 × 0.19 × 730 = 138.70
    expect(clusterCost(scenario, single)).toEqual({ currency: 'USD', perMonth: 138.7, byRole: { controlPlane: 138.7 } });
  });

  it('should price apiWrite downtime per month when a price per minute is set', () => {
    // 0.9999 available: 3153.6 s a year, 262.8 s = 4.38 min a month, at 50 a minute = 219.00.
    const apiWrite = signal(0.9999, 0.00002, 3, 1000, 2000);
    expect(clusterCost(scenario, prodSpec, apiWrite).downtimePerMonth).toBe(219);
    const free = { ...scenario, cost: { currency: 'EUR', hourly: scenario.cost.hourly } };
    expect(clusterCost(free, prodSpec, apiWrite).downtimePerMonth).toBeUndefined();
  });
});

describe('costPerAddedNine', () => {
  it.each<[CostPoint, CostPoint, number | null, string]>([
    // [a, b, expected, why]
    [{ cost: 100, availability: 0.99 }, { cost: 300, availability: 0.9999 }, 100, 'two more nines for 200 more'],
    [{ cost: 300, availability: 0.9999 }, { cost: 100, availability: 0.99 }, 100, 'the same pair the other way: both differences change sign'],
    [{ cost: 100, availability: 0.999 }, { cost: 50, availability: 0.9999 }, -50, 'cheaper and better: a negative price'],
    [{ cost: 100, availability: 0.999 }, { cost: 200, availability: 0.999 }, null, 'no nine gained: no price'],
    [{ cost: 100, availability: 0.999 }, { cost: 200, availability: 1 }, null, 'never down: infinite nines, no finite price'],
  ])('%o -> %o should cost %s per nine (%s)', (a, b, expected) => {
    const got = costPerAddedNine(a, b);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 6);
  });
});
