import { describe, expect, it } from 'vitest';
import { checkPoint, recommend, rejectedCheaper, type Candidate, type Check, type Objectives, type Verdict } from '../../../src/experiment/sweep/index.js';
import type { EtcdPerformance } from '../../../src/model/latency/index.js';
import type { SignalSummary, Summary } from '../../../src/experiment/Summary.js';

/** A summary with one cluster `prod` whose apiWrite has the given mean availability. */
function summary(apiWrite: number, lowCi = apiWrite): Summary {
  const signal: SignalSummary = {
    availability: { mean: apiWrite, ci95: [lowCi, 1] },
    method: 'naive',
    trust: { level: 'ok', outages: 100, reason: '100 outages observed' },
    bound: null,
    exact: null,
    nines: null,
    downtimeSecondsPerYear: 0,
    outagesPerYear: 0,
    meanOutageSeconds: null,
    p99OutageSeconds: null,
    longestOutageSeconds: null,
    worstReplication: null,
    downtimeByCause: null,
  };
  return {
    kubesim: 'test',
    scenario: 's',
    seed: 1,
    replications: 1,
    horizonSeconds: 1,
    clusters: { prod: { model: 'multi-master', signals: { apiWrite: signal }, etcdFailuresTolerated: 1, cost: { currency: 'USD', perMonth: 0, byRole: {} } } },
    global: { signals: {} },
    cost: { currency: 'USD', perMonth: 0 },
  };
}

function etcd(p99Ms: number | null): Record<string, EtcdPerformance> {
  const write = p99Ms === null ? ({ kind: 'saturated', excessWritesPerSecond: 1 } as const) : ({ kind: 'ok', meanMs: p99Ms, p50Ms: p99Ms, p99Ms } as const);
  const load = { nodeLeases: 0, nodeStatus: 0, pods: 0, events: 0, controlPlaneLeases: 0, total: 0 };
  return { prod: { members: 3, learners: 0, failuresTolerated: 1, datacenters: 1, load, capacityWritesPerSecond: 1, utilisation: 0, commitMs: { fastestLeader: 1, slowestLeader: 1 }, write } };
}

const OBJECTIVES: Objectives = { availability: [{ signal: 'apiWrite', targetPercent: 99.99 }], maxWriteP99Ms: 100 };

function candidate(index: number, cost: number, availability: number, p99: number | null, objectives = OBJECTIVES): Candidate {
  return { index, label: `p${index}`, costPerMonth: cost, availability, verdict: checkPoint(summary(availability), etcd(p99), objectives) };
}

describe('checkPoint', () => {
  it('should meet 99.99% with an availability of exactly 0.9999 (floating-point slack)', () => {
    expect(checkPoint(summary(0.9999), etcd(50), OBJECTIVES).met).toBe(true);
  });

  it('should miss a write p99 objective when etcd is saturated', () => {
    const v = checkPoint(summary(1), etcd(null), OBJECTIVES);
    expect(v.met).toBe(false);
    expect(v.checks.find((c) => c.kind === 'writeP99')).toMatchObject({ valueMs: null, met: false });
  });

  it('should miss an objective on a signal no place has (no typo passes silently)', () => {
    const v = checkPoint(summary(1), etcd(1), { availability: [{ signal: 'nope', targetPercent: 90 }], maxWriteP99Ms: null });
    expect(v.met).toBe(false);
  });

  it('should meet everything when there are no objectives', () => {
    expect(checkPoint(summary(0.5), etcd(null), { availability: [], maxWriteP99Ms: null })).toEqual({ met: true, checks: [] });
  });
});

describe('recommend', () => {
  // Each row: the points (cost, availability, p99 in ms or null for saturated), and what to pick.
  const cases: { why: string; points: [number, number, number | null][]; want: { kind: string; point?: number; closest?: number } }[] = [
    { why: 'the cheapest of those that meet both', points: [[100, 0.999, 5], [200, 0.99995, 50], [300, 0.99999, 60]], want: { kind: 'cheapest', point: 1 } },
    { why: 'a cheaper point that misses latency is passed over', points: [[100, 0.99999, 150], [200, 0.99995, 50]], want: { kind: 'cheapest', point: 1 } },
    { why: 'equal cost: the more available one', points: [[200, 0.99991, 50], [200, 0.99999, 50]], want: { kind: 'cheapest', point: 1 } },
    { why: 'equal cost and availability: the earlier point', points: [[200, 0.99995, 50], [200, 0.99995, 50]], want: { kind: 'cheapest', point: 0 } },
    { why: 'none meets: the one missing fewer objectives is closest', points: [[100, 0.99, 500], [200, 0.999, 50]], want: { kind: 'none', closest: 1 } },
    { why: 'none meets, one miss each: the smaller shortfall (0.1 nine short beats 1 nine short)', points: [[100, 0.999, 50], [200, 0.99987, 50]], want: { kind: 'none', closest: 1 } },
    { why: 'a saturated etcd is the furthest miss on latency', points: [[100, 0.99999, null], [200, 0.99999, 1000]], want: { kind: 'none', closest: 1 } },
    { why: 'equal misses: the cheaper one', points: [[300, 0.999, 50], [100, 0.999, 50]], want: { kind: 'none', closest: 1 } },
  ];
  for (const c of cases) {
    it(`should pick ${c.why}`, () => {
      const r = recommend(c.points.map(([cost, a, p99], i) => candidate(i, cost, a, p99)), true);
      expect(r).toMatchObject(c.want);
    });
  }

  it('should refer to points by their index in the whole grid', () => {
    const r = recommend([candidate(7, 100, 0.999, 5), candidate(9, 200, 0.99999, 5)], true);
    expect(r).toMatchObject({ kind: 'cheapest', point: 9, label: 'p9', meeting: 1, of: 2 });
  });

  it('should say which objective fails at the closest point and the best reached on each', () => {
    const r = recommend([candidate(0, 100, 0.999, 5), candidate(1, 200, 0.9995, 150)], true);
    expect(r.kind).toBe('none');
    if (r.kind !== 'none') return;
    expect(r.closest).toBe(0);
    expect(r.failing.map((c: Check) => c.kind)).toEqual(['availability']);
    expect(r.best).toEqual([
      { objective: 'apiWrite >= 99.99%', value: 99.95, point: 1, label: 'p1' },
      { objective: 'write p99 <= 100 ms', value: 5, point: 0, label: 'p0' },
    ]);
  });

  it('should recommend nothing without objectives', () => {
    const v: Verdict = { met: true, checks: [] };
    expect(recommend([{ index: 0, label: 'a', costPerMonth: 1, availability: 1, verdict: v }], false)).toEqual({ kind: 'noObjectives' });
  });
});

describe('rejectedCheaper', () => {
  it('should list the designs cheaper than the recommended one, cheapest first, and none without a recommendation', () => {
    // p0 and p2 miss the 99.99% target and cost less than p1, which meets it; p3 costs more.
    const points = [candidate(0, 20, 0.999, 10), candidate(1, 30, 0.99995, 10), candidate(2, 10, 0.99, 10), candidate(3, 40, 0.99999, 10)];
    const r = recommend(points, true);
    expect(r).toMatchObject({ kind: 'cheapest', point: 1 });
    expect(rejectedCheaper(points, r)).toEqual([2, 0]);
    expect(rejectedCheaper(points, recommend([candidate(0, 20, 0.999, 10)], true))).toEqual([]);
  });
});
