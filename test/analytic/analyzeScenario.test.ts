import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeScenario, apiWriteAvailability, kOfNAvailability, meanTimeToQuorumLoss, ENUMERATION_UNIT_LIMIT } from '../../src/analytic/index.js';
import type { Distribution } from '../../src/kernel/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { cluster, clusterAnswer, DAY, exp, fails, HOUR, scenario, YEAR } from './fixtures.js';
import { runs } from '../runs.js';

const lambda = 1 / (120 * DAY);
const mu = 1 / HOUR;
const etcd = fails(1 / lambda, 1 / mu);
/** One member: MTTF / (MTTF + MTTR). */
const a = mu / (lambda + mu);

describe('analyzeScenario: the closed forms of docs/domain.md#closed-forms', () => {
  // Computed in each test, not while the file loads: code that runs at load time makes
  // "static" mutants, for each of which Stryker reruns every test of the module.
  const stacked = () => clusterAnswer(analyzeScenario(scenario({ failures: { etcd } })));

  it('should give three stacked members 3a^2 - 2a^3', () => {
    const c = stacked();
    expect(c.signals.etcdQuorum.availability).toBeCloseTo(3 * a * a - 2 * a * a * a, 15);
    expect(c.signals.etcdQuorum.method).toBe('k-of-n');
    expect(c.signals.etcdQuorum.formula).toContain('3a² − 2a³');
    expect(c.signals.etcdQuorum).toMatchObject({ voters: 3, quorumSize: 2, failuresTolerated: 1 });
  });

  it('should give the mean time to quorum loss (5 lambda + mu) / (6 lambda^2)', () => {
    const c = stacked();
    const t = c.signals.etcdQuorum.mttqlSeconds;
    expect(t.ok && t.value / ((5 * lambda + mu) / (6 * lambda * lambda))).toBeCloseTo(1, 10);
  });

  it('should give five external members the mean time to quorum loss of the birth-death chain on members down', () => {
    // The library's meanTimeToQuorumLoss counts members down (6 states); analyzeScenario builds
    // the joint chain of the five processes (32 states): two computations that must agree.
    const five = clusterAnswer(analyzeScenario(scenario({ failures: { etcd }, clusters: [cluster({ etcd: { members: 5, topology: 'external' } })] })));
    const t = five.signals.etcdQuorum.mttqlSeconds;
    const reference = meanTimeToQuorumLoss(5, lambda, mu);
    expect(t.ok && reference.ok && t.value / reference.value).toBeCloseTo(1, 10);
  });

  it('should count quorum losses at 6 lambda a^2 (1 - a) per second', () => {
    const c = stacked();
    // Leaving "2 or 3 up" happens from exactly 2 up (3a^2(1 - a)), when one of the 2 fails (2 lambda).
    expect(c.signals.etcdQuorum.outagesPerYear / (6 * lambda * a * a * (1 - a) * YEAR)).toBeCloseTo(1, 10);
    // A quorum loss ends at the first repair of 2 members (rate 2 mu) or, rarely, is prolonged by a third failure.
    expect(c.signals.etcdQuorum.meanOutageSeconds! * 2 * mu).toBeCloseTo(1, 3);
  });

  it('should give external etcd A_lb (1 - (1 - a_apiserver)^m) A_quorum', () => {
    const cp = fails(90 * DAY, 2 * HOUR);
    const lb = fails(YEAR, 600);
    const ext = scenario({
      failures: { etcd, controlPlane: cp, loadBalancer: lb },
      clusters: [cluster({ controlPlane: { nodes: 2 }, etcd: { members: 5, topology: 'external' } })],
    });
    const got = clusterAnswer(analyzeScenario(ext)).signals.apiWrite;
    const avail = (p: typeof cp) => (p.mttf as { mean: number }).mean / ((p.mttf as { mean: number }).mean + (p.mttr as { mean: number }).mean);
    const expected = apiWriteAvailability({ loadBalancer: avail(lb), apiserver: avail(cp), apiservers: 2, quorum: kOfNAvailability(5, 3, a) });
    expect(got.availability).toBeCloseTo(expected, 14);
    expect(got.method).toBe('k-of-n');
    expect(got.formula).toMatch(/^A = A_lb × A_quorum × A_apiservers;/);
  });

  it('should write a = 1 for apiservers that never fail, not "1 − 0.000"', () => {
    // Only etcd fails: three external members, three control-plane nodes that are always up.
    const ext = scenario({ failures: { etcd }, clusters: [cluster({ controlPlane: { nodes: 3 }, etcd: { members: 3, topology: 'external' } })] });
    const signals = clusterAnswer(analyzeScenario(ext)).signals;
    expect(signals.apiRead.formula).toContain('A_apiservers = 1 − (1 − a)^3, a = 1;');
    expect(signals.apiWrite.formula).toContain('A_lb = a, a = 1;');
    for (const s of Object.values(signals)) expect(s.formula).not.toMatch(/− 0\.0+(?![\d.])|a = 0\.0+(?![\d.])/);
  });

  it('should reduce stacked apiWrite to A_lb A_quorum: each voter is its own apiserver', () => {
    const w = clusterAnswer(analyzeScenario(scenario({ failures: { etcd, controlPlane: fails(90 * DAY, 2 * HOUR) } }))).signals.apiWrite;
    expect(w.formula).toMatch(/^A = A_lb × A_quorum;/);
  });
});

describe('analyzeScenario: datacenters (docs/domain.md#placement-over-datacenters)', () => {
  /** etcdQuorum availability of 3 stacked members over these datacenters, all with the same outages. */
  const quorumOver = (dcs: string[], outage: { mttf: Distribution; mttr: Distribution }, member: typeof etcd) =>
    clusterAnswer(
      analyzeScenario(
        scenario({
          datacenters: dcs.map((name) => ({ name, outage })),
          failures: { etcd: member },
          clusters: [cluster({ datacenters: dcs })],
        }),
      ),
    ).signals.etcdQuorum.availability;

  it('should make 2+1 over two sites less available than one site, and 1+1+1 over three more than either', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 3650, noNaN: true }), // datacenter MTTF, days
        fc.double({ min: 0.5, max: 72, noNaN: true }), // datacenter MTTR, hours
        fc.double({ min: 7, max: 365, noNaN: true }), // member MTTF, days
        fc.double({ min: 0.1, max: 24, noNaN: true }), // member MTTR, hours
        (dcF, dcR, mF, mR) => {
          const outage = fails(dcF * DAY, dcR * HOUR);
          const member = fails(mF * DAY, mR * HOUR);
          const one = quorumOver(['a'], outage, member);
          const two = quorumOver(['a', 'b'], outage, member);
          const three = quorumOver(['a', 'b', 'c'], outage, member);
          expect(two, `one ${one}, two ${two}`).toBeLessThan(one);
          expect(three, `one ${one}, three ${three}`).toBeGreaterThan(one);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('should lose quorum whenever the site with two members is down', () => {
    // Only dc-a fails; it holds members 1 and 3 (round-robin), so quorum is exactly dc-a's availability.
    const outage = fails(365 * DAY, 4 * HOUR);
    const s = scenario({ datacenters: [{ name: 'a', outage }, { name: 'b' }], clusters: [cluster({ datacenters: ['a', 'b'] })] });
    const q = clusterAnswer(analyzeScenario(s)).signals.etcdQuorum;
    expect(q.availability).toBeCloseTo(365 * 24 / (365 * 24 + 4), 15);
    // And nothing at all when only dc-b (one member) fails.
    const t = scenario({ datacenters: [{ name: 'a' }, { name: 'b', outage }], clusters: [cluster({ datacenters: ['a', 'b'] })] });
    expect(clusterAnswer(analyzeScenario(t)).signals.etcdQuorum.availability).toBe(1);
  });
});

describe('analyzeScenario: any distribution', () => {
  const withRepair = (mttr: Distribution): Scenario =>
    scenario({
      datacenters: ['a', 'b', 'c'].map((name) => ({ name, outage: fails(5 * YEAR, 4 * HOUR) })),
      failures: { etcd: { mttf: exp(120 * DAY), mttr }, controlPlane: fails(90 * DAY, 2 * HOUR) },
      clusters: [cluster({ datacenters: ['a', 'b', 'c'] })],
    });
  // Distributions with a mean of one hour: availabilities and outage rates depend on means alone.
  const sameMean: [string, Distribution][] = [
    ['lognormal', { kind: 'lognormal', median: HOUR / Math.exp(0.5), sigma: 1 }],
    ['fixed', { kind: 'fixed', value: HOUR }],
    ['uniform', { kind: 'uniform', min: 0, max: 2 * HOUR }],
    ['weibull', { kind: 'weibull', shape: 1, scale: HOUR }],
  ];

  it.each(sameMean)('should give a %s repair the answers of an exponential one with the same mean', (_, d) => {
    const expo = clusterAnswer(analyzeScenario(withRepair(exp(HOUR))));
    const other = clusterAnswer(analyzeScenario(withRepair(d)));
    for (const sig of ['etcdQuorum', 'apiWrite', 'apiRead'] as const) {
      expect(other.signals[sig].unavailability / expo.signals[sig].unavailability).toBeCloseTo(1, 10);
      expect(other.signals[sig].outagesPerYear / expo.signals[sig].outagesPerYear).toBeCloseTo(1, 10);
    }
  });

  it('should refuse the mean time to quorum loss for a lognormal repair, naming the field', () => {
    const q = clusterAnswer(analyzeScenario(withRepair(sameMean[0]![1]))).signals.etcdQuorum;
    expect(q.mttqlSeconds).toEqual({
      ok: false,
      reason: 'spec.failures.etcd.mttr is lognormal: the mean time to quorum loss needs exponential distributions',
    });
  });

  it('should name the cluster override when that is where the distribution is set', () => {
    const s = scenario({ clusters: [cluster({ failures: { etcd: { mttf: { kind: 'weibull', shape: 2, scale: DAY }, mttr: exp(HOUR) } } })] });
    expect(analyzeScenario(s, { route: 'ctmc' })).toEqual({
      ok: true,
      scenario: 'test',
      clusters: { prod: { ok: false, reason: 'spec.clusters[0].failures.etcd.mttf is weibull: the Markov chain needs exponential distributions' } },
      notes: expect.any(Array),
    });
  });
});

describe('analyzeScenario: refusals are values', () => {
  it('should refuse a scenario with scripted faults, and answer without them when asked', () => {
    const s = scenario({ failures: { etcd }, faults: [{ kind: 'crash', at: DAY, target: 'prod/etcd-1', duration: HOUR }] });
    const refused = analyzeScenario(s);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/^the scenario scripts 1 fault \(spec\.faults\)/);
    const ignored = analyzeScenario(s, { ignoreFaults: true });
    expect(ignored.ok && ignored.notes).toContain('The 1 scripted fault is ignored: the simulated answer includes it.');
    expect(clusterAnswer(ignored).signals.etcdQuorum.availability).toBeCloseTo(3 * a * a - 2 * a * a * a, 15);
  });

  it('should refuse a cluster too large to enumerate, with the count and the limit', () => {
    // 23 datacenters with outages, 23 external members and 23 apiservers round-robin: 23 x 3 units.
    const dcs = Array.from({ length: 23 }, (_, i) => `dc-${i}`);
    const s = scenario({
      datacenters: dcs.map((name) => ({ name, outage: fails(5 * YEAR, 4 * HOUR) })),
      failures: { etcd, controlPlane: fails(90 * DAY, HOUR) },
      clusters: [cluster({ datacenters: dcs, controlPlane: { nodes: 23 }, etcd: { members: 23, topology: 'external' } })],
    });
    const r = analyzeScenario(s);
    expect(r.ok && r.clusters['prod']).toEqual({
      ok: false,
      reason: `the signals depend on 69 independent units (processes always needed together count once), above the limit of ${ENUMERATION_UNIT_LIMIT} for summing over 2^n joint states`,
    });
  });

  it('should answer a cluster that never fails: always up, no outages, no quorum loss', () => {
    const q = clusterAnswer(analyzeScenario(scenario())).signals.etcdQuorum;
    expect(q).toMatchObject({ availability: 1, unavailability: 0, outagesPerYear: 0, meanOutageSeconds: null });
    expect(q.mttqlSeconds).toEqual({ ok: false, reason: 'etcd quorum is never lost: too few voters can fail at random' });
  });

  it('should refuse the mean time to quorum loss when the chain is too large', () => {
    // 7 members, each its own host and datacenter with outages: 14 processes, thousands of states holding quorum.
    const dcs = Array.from({ length: 7 }, (_, i) => `dc-${i}`);
    const s = scenario({
      datacenters: dcs.map((name) => ({ name, outage: fails(5 * YEAR, 4 * HOUR) })),
      failures: { etcd },
      clusters: [cluster({ datacenters: dcs, etcd: { members: 7, topology: 'external' } })],
    });
    const t = clusterAnswer(analyzeScenario(s)).signals.etcdQuorum.mttqlSeconds;
    expect(!t.ok && t.reason).toMatch(/^the chain for the mean time to quorum loss has \d+ states that hold quorum, above the limit of 1024$/);
  });

  it('should refuse the mean time to quorum loss before building a chain of too many processes', () => {
    // 9 members, each its own host and datacenter: 18 processes, 2^18 states.
    const dcs = Array.from({ length: 9 }, (_, i) => `dc-${i}`);
    const s = scenario({
      datacenters: dcs.map((name) => ({ name, outage: fails(5 * YEAR, 4 * HOUR) })),
      failures: { etcd },
      clusters: [cluster({ datacenters: dcs, etcd: { members: 9, topology: 'external' } })],
    });
    const t = clusterAnswer(analyzeScenario(s)).signals.etcdQuorum.mttqlSeconds;
    expect(t).toEqual({ ok: false, reason: 'the voters depend on 18 processes, above the limit of 16 for the mean time to quorum loss' });
  });
});
