import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src/experiment/aggregate.js';
import { relativeHalfWidth } from '../../../src/experiment/precision/relativeHalfWidth.js';
import { nextBatch, runToPrecision, type PrecisionTarget } from '../../../src/experiment/precision/runToPrecision.js';
import { runDigests } from '../../../src/experiment/runDigests.js';
import { clusterCost } from '../../../src/report/cost.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { analyzeScenario } from '../../../src/analytic/index.js';

// 3 external members, mttf 100h / mttr 1h: quorum losses are frequent, so batches of 4
// replications of 2000h narrow the interval quickly and the test runs in a second.
const scenario = parseScenario(
  `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: frequent }
spec:
  horizon: 2000h
  replications: 4
  seed: 11
  failures:
    etcd: { mttf: 100h, mttr: 1h }
  clusters:
    - name: prod
      model: multi-master
      controlPlane: { nodes: 3 }
      etcd: { members: 3, topology: external }
      workers: { nodes: 0 }
`,
  'frequent.yaml',
);

// The naive phase alone (rare events off), unless a test turns them on.
const target = (t: Partial<PrecisionTarget>): PrecisionTarget => ({ relative: 0.2, signals: ['etcdQuorum'], maxReplications: 1000, maxEpisodes: 1000, rareEvents: false, ...t });

describe('runToPrecision', () => {
  it('should stop after the first whole batch that reaches the target, and not before', async () => {
    const sizes: number[] = [];
    const r = await runToPrecision(scenario, { costModel: clusterCost, target: target({}), jobs: 1, onBatch: (b) => sizes.push(b.replications) });
    const p = r.summary.precision!;
    expect(p).toMatchObject({ target: 0.2, reached: true, stoppedBy: 'precision', episodes: 0 });
    expect(sizes).toHaveLength(p.batches);
    expect(r.summary.replications).toBe(sizes.at(-1));
    expect(p.signals).toEqual([{ cluster: 'prod', signal: 'etcdQuorum', method: 'naive', relativeHalfWidth: expect.any(Number), reached: true }]);
    expect(p.signals[0]!.relativeHalfWidth).toBeLessThanOrEqual(0.2);
    // One batch fewer had not reached it: the rule stops at the first batch that does.
    expect(p.batches).toBeGreaterThan(1);
    const fewer = runDigests(scenario, Array.from({ length: sizes.at(-2)! }, (_, i) => i)).digests;
    expect(relativeHalfWidth(aggregate(scenario, fewer, clusterCost).clusters['prod']!.signals['etcdQuorum']!)).toBeGreaterThan(0.2);
  });

  it('should give the same summary as a fixed run of as many replications, plus what it asked and got', async () => {
    const r = await runToPrecision(scenario, { costModel: clusterCost, target: target({}), jobs: 1 });
    const { precision, ...rest } = r.summary;
    const fixed = { ...scenario, replications: r.summary.replications };
    const plain = aggregate(fixed, runDigests(fixed, Array.from({ length: fixed.replications }, (_, i) => i)).digests, clusterCost);
    expect(rest).toEqual(plain);
    expect(precision).toBeDefined();
  });

  it('should stop at --max-replications, even inside a batch, and say the target was not reached', async () => {
    const r = await runToPrecision(scenario, { costModel: clusterCost, target: target({ relative: 0.001, maxReplications: 10 }), jobs: 1 });
    expect(r.summary.replications).toBe(10);
    expect(r.summary.precision).toMatchObject({ reached: false, stoppedBy: 'max-replications', batches: 3 });
    expect(r.summary.precision!.signals[0]!.reached).toBe(false);
  });

  it('should stop at --max-time between batches, by the clock it is given', async () => {
    let t = 0;
    const now = () => (t += 30); // each reading is 30 s later: the start, then once per batch
    const r = await runToPrecision(scenario, { costModel: clusterCost, target: target({ relative: 0.001, maxSeconds: 60 }), jobs: 1, now });
    // Read at 30 (start), 60 (after batch 1: 30 s spent), 90 (after batch 2: 60 s, the cap).
    expect(r.summary.precision).toMatchObject({ reached: false, stoppedBy: 'max-time', batches: 2 });
  });

  it('should report progress once per batch, with the least precise requested signal', async () => {
    const seen: number[] = [];
    await runToPrecision(scenario, {
      costModel: clusterCost,
      target: target({ signals: ['etcdQuorum', 'apiWrite'], relative: 0.001, maxReplications: 8 }),
      jobs: 1,
      onBatch: (p) => {
        seen.push(p.replications);
        expect(p.worst.key).toMatch(/^prod\/(etcdQuorum|apiWrite)$/);
      },
    });
    expect(seen).toEqual([4, 8]);
  });
});

describe('nextBatch', () => {
  const signal = (relativeHalfWidth: number | null, reached = false) => ({ cluster: 'prod', signal: 'apiWrite', method: 'naive' as const, relativeHalfWidth, reached });
  it.each<[number, number, (number | null)[], number, number, string]>([
    // first, done, half-widths, target, next
    [10, 10, [0.2], 0.1, 10, 'needs 4x in all: 33 more, but at most doubling'],
    [10, 40, [0.11], 0.1, 14, 'needs (0.11/0.1)^2 = 1.21x, plus a tenth: 14 more'],
    [10, 40, [0.1001], 0.1, 10, 'nearly there: never less than the first batch'],
    [10, 40, [null], 0.1, 40, 'no outage yet: double'],
    [10, 40, [0.3, 0.12], 0.1, 40, 'the least precise signal decides'],
  ])('should run %i then %i, with %j against %f, next %i (%s)', (first, done, widths, relative, next) => {
    expect(nextBatch(first, done, widths.map((w) => signal(w)), relative)).toBe(next);
  });

  it('should ignore signals already precise enough', () => {
    expect(nextBatch(10, 40, [signal(0.05, true), signal(0.11)], 0.1)).toBe(14);
  });
});

describe('runToPrecision with rare outages', () => {
  // 5 external members, mttf 30d / mttr 6h: exact quorum unavailability 5.6e-6, so 4 replications
  // of a year see no quorum loss and the rare-event method takes etcdQuorum over.
  const rare = parseScenario(
    `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: rare }
spec:
  horizon: 1y
  replications: 4
  seed: 3
  failures:
    etcd: { mttf: 30d, mttr: 6h }
  clusters:
    - name: prod
      model: multi-master
      controlPlane: { nodes: 3 }
      etcd: { members: 5, topology: external }
      workers: { nodes: 0 }
`,
    'rare.yaml',
  );
  const exact = analyzeScenario(rare);
  const exactQuorum = exact.ok && exact.clusters['prod']!.ok ? exact.clusters['prod']!.signals.etcdQuorum.availability : NaN;

  it('should move a signal with no outage in the first batch to importance sampling, and reach the target there', async () => {
    const r = await runToPrecision(rare, { costModel: clusterCost, target: target({ relative: 0.3, maxEpisodes: 100_000, rareEvents: true }), jobs: 1 });
    const q = r.summary.clusters['prod']!.signals['etcdQuorum']!;
    expect(q.method).toBe('importance-sampling');
    expect(r.summary.precision).toMatchObject({ reached: true, stoppedBy: 'precision', batches: 1 });
    expect(r.summary.precision!.episodes).toBeGreaterThanOrEqual(2000);
    expect(r.summary.replications).toBe(4);
    // The exact value sits beside it, and inside its interval for this seed.
    expect(q.exact).toEqual({ availability: exactQuorum, withinCi: true });
    // Signals not requested keep the naive estimate.
    expect(r.summary.clusters['prod']!.signals['apiWrite']!.method).toBe('naive');
  });

  it('should stop at --max-episodes and say so', async () => {
    const r = await runToPrecision(rare, { costModel: clusterCost, target: target({ relative: 0.01, maxEpisodes: 2500, rareEvents: true }), jobs: 1 });
    expect(r.summary.precision).toMatchObject({ reached: false, stoppedBy: 'max-episodes', episodes: 2500 });
  });

  it('should keep the naive method where the rare-event method does not apply (a scripted fault), up to the cap', async () => {
    const withFault = { ...rare, faults: [{ kind: 'crash' as const, at: 3600, target: 'prod/etcd-1', duration: 600 }] };
    const r = await runToPrecision(withFault, { costModel: clusterCost, target: target({ relative: 0.3, maxReplications: 8, rareEvents: true }), jobs: 1 });
    expect(r.summary.clusters['prod']!.signals['etcdQuorum']!.method).toBe('naive');
    expect(r.summary.precision).toMatchObject({ stoppedBy: 'max-replications', episodes: 0 });
  });
});
