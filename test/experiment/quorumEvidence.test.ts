import { describe, expect, it } from 'vitest';
import { withQuorumEvidence } from '../../src/experiment/quorumEvidence.js';
import type { SignalSummary, Trust } from '../../src/experiment/Summary.js';

/** A naive signal summary with this availability, interval and trust (the rest does not matter here). */
const signal = (mean: number, ci95: readonly [number, number], trust: Trust, exact: number | null = null): SignalSummary => ({
  availability: { mean, ci95 },
  method: 'naive',
  trust,
  bound: null,
  exact: exact === null ? null : { availability: exact, withinCi: exact >= ci95[0] && exact <= ci95[1] },
  nines: null,
  downtimeSecondsPerYear: 0,
  outagesPerYear: 0,
  meanOutageSeconds: null,
  p99OutageSeconds: null,
  longestOutageSeconds: null,
  worstReplication: null,
  downtimeByCause: null,
});
const ok = (n: number): Trust => ({ level: 'ok', outages: n, reason: `${n} outages` });
const few = (n: number): Trust => ({ level: 'few-outages', outages: n, reason: `only ${n}` });

describe('withQuorumEvidence', () => {
  // 7 members: 1 quorum loss in 1,000 years (upper unavailability 5e-8 above the mean); apiWrite
  // sees a thousand election blips and a tight interval that says nothing about quorum losses.
  const quorum = signal(1 - 6e-9, [1 - 5.6e-8, 1], few(1));
  const apiWrite = signal(1 - 4.5e-7, [1 - 4.6e-7, 1 - 4.4e-7], ok(1200), 1 - 4.55e-7);

  it('should lower the bound of apiWrite and scheduling by the quorum loss half-width and say why', () => {
    const out = withQuorumEvidence({ etcdQuorum: quorum, apiWrite, scheduling: apiWrite, apiRead: apiWrite });
    for (const name of ['apiWrite', 'scheduling']) {
      const s = out[name]!;
      expect(s.availability.mean).toBe(apiWrite.availability.mean);
      expect(s.availability.ci95![0]).toBeCloseTo(1 - 4.6e-7 - 5e-8, 15);
      expect(s.availability.ci95![1]).toBe(apiWrite.availability.ci95![1]);
      expect(s.trust).toEqual({ level: 'few-outages', outages: 1, basis: 'etcdQuorum', reason: 'only 1 quorum loss was observed (etcdQuorum): the interval includes what unseen ones may add' });
      expect(s.exact).toEqual({ availability: 1 - 4.55e-7, withinCi: true });
    }
    // apiRead does not need the quorum (reads from the watch cache).
    expect(out['apiRead']).toBe(apiWrite);
  });

  it.each([
    ['a quorum with plenty of outages', signal(0.999, [0.9985, 0.9995], ok(40)), apiWrite],
    ['a quorum without an interval (one replication)', signal(1, null as unknown as [number, number], { level: 'single-replication', outages: 0, reason: '' }), apiWrite],
    ['an apiWrite already flagged for its own few outages', quorum, signal(1 - 4.5e-7, [1 - 9e-7, 1], few(3))],
  ])('should leave apiWrite alone with %s', (_, q, w) => {
    expect(withQuorumEvidence({ etcdQuorum: q, apiWrite: w })['apiWrite']).toBe(w);
  });

  it('should keep a dominated verdict, which says more, and give both reasons', () => {
    const dominated: Trust = { level: 'dominated', outages: 400, reason: 'the 3 longest outages hold 68% of the downtime: another run may differ a lot' };
    const w = withQuorumEvidence({ etcdQuorum: quorum, apiWrite: { ...apiWrite, trust: dominated } })['apiWrite']!;
    expect(w.trust).toEqual({ ...dominated, reason: `${dominated.reason}; only 1 quorum loss was observed (etcdQuorum): the interval includes what unseen ones may add` });
    expect(w.availability.ci95![0]).toBeCloseTo(1 - 4.6e-7 - 5e-8, 15);
  });

  it("should take another cluster's quorum for the global signals that are its apiWrite", () => {
    const out = withQuorumEvidence({ management: apiWrite }, signal(1, [1 - 3e-5, 1], { level: 'no-outages', outages: 0, reason: '' }), ['management']);
    expect(out['management']!.availability.ci95![0]).toBeCloseTo(1 - 4.6e-7 - 3e-5, 15);
    expect(out['management']!.trust.reason).toBe('no quorum loss was observed (etcdQuorum): the interval includes what unseen ones may add');
  });
});
