import { describe, expect, it } from 'vitest';
import { analyzeScenario, type ClusterAnswer, type Route } from '../../src/analytic/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { cluster, clusterAnswer, DAY, fails, HOUR, scenario } from './fixtures.js';

const cp = fails(90 * DAY, 2 * HOUR);
const etcd = fails(120 * DAY, 1 * HOUR);
const lb = fails(365 * DAY, 10 * 60);
const worker = fails(60 * DAY, 4 * HOUR);
const dcOutage = fails(2 * 365 * DAY, 6 * HOUR);

// Small exponential scenarios (at most 9 processes, so the Markov chain fits), name and why.
const cases: [string, Scenario][] = [
  // Every process independent and per member: the closed forms apply.
  ['stacked 3, one datacenter', scenario({ failures: { controlPlane: cp, etcd, loadBalancer: lb } })],
  // Datacenter outages couple a member with the load balancer in dc-a.
  [
    'stacked 3 over three datacenters with outages',
    scenario({
      datacenters: ['a', 'b', 'c'].map((name) => ({ name, outage: dcOutage })),
      failures: { etcd, loadBalancer: lb },
      clusters: [cluster({ datacenters: ['a', 'b', 'c'] })],
    }),
  ],
  // External etcd: apiservers and members independent, load balancer in the second datacenter.
  [
    'external 3 members, 2 apiservers, load balancer in dc-b',
    scenario({
      datacenters: [{ name: 'a', outage: dcOutage }, { name: 'b', outage: dcOutage }],
      failures: { controlPlane: cp, etcd, loadBalancer: lb },
      clusters: [cluster({ datacenters: ['a', 'b'], controlPlane: { nodes: 2 }, etcd: { members: 3, topology: 'external' }, loadBalancer: { datacenters: ['b'] } })],
    }),
  ],
  // Stretched over two sites: the site with two members carries quorum (8 processes: 256 states keep mathjs quick).
  [
    'stacked 2+1 over two datacenters',
    scenario({
      datacenters: [{ name: 'a', outage: dcOutage }, { name: 'b', outage: dcOutage }],
      failures: { controlPlane: cp, etcd },
      clusters: [cluster({ datacenters: ['a', 'b'] })],
    }),
  ],
  // A rack under two control-plane nodes takes a majority down at once.
  [
    'failure domain under cp-1 and cp-2',
    scenario({
      failureDomains: [{ name: 'rack-1', members: ['prod/cp-1', 'prod/cp-2'], outage: fails(365 * DAY, 3 * HOUR) }],
      failures: { controlPlane: cp, etcd },
    }),
  ],
  // One host carries every role's failures; no load balancer even if enabled.
  [
    'single server',
    scenario({
      datacenters: [{ name: 'dc-1', outage: dcOutage }],
      failures: { controlPlane: cp, etcd, worker, loadBalancer: lb },
      clusters: [cluster({ model: 'single-server', controlPlane: { nodes: 1 }, etcd: { members: 1 } })],
    }),
  ],
  // A learner never votes, but apiservers may read through it.
  [
    'external 3 voters and a learner',
    scenario({
      failures: { controlPlane: cp, etcd },
      clusters: [cluster({ controlPlane: { nodes: 2 }, etcd: { members: 3, learners: 1, topology: 'external' } })],
    }),
  ],
  // A fourth control-plane node without a local member writes through the quorum.
  ['stacked, 4 nodes for 3 members', scenario({ failures: { controlPlane: cp, etcd }, clusters: [cluster({ controlPlane: { nodes: 4 } })] })],
  // Three members wrapped onto two nodes: cp-1 carries members 1 and 3.
  ['stacked, 3 members on 2 nodes', scenario({ failures: { controlPlane: cp, etcd }, clusters: [cluster({ controlPlane: { nodes: 2 } })] })],
  // Members with different rates per cluster override: the closed form with unequal a.
  [
    'five members, cluster override of etcd',
    scenario({
      datacenters: [{ name: 'a' }, { name: 'b', outage: dcOutage }],
      failures: { etcd: fails(30 * DAY, HOUR) },
      clusters: [cluster({ datacenters: ['a'], controlPlane: { nodes: 5 }, etcd: { members: 5 }, failures: { etcd } })],
    }),
  ],
];

const SIGNALS = ['etcdQuorum', 'apiWrite', 'apiRead'] as const;

/** Relative difference, with 0 = 0. */
const rel = (x: number, y: number) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));

describe('the routes of analyzeScenario', () => {
  it.each(cases)('should agree on %s: closed forms or enumeration, enumeration and the Markov chain', (_, s) => {
    const by = (route: Route): ClusterAnswer => clusterAnswer(analyzeScenario(s, { route }));
    const [auto, enumeration, ctmc] = [by('auto'), by('enumeration'), by('ctmc')];
    for (const sig of SIGNALS) {
      const [a, e, c] = [auto.signals[sig], enumeration.signals[sig], ctmc.signals[sig]];
      const seen = `${sig}: auto ${a.unavailability} (${a.method}), enumeration ${e.unavailability}, ctmc ${c.unavailability}`;
      expect(e.method, seen).toBe('enumeration');
      expect(c.method, seen).toBe('ctmc');
      expect(rel(a.unavailability, e.unavailability), seen).toBeLessThan(1e-12);
      // mathjs' LU carries an absolute error of about the ratio of the rates (~1e4 here) times 1e-16,
      // so states of probability 1e-18 (five members down) are beyond it.
      expect(Math.abs(c.unavailability - e.unavailability), seen).toBeLessThan(1e-6 * e.unavailability + 1e-12);
      expect(rel(a.outagesPerYear, e.outagesPerYear), `${sig} outages: ${a.outagesPerYear} ${e.outagesPerYear}`).toBeLessThan(1e-12);
      expect(Math.abs(c.outagesPerYear - e.outagesPerYear), `${sig} outages: ${c.outagesPerYear} ${e.outagesPerYear}`).toBeLessThan(
        1e-6 * e.outagesPerYear + 1e-9,
      );
      expect(a.availability + a.unavailability).toBeCloseTo(1, 14);
    }
  });

  it('should use the closed forms where every member is independent', () => {
    const c = clusterAnswer(analyzeScenario(cases[0]![1]));
    expect(SIGNALS.map((s) => c.signals[s].method)).toEqual(['k-of-n', 'k-of-n', 'k-of-n']);
  });

  it('should enumerate where a datacenter couples components, and only there', () => {
    // Each member has a datacenter of its own, so the quorum is still k-of-n; the load balancer
    // shares dc-a with member 1, so apiWrite is not a product of independent parts.
    const c = clusterAnswer(analyzeScenario(cases[1]![1]));
    expect(c.signals.etcdQuorum.method).toBe('k-of-n');
    expect(c.signals.apiWrite.method).toBe('enumeration');
    expect(c.signals.apiWrite.formula).toMatch(/^Σ over the 2\^\d+ joint states/);
  });
});
