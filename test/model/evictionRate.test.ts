/** The node lifecycle controller's zone rules (Kubernetes "Nodes", rate limits on eviction). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneEvictionRate, zoneState } from '../../src/model/evictionRate.js';
import { KUBERNETES_DEFAULTS } from '../../src/scenario/defaults.js';

const K = KUBERNETES_DEFAULTS;

describe('zoneState', () => {
  it('should follow ComputeZoneState: full with no Ready node, partial from more than 2 and 55% NotReady', () => {
    expect(zoneState(0, 1, 0.55)).toBe('fullDisruption');
    expect(zoneState(0, 0, 0.55)).toBe('normal'); // an empty zone
    expect(zoneState(1, 2, 0.55)).toBe('normal'); // 67%, but only 2 NotReady
    expect(zoneState(2, 3, 0.55)).toBe('partialDisruption'); // 60%
    expect(zoneState(45, 55, 0.55)).toBe('partialDisruption'); // exactly 55%
    expect(zoneState(46, 54, 0.55)).toBe('normal');
  });

  it('should be full exactly when nothing is Ready, and never partial with 2 or fewer NotReady', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.double({ min: 0, max: 1, noNaN: true }), (ready, notReady, threshold) => {
        const st = zoneState(ready, notReady, threshold);
        expect(st === 'fullDisruption').toBe(ready === 0 && notReady > 0);
        if (notReady <= 2) expect(st).not.toBe('partialDisruption');
      }),
    );
  });
});

describe('zoneEvictionRate', () => {
  it('should evict at 0.1/s normally and when a whole zone is down, 0.01/s or not at all when a zone is partly down, and nowhere when all zones are down', () => {
    expect(zoneEvictionRate('normal', 10, false, K)).toBe(0.1);
    expect(zoneEvictionRate('fullDisruption', 10, false, K)).toBe(0.1);
    expect(zoneEvictionRate('partialDisruption', 51, false, K)).toBe(0.01);
    expect(zoneEvictionRate('partialDisruption', 50, false, K)).toBe(0);
    for (const st of ['normal', 'partialDisruption', 'fullDisruption'] as const) expect(zoneEvictionRate(st, 1000, true, K)).toBe(0);
  });

  it('should only ever give the normal rate, the secondary rate or none', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.boolean(), (ready, notReady, all) => {
        const rate = zoneEvictionRate(zoneState(ready, notReady, K.unhealthyZoneThreshold), ready + notReady, all, K);
        expect([0, K.secondaryNodeEvictionRate, K.nodeEvictionRate]).toContain(rate);
      }),
    );
  });
});
