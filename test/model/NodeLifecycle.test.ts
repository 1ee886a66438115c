/** The node lifecycle controller under random failures: what it may never do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/index.js';
import { NodeLifecycle } from '../../src/model/NodeLifecycle.js';
import { KUBERNETES_DEFAULTS as K } from '../../src/scenario/defaults.js';
import { runs } from '../runs.js';

/** Random down/up periods of workers spread over zones, driven through a NodeLifecycle. */
const cases = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 12 }),
  outages: fc.array(fc.record({ w: fc.nat(11), at: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 25 }),
});

describe('NodeLifecycle', () => {
  it('should evict only workers down for grace + toleration, and at most one node a zone every 1/rate seconds', () => {
    fc.assert(
      fc.property(cases, ({ zones, workers, outages }) => {
        // Arrange
        const sim = new Simulation();
        const zoneOf = Int32Array.from({ length: workers }, (_, w) => w % zones);
        const holds = new Int32Array(workers);
        const downSince = new Float64Array(workers);
        const expired: { w: number; t: number }[] = [];
        const nodes = new NodeLifecycle(sim, K, zoneOf, ['a', 'b', 'c'].slice(0, zones), () => true, {
          tolerationExpired: (w) => expired.push({ w, t: sim.now }),
          note: () => undefined,
        });
        const change = (w: number, d: number) => {
          const was = holds[w]! > 0;
          holds[w]! += d;
          if (!was && holds[w]! > 0) {
            downSince[w] = sim.now;
            nodes.workerDown(w);
          } else if (was && holds[w] === 0) nodes.workerUp(w);
        };
        for (const o of outages) {
          const w = o.w % workers;
          sim.at(o.at, () => change(w, 1));
          sim.at(o.at + o.length, () => change(w, -1));
        }
        // Act: the checks run at each expiry, while the state is the one it saw.
        const checks: string[] = [];
        const lastInZone = new Float64Array(zones).fill(-Infinity);
        const original = expired.push.bind(expired);
        expired.push = (e) => {
          if (holds[e.w]! === 0) checks.push(`worker ${e.w} evicted while up at ${e.t}`);
          if (e.t < downSince[e.w]! + K.nodeMonitorGracePeriod + K.podEvictionTimeout) checks.push(`worker ${e.w} evicted early at ${e.t}`);
          const z = zoneOf[e.w]!;
          if (e.t - lastInZone[z]! < 1 / K.nodeEvictionRate - 1e-9) checks.push(`zone ${z} evicted twice within 10 s at ${e.t}`);
          lastInZone[z] = e.t;
          return original(e);
        };
        sim.run(10_000);
        // Assert
        expect(checks).toEqual([]);
        // A lone outage longer than grace + toleration is evicted, unless its worker is the
        // cluster's only one (then every zone is fully disrupted and nothing is evicted).
        if (outages.length === 1 && outages[0]!.length > K.nodeMonitorGracePeriod + K.podEvictionTimeout && workers > 1) {
          expect(expired.map((e) => e.w)).toEqual([outages[0]!.w % workers]);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
