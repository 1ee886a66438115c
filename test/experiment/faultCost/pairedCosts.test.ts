/** The paired statistics of a fault's cost, on made-up digests: no simulation needed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplicationDigest } from '../../../src/experiment/Digest.js';
import { FEW_DIFFERENCES, pairedDifferences, signalCost } from '../../../src/experiment/faultCost/pairedCosts.js';
import { YEAR } from '../../../src/kernel/index.js';
import { runs } from '../../runs.js';

const HORIZON = 86_400;

/** A replication whose one signal (c/apiWrite) was down `down` seconds. */
const digest = (replication: number, down: number): ReplicationDigest => ({
  replication,
  signals: [{ cluster: 'c', signal: 'apiWrite', upSeconds: HORIZON - down, downSeconds: down, outages: down > 0 ? 1 : 0, longestOutage: down, longestOutages: [down], shortestOutage: down, histogram: [], downtimeByCause: down > 0 ? [[0, down]] : [] }],
  replicaFraction: [],
  tenants: [],
  badVersionReach: null,
  events: 0,
});

const downtimes = fc.array(fc.tuple(fc.integer({ min: 0, max: HORIZON }), fc.integer({ min: 0, max: HORIZON })), { minLength: 2, maxLength: 30 });

describe('pairedDifferences and signalCost', () => {
  it('should pair each replication with itself, whatever order the digests come in, and price the mean difference per year', () => {
    fc.assert(
      fc.property(downtimes, (pairs) => {
        // Arrange: the whole run's digests reversed, the other's in order.
        const whole = pairs.map(([a], i) => digest(i, a)).reverse();
        const without = pairs.map(([, b], i) => digest(i, b));

        // Act
        const d = pairedDifferences(whole, without, 'c', 'apiWrite');
        const cost = signalCost(d, HORIZON);

        // Assert
        expect(d).toEqual(pairs.map(([a, b]) => a - b));
        const mean = (pairs.reduce((s, [a, b]) => s + a - b, 0) / pairs.length / HORIZON) * YEAR;
        expect(cost.downtimeSecondsPerYear).toBeCloseTo(mean, 2);
        expect(cost.ci95![0]).toBeLessThanOrEqual(cost.downtimeSecondsPerYear + 1e-4);
        expect(cost.ci95![1]).toBeGreaterThanOrEqual(cost.downtimeSecondsPerYear - 1e-4);
        expect(cost.trust.differing).toBe(pairs.filter(([a, b]) => a !== b).length);
        expect(cost.trust.level).toBe(cost.trust.differing > 0 && cost.trust.differing < FEW_DIFFERENCES ? 'few-differences' : 'ok');
      }),
      { numRuns: runs(200) },
    );
  });

  it('should give no interval for one replication, and say why', () => {
    const cost = signalCost([3600], HORIZON);
    expect(cost.ci95).toBeNull();
    expect(cost.downtimeSecondsPerYear).toBeCloseTo((3600 / HORIZON) * YEAR, 3);
    expect(cost.trust.level).toBe('single-replication');
  });

  it('should collapse the interval on 0 for a fault that changed nothing', () => {
    expect(signalCost([0, 0, 0], HORIZON)).toEqual({ downtimeSecondsPerYear: 0, ci95: [0, 0], trust: { level: 'ok', differing: 0, reason: "the fault changed this signal's downtime in none of 3 replications" } });
  });

  it('should refuse runs of different replications (a programming error: they would not be paired)', () => {
    expect(() => pairedDifferences([digest(0, 1), digest(1, 1)], [digest(0, 1), digest(2, 1)], 'c', 'apiWrite')).toThrow(/same replications/);
    expect(() => pairedDifferences([digest(0, 1)], [digest(0, 1), digest(1, 1)], 'c', 'apiWrite')).toThrow(/same replications/);
  });
});
