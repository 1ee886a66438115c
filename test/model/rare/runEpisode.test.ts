import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/kernel/index.js';
import { criticalProcesses, isCritical } from '../../../src/model/rare/criticalProcesses.js';
import { episodeRates } from '../../../src/model/rare/episodeRates.js';
import { runEpisode } from '../../../src/model/rare/runEpisode.js';
import { buildProcesses } from '../../../src/model/FailureProcesses.js';
import { buildTopology } from '../../../src/model/Topology.js';
import { rareEventSupport } from '../../../src/experiment/rare/index.js';
import { etcdScenario } from '../../experiment/rare/fixtures.js';

describe('criticalProcesses', () => {
  it('should leave out worker-only hosts and keep etcd, control plane, load balancer and datacenters', () => {
    const s = etcdScenario(3, 1, { mttf: '30d', mttr: '6h' }, {
      datacenters: [{ name: 'dc-a', outage: { mttf: '1y', mttr: '4h' } }],
      failures: { etcd: { mttf: '30d', mttr: '6h' }, worker: { mttf: '10d', mttr: '1h' }, controlPlane: { mttf: '60d', mttr: '1h' } },
    });
    const t = buildTopology(s);
    const all = buildProcesses(s, t, new RandomStreams(1), '');
    const critical = all.filter((p) => isCritical(p, t)).map((p) => p.rng.name);
    // 1 datacenter + 3 cp + 3 etcd; the 2 workers' processes are not critical.
    expect(critical).toEqual(['fail/dc-a', 'fail/prod/cp-1/controlPlane', 'fail/prod/cp-2/controlPlane', 'fail/prod/cp-3/controlPlane', 'fail/prod/etcd-1/etcd', 'fail/prod/etcd-2/etcd', 'fail/prod/etcd-3/etcd']);
    expect(all.length - critical.length).toBe(2);
    expect(criticalProcesses(s, t, new RandomStreams(1), 'e0/').map((p) => p.rng.name)[0]).toBe('e0/fail/dc-a');
  });
});

describe('episodeRates', () => {
  it('should give r_i = ν_i Π_{j≠i} A_j', () => {
    // Two processes, exponential: (mttf 9 h, mttr 1 h) and (mttf 3 h, mttr 1 h).
    // ν = 1/10 and 1/4 per hour; A = 0.9 and 0.75; r_1 = 0.1 · 0.75, r_2 = 0.25 · 0.9 (per hour).
    const h = (x: number) => ({ kind: 'exponential', mean: x * 3600 }) as const;
    const r = episodeRates([
      { mttf: h(9), mttr: h(1) },
      { mttf: h(3), mttr: h(1) },
    ]);
    expect(r[0]! * 3600).toBeCloseTo(0.075, 12);
    expect(r[1]! * 3600).toBeCloseTo(0.225, 12);
  });
});

describe('runEpisode', () => {
  const s = etcdScenario(3, 7);
  const support = rareEventSupport(s);
  if (!support.ok) throw new Error(support.reason);

  it('should give the same digest for the same (scenario, seed, episode) and different ones for other episodes', () => {
    const a = runEpisode(s, support.topology, support.setup, 12);
    const b = runEpisode(s, support.topology, support.setup, 12);
    const c = runEpisode(s, support.topology, support.setup, 13);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('should end every episode with the covered signals up, after the settle window, with downtime inside it', () => {
    for (let k = 0; k < 200; k++) {
      const e = runEpisode(s, support.topology, support.setup, k);
      expect(e.seconds).toBeGreaterThanOrEqual(support.setup.settleSeconds);
      for (const d of e.downSeconds) expect(d).toBeLessThanOrEqual(e.seconds);
      expect(Number.isFinite(e.logLikelihoodRatio) || e.logLikelihoodRatio === -Infinity).toBe(true);
    }
  });

  it('should throw a clear error, not cut the episode short, when it outruns its event budget', () => {
    expect(() => runEpisode(s, support.topology, { ...support.setup, eventBudget: 2 }, 0)).toThrow(/did not end within 2 events/);
  });
});
