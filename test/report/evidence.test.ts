import { describe, expect, it } from 'vitest';
import type { SignalSummary } from '../../src/experiment/Summary.js';
import { evidenceOf, valueWithTag } from '../../src/report/evidence.js';
import { dominated, importanceSampled, neverDown, oneReplication, signal, withExact } from './fixtures.js';

/** apiWrite of the fixture: 99.991% ± 0.003%, 5.2 outages a year over 20 one-year runs (104: ok). */
const ok = signal(0.99991, 0.00003, 5.2, 545, 3000);

/** The display of a signal never seen down: a bound of 99.9997% from 1,000 simulated years. */
const bound1000y: SignalSummary = { ...neverDown(1000, 3600), bound: { availability: 0.999997, method: 'rule-of-three', simulatedYears: 1000, assumedOutageSeconds: 3600 } };

describe('evidenceOf', () => {
  it.each([
    // Row by row, what each case must read: figure, interval, nines, tag.
    // ok: digits down to the CI's first significant digit (±0.003%), no tag.
    ['ok', ok, '99.991%', '99.988–99.994%', '4.0', ''],
    // Never down: the bound, never "100%" nor "∞"; nines floored to a tenth (5.52 -> 5.5).
    ['no outages', bound1000y, '≥ 99.9997%', '95% bound, no outage in 1,000 y', '≥ 5.5', 'no outages'],
    // 0.2 a year × 20 runs = 4 outages.
    ['few outages', signal(0.99999, 0.000005, 0.2, 455, 600), '99.9990%', '99.9985–99.9995%', '5.0', 'few outages (4)'],
    // apiWrite resting on the quorum: its tag counts quorum losses, and says so when there were none.
    ['few quorum losses', { ...ok, trust: { level: 'few-outages', outages: 2, basis: 'etcdQuorum', reason: 'only 2 quorum losses were observed (etcdQuorum)' } }, '99.991%', '99.988–99.994%', '4.0', 'few quorum losses (2)'],
    ['no quorum loss', { ...ok, trust: { level: 'few-outages', outages: 0, basis: 'etcdQuorum', reason: 'no quorum loss was observed (etcdQuorum)' } }, '99.991%', '99.988–99.994%', '4.0', 'no quorum loss seen'],
    ['dominated', dominated(ok, 0.8), '99.991%', '99.988–99.994%', '4.0', 'dominated'],
    // One replication: no interval, two significant digits of the unavailability at most.
    ['one replication', oneReplication(ok), '99.9910%', 'no CI (1 replication)', '4.0', '1 replication'],
    // Importance sampling marks the figure.
    ['importance sampling', importanceSampled(ok, 400), '99.991% IS', '99.988–99.994%', '4.0', ''],
  ] as const)('should show %s as the evidence allows', (_, s, value, interval, nines, tag) => {
    const e = evidenceOf(s);
    expect([e.value, e.interval, e.nines, e.tag]).toEqual([value, interval, nines, tag]);
    expect(e.reason === '').toBe(tag === '');
  });

  it('should say how long a short run went without an outage, as the trust verdict does, never "0 y"', () => {
    // Four one-hour replications: 4 h of simulated time.
    const e = evidenceOf(neverDown(4 / 8760, 3600));
    expect(e.interval).toBe('95% bound, no outage in 4h');
    expect(e.phrase).not.toMatch(/ 0 y/);
  });

  it('should read a zero-outage signal as the issue asks, with no 100% and no ∞ anywhere', () => {
    const e = evidenceOf(bound1000y);
    expect(e.phrase).toBe('≥ 99.9997% (95% bound, no outage in 1,000 y)');
    expect(JSON.stringify(e)).not.toMatch(/100%|∞/);
  });

  it('should put the exact value beside the simulated one and flag it outside the CI', () => {
    // 99.996% is above the CI 99.988–99.994%; 99.990% is inside it.
    const outside = evidenceOf(withExact(ok, 0.99996));
    expect([outside.exact, outside.exactOutside]).toEqual(['99.9960% (outside CI)', true]);
    const inside = evidenceOf(withExact(ok, 0.9999));
    expect([inside.exact, inside.exactOutside]).toEqual(['99.9900%', false]);
    expect(evidenceOf(ok).exact).toBe('');
  });

  it('should give the tag beside the value in one-cell places', () => {
    expect(valueWithTag(evidenceOf(dominated(ok, 0.8)))).toBe('99.991%, dominated');
    expect(valueWithTag(evidenceOf(ok))).toBe('99.991%');
  });
});
