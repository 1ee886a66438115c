import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rareEstimate, runEpisodes } from '../../../src/experiment/rare/index.js';
import { runExperiment } from '../../../src/experiment/runExperiment.js';
import { clusterCost } from '../../../src/report/cost.js';
import { scenarioFromRaw } from '../../../src/scenario/scenarioFromRaw.js';
import { runs } from '../../runs.js';

/**
 * Random small scenarios without scripted faults, exponential failures short enough (mean 10-50 h,
 * repairs 10 min-1 h) that the naive method sees many outages in 8 replications of 60 days.
 */
const arbScenario = fc
  .record({
    members: fc.constantFrom(1, 3, 5),
    topology: fc.constantFrom('stacked', 'external'),
    dcs: fc.integer({ min: 1, max: 3 }),
    dcOutage: fc.boolean(),
    lb: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ members, topology, dcs, dcOutage, lb, seed }) => {
    const names = ['dc-a', 'dc-b', 'dc-c'].slice(0, dcs);
    return scenarioFromRaw({
      apiVersion: 'kubesim/v1',
      kind: 'Scenario',
      metadata: { name: 'agree' },
      spec: {
        horizon: '60d',
        replications: 8,
        seed,
        datacenters: names.map((name, i) => (dcOutage && i === 0 ? { name, outage: { mttf: '40h', mttr: '30m' } } : { name })),
        failures: {
          etcd: { mttf: '10h', mttr: '1h' },
          controlPlane: { mttf: '20h', mttr: '1h' },
          ...(lb ? { loadBalancer: { mttf: '50h', mttr: '10m' } } : {}),
        },
        clusters: [
          {
            name: 'prod',
            model: 'multi-master',
            datacenters: names,
            controlPlane: { nodes: topology === 'stacked' ? Math.max(3, members) : 3 },
            etcd: { members, topology },
            workers: { nodes: 2 },
            loadBalancer: { enabled: lb },
          },
        ],
      },
    }, 'agree.yaml');
  });

describe('the rare-event estimate and the naive one', () => {
  // One case costs about a second (8 naive replications of 60 days and 1,500 episodes): 6 cases.
  it('should agree within twice their combined 95% half-width on every covered signal', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async (s) => {
        const naive = (await runExperiment(s, { costModel: clusterCost })).summary.clusters['prod']!.signals;
        const rare = rareEstimate(s, runEpisodes(s, 0, 1500));
        for (const e of rare.signals) {
          const n = naive[e.signal]!;
          const ci = n.availability.ci95!;
          const naiveU = 1 - n.availability.mean;
          const naiveHalf = (ci[1] - ci[0]) / 2;
          // Independent estimates, each with its 95% half-width h = 1.96 se: the difference has
          // half-width sqrt(h1² + h2²), and twice that is about 4 standard errors, so an honest
          // pair of estimates fails this less than once in 10,000 comparisons (24 here per run).
          const allowed = 2 * Math.hypot(naiveHalf, e.halfWidth);
          expect(Math.abs(naiveU - e.unavailability), `${e.signal}: naive ${naiveU} ± ${naiveHalf}, rare ${e.unavailability} ± ${e.halfWidth}`).toBeLessThanOrEqual(allowed);
        }
      }),
      { numRuns: runs(6) },
    );
  });
});
