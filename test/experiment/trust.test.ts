import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominantShare, FEW_OUTAGES, trustOf, type TrustEvidence } from '../../src/experiment/trust.js';
import type { TrustLevel } from '../../src/experiment/Summary.js';

const YEAR = 365 * 86_400;

/** Evidence of 10 replications of a year with `outages` outages of an hour each, unless a test says otherwise. */
function evidence(e: Partial<TrustEvidence> = {}): TrustEvidence {
  const outages = e.outages ?? 20;
  return {
    replications: 10,
    outages,
    downSeconds: outages * 3600,
    longestOutages: outages > 0 ? [3600, 3600, 3600].slice(0, outages) : [],
    totalSeconds: 10 * YEAR,
    canFail: true,
    ...e,
  };
}

describe('trustOf', () => {
  const cases: [string, Partial<TrustEvidence>, TrustLevel][] = [
    // One replication outranks everything, even a long, dominated record: no interval at all.
    ['one replication, dominated', { replications: 1, outages: 50, downSeconds: 100, longestOutages: [90, 5, 1] }, 'single-replication'],
    // One replication and no outage: still single-replication (there is no interval to bound).
    ['one replication, no outage', { replications: 1, outages: 0 }, 'single-replication'],
    ['no outage', { outages: 0 }, 'no-outages'],
    // Nothing can fail: still no-outages, with its own reason (tested below).
    ['nothing can fail', { outages: 0, canFail: false }, 'no-outages'],
    ['one outage', { outages: 1 }, 'few-outages'],
    // 9 outages, one holding nearly all the downtime: few-outages comes first (3 of 9 always hold a third).
    ['nine outages, dominated', { outages: 9, downSeconds: 1000, longestOutages: [900, 20, 10] }, 'few-outages'],
    // The threshold itself: 10 outages are enough.
    [`${FEW_OUTAGES} equal outages`, { outages: FEW_OUTAGES }, 'ok'],
    // 100 outages, the 3 longest hold 60%: dominated (the AZ load balancer).
    ['three long among short ones', { outages: 100, downSeconds: 10_000, longestOutages: [3000, 2000, 1000] }, 'dominated'],
    // Exactly half is not more than half: ok.
    ['three longest hold exactly half', { outages: 100, downSeconds: 12_000, longestOutages: [3000, 2000, 1000] }, 'ok'],
    // Just above half.
    ['three longest hold 50.01%', { outages: 100, downSeconds: 11_998, longestOutages: [3000, 2000, 1000] }, 'dominated'],
    // One huge outage dominates on its own.
    ['one outage holds 90%', { outages: 500, downSeconds: 10_000, longestOutages: [9000, 2, 2] }, 'dominated'],
    // Many equal outages: the 3 longest hold 3%.
    ['a hundred equal outages', { outages: 100 }, 'ok'],
  ];
  it.each(cases)('should judge %s', (_, e, level) => {
    expect(trustOf(evidence(e)).level).toBe(level);
  });

  it('should count the outages the verdict rests on', () => {
    expect(trustOf(evidence({ outages: 42 })).outages).toBe(42);
  });

  it('should give each level a one-sentence reason a person can read next to the number', () => {
    expect(trustOf(evidence({ replications: 1 })).reason).toBe('only one replication: there is no spread to estimate a confidence interval from');
    expect(trustOf(evidence({ outages: 0 })).reason).toBe('no outage in 10y of simulated time: the availability is a 95% bound, not an estimate');
    expect(trustOf(evidence({ outages: 0, canFail: false })).reason).toBe('nothing in the scenario can take this signal down (no random failures, no scripted faults)');
    expect(trustOf(evidence({ outages: 1 })).reason).toBe('only 1 outage observed (fewer than 10): the interval is rough');
    expect(trustOf(evidence({ outages: 3 })).reason).toBe('only 3 outages observed (fewer than 10): the interval is rough');
    // 3000 + 2000 + 1000 of 7692 s: 78%.
    expect(trustOf(evidence({ outages: 100, downSeconds: 7692, longestOutages: [3000, 2000, 1000] })).reason).toBe(
      'the 3 longest outages hold 78% of the downtime: another run may differ a lot',
    );
    expect(trustOf(evidence({ outages: 12 })).reason).toBe('12 outages observed, none dominating the downtime');
  });

  it('should follow the precedence single-replication > no-outages > few-outages > dominated > ok', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (replications, outages, longest, rest) => {
          const top = [...longest].sort((a, b) => b - a);
          const e = evidence({ replications, outages, longestOutages: outages > 0 ? top : [], downSeconds: outages > 0 ? top[0]! + top[1]! + top[2]! + rest : 0 });
          const level = trustOf(e).level;
          // The level is the first rule that holds, checked here one by one from a plain reading of each rule.
          const holds: [TrustLevel, boolean][] = [
            ['single-replication', replications < 2],
            ['no-outages', outages === 0],
            ['few-outages', outages < FEW_OUTAGES],
            ['dominated', outages > 0 && top[0]! + top[1]! + top[2]! > 0.5 * e.downSeconds],
            ['ok', true],
          ];
          const first = holds.find(([, h]) => h)![0];
          expect(level).toBe(first);
        },
      ),
    );
  });
});

describe('dominantShare', () => {
  it('should be the share of the downtime the 3 longest hold, 0 without downtime', () => {
    // 50 + 30 + 20 of 200 s: half. A fourth outage is not counted.
    expect(dominantShare([50, 30, 20, 10], 200)).toBe(0.5);
    expect(dominantShare([], 0)).toBe(0);
  });
});
