import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { componentCount, estimateWork, eventsPerReplication, worldEstimate } from '../../src/experiment/workEstimate.js';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from '../model/fixtures.js';

const SHIPPED = new URL('../../scenarios/', import.meta.url);
const shipped = readdirSync(SHIPPED)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseScenario(readFileSync(new URL(f, SHIPPED), 'utf8'), f));

const exp = (mean: number) => ({ kind: 'exponential' as const, mean });
const HOUR = 3600;

describe('work estimate', () => {
  it('counts the components the topology builds, for every shipped scenario and random clusters', () => {
    for (const s of shipped) expect(componentCount(s), s.name).toBe(buildTopology(s).components.length);
    fc.assert(
      fc.property(
        fc.constantFrom('multi-master', 'single-server'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('stacked', 'external'),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (model, cp, members, topology, workers, lb) => {
          const c = model === 'single-server'
            ? cluster({ model, controlPlane: { nodes: 1 }, etcd: { members: 1, topology: 'stacked' }, workers: { nodes: workers }, loadBalancer: { enabled: false } })
            : cluster({ model, controlPlane: { nodes: Math.max(cp, topology === 'stacked' ? members : 1) }, etcd: { members, topology }, workers: { nodes: workers }, loadBalancer: { enabled: lb } });
          const s = scenario({ clusters: [c] });
          expect(componentCount(s)).toBe(buildTopology(s).components.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is exact when the pilot reaches the horizon', () => {
    for (const s of shipped.slice(0, 4)) {
      const events = runReplication(s, buildTopology(s), 0).events;
      expect(eventsPerReplication(s), s.name).toBe(events);
    }
  });

  it('extrapolates a steady scenario within 25% of what it then runs', () => {
    const s: Scenario = scenario({
      horizon: 20 * 24 * HOUR,
      clusters: [cluster({ workers: { nodes: 300 }, failures: { worker: { mttf: exp(2 * HOUR), mttr: exp(HOUR / 2) } } })],
    });
    const actual = runReplication(s, buildTopology(s), 0).events;
    const estimate = eventsPerReplication(s, 20_000);
    expect(estimate / actual).toBeGreaterThan(0.75);
    expect(estimate / actual).toBeLessThan(1.25);
  });

  it('scales with replications and threads as it says', () => {
    const s = shipped.find((x) => x.name === 'ha-three-dcs')!;
    const one = worldEstimate([{ scenario: s, replications: 10 }], 1);
    const more = worldEstimate([{ scenario: s, replications: 20 }], 2);
    expect(more.work).toBe(2 * one.work);
    expect(more.memoryBytes).toBeGreaterThan(one.memoryBytes);
    const e = estimateWork([{ scenario: s, replications: 10 }], 1);
    expect(e.events).toBe(10 * eventsPerReplication(s));
    expect(e.work).toBe(one.work + e.events);
  });
});
