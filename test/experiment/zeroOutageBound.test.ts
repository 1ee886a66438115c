import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analytic/index.js';
import { aggregate } from '../../src/experiment/aggregate.js';
import { runDigests } from '../../src/experiment/runDigests.js';
import { assumedOutageSeconds, zeroOutageBound } from '../../src/experiment/zeroOutageBound.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { cluster, exp, scenario } from '../model/fixtures.js';
import { runs } from '../runs.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const assumed = (s: Scenario) => assumedOutageSeconds(s, buildTopology(s));

describe('zeroOutageBound', () => {
  const cases: [string, number, number, number][] = [
    // 1,000 years without an outage, 6 h outages assumed: 1 − 3 × 21,600 / 31,536,000,000 = 0.99999794520.
    ['1,000 years, 6 h outages', 1000 * YEAR, 6 * HOUR, 1 - (3 * 21_600) / 31_536_000_000],
    // Nothing can fail: the bound is 1 whatever the time.
    ['nothing can fail', 10 * DAY, 0, 1],
    // Too little time to say anything: 3 × 1 day > 2 days, so the bound is 0, not negative.
    ['two days, 1 day outages', 2 * DAY, DAY, 0],
  ];
  it.each(cases)('should bound availability from below: %s', (_, total, d, expected) => {
    const b = zeroOutageBound(total, d);
    expect(b.availability).toBeCloseTo(expected, 12);
    expect(b).toMatchObject({ method: 'rule-of-three', simulatedYears: total / YEAR, assumedOutageSeconds: d });
  });
});

describe('assumedOutageSeconds', () => {
  it('should take the longest mean repair among the processes that exist', () => {
    const s = scenario({
      datacenters: [{ name: 'dc-1', outage: { mttf: exp(5 * YEAR), mttr: exp(8 * HOUR) } }],
      failures: { etcd: { mttf: exp(30 * DAY), mttr: exp(6 * HOUR) } },
    });
    expect(assumed(s)).toBe(8 * HOUR);
  });

  it('should read a lognormal repair by its mean, median × e^(σ²/2)', () => {
    const s = scenario({ failures: { etcd: { mttf: exp(30 * DAY), mttr: { kind: 'lognormal', median: HOUR, sigma: 1 } } } });
    expect(assumed(s)).toBeCloseTo(HOUR * Math.exp(0.5), 6);
  });

  it('should take a longer scripted fault, and be 0 when nothing can fail', () => {
    const etcd = { etcd: { mttf: exp(30 * DAY), mttr: exp(6 * HOUR) } };
    expect(assumed(scenario({ failures: etcd, faults: [{ kind: 'crash', at: 0, target: 'prod/etcd-1', duration: 12 * HOUR }] }))).toBe(12 * HOUR);
    expect(assumed(scenario({ failures: etcd, faults: [{ kind: 'rollingUpgrade', at: 0, target: 'prod/etcd', each: 10 * 60, surge: 1 }] }))).toBe(6 * HOUR);
    expect(assumed(scenario())).toBe(0);
    // Workers fail, but a cluster without workers has no worker host: nothing fails.
    expect(assumed(scenario({ failures: { worker: { mttf: exp(DAY), mttr: exp(DAY) } } }))).toBe(0);
  });
});

describe('the zero-outage bound in the summary', () => {
  const noCost = () => ({ currency: 'USD', perMonth: 0, byRole: {} });

  it('should replace 100% by the bound: ci95 from the bound to 1, nines null, with the verdict', () => {
    // 2 replications of 1 hour with members failing every 30 days: no quorum loss.
    const s = scenario({ replications: 2, horizon: HOUR, clusters: [cluster({ etcd: { members: 3, topology: 'external' } })], failures: { etcd: { mttf: exp(30 * DAY), mttr: exp(6 * HOUR) } } });
    const q = aggregate(s, runDigests(s, [0, 1]).digests, noCost).clusters['prod']!.signals['etcdQuorum']!;
    expect(q.bound).toEqual({ availability: 0, method: 'rule-of-three', simulatedYears: (2 * HOUR) / YEAR, assumedOutageSeconds: 6 * HOUR });
    expect(q.availability).toEqual({ mean: 1, ci95: [0, 1] });
    expect(q.nines).toBeNull();
    expect(q.trust.level).toBe('no-outages');
  });

  it('should hold the exact availability unless seeing no outage was itself a less than 5% event', () => {
    // A 95% bound is wrong 5% of the time by design, so "always below the exact value" cannot be
    // the property. What the rule of three guarantees: when the bound is above the exact value,
    // the exact outage rate λ made "no outage in T" an event of probability e^(−λT) < 5%. (It
    // holds because a quorum outage lasts on average at most the longest mean repair.)
    const arb = fc.record({
      members: fc.constantFrom(1, 3, 5),
      mttfHours: fc.integer({ min: 24, max: 2000 }),
      mttrHours: fc.double({ min: 0.1, max: 24, noNaN: true }),
      horizonDays: fc.integer({ min: 1, max: 30 }),
      replications: fc.integer({ min: 2, max: 4 }),
      seed: fc.integer({ min: 1, max: 1e6 }),
    });
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ members, mttfHours, mttrHours, horizonDays, replications, seed }) => {
        const s = scenario({
          seed,
          replications,
          horizon: horizonDays * DAY,
          clusters: [cluster({ etcd: { members, topology: 'external' }, loadBalancer: { enabled: false } })],
          failures: { etcd: { mttf: exp(mttfHours * HOUR), mttr: exp(mttrHours * HOUR) } },
        });
        const q = aggregate(s, runDigests(s, Array.from({ length: replications }, (_, i) => i)).digests, noCost).clusters['prod']!.signals['etcdQuorum']!;
        if (q.bound === null) return;
        checked++;
        const r = analyzeScenario(s);
        if (!r.ok || !r.clusters['prod']!.ok) throw new Error('no analytic answer');
        const exact = r.clusters['prod']!.signals.etcdQuorum;
        if (q.bound.availability > exact.availability) {
          const total = replications * horizonDays * DAY;
          expect(Math.exp(-(exact.outagesPerYear * total) / YEAR)).toBeLessThan(0.05);
        }
        expect(q.exact?.withinCi).toBe(q.bound.availability <= exact.availability);
      }),
      // One case simulates at most 4 × 30 days of 5 members: milliseconds.
      { numRuns: runs(100) },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
