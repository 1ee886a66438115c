import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  apiWriteAvailability,
  failuresTolerated,
  kOfNAvailability,
  memberAvailability,
  quorumSize,
} from '../../src/analytic/index.js';

describe('quorumSize and failuresTolerated', () => {
  // n, quorum, tolerated: the etcd FAQ table (docs/domain.md#quorum-and-failures-tolerated).
  const table: [number, number, number][] = [
    [0, 0, 0], // empty configuration: by convention needs 0 votes and never holds one (as the model's quorum rule)
    [1, 1, 0], // a single member tolerates nothing
    [2, 2, 0], // even size raises the quorum without raising tolerance
    [3, 2, 1], // the smallest size that survives a failure
    [4, 3, 1], // as tolerant as 3, with a larger quorum
    [5, 3, 2], // Kubernetes' production recommendation
    [6, 4, 2], // as tolerant as 5
    [7, 4, 3], // "probably no more than seven"
    [8, 5, 3], // as tolerant as 7
    [9, 5, 4], // end of the FAQ table
  ];
  it.each(table)('should give n = %i a quorum of %i and tolerate %i failures', (n, q, f) => {
    expect(quorumSize(n)).toBe(q);
    expect(failuresTolerated(n)).toBe(f);
  });

  it('should agree with a majority counted by brute force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        // The smallest q with q > n - q, found by counting up.
        let q = 0;
        while (!(q > n - q)) q++;
        expect(quorumSize(n)).toBe(q);
      }),
    );
  });

  it('should reject a negative or fractional size', () => {
    expect(() => quorumSize(-1)).toThrow(/whole number/);
    expect(() => failuresTolerated(2.5)).toThrow(/whole number/);
  });
});

describe('memberAvailability', () => {
  it.each([
    [90 * 24, 2, 2160 / 2162], // 90 d / 2 h, hours in, fraction out: units cancel
    [1, 0, 1], // instant repair: always up
    [0, 1, 0], // fails at once: always down
    [1, 1, 0.5], // as long down as up
  ])('should give MTTF %d, MTTR %d an availability of %d', (f, r, a) => {
    expect(memberAvailability(f, r)).toBeCloseTo(a, 15);
  });

  it('should refuse times that give no availability', () => {
    expect(() => memberAvailability(0, 0)).toThrow(/positive sum/);
    expect(() => memberAvailability(-1, 2)).toThrow(/memberAvailability/);
    expect(() => memberAvailability(Infinity, 1)).toThrow(/finite/);
  });
});

describe('apiWriteAvailability', () => {
  it('should multiply the load balancer, one-of-m apiservers and the quorum (docs/domain.md#series-and-parallel)', () => {
    const parts = { loadBalancer: 0.9999, apiserver: 0.999, apiservers: 3, quorum: kOfNAvailability(3, 2, 0.999) };
    // Cross-check: the apiserver term is 1-of-m, a k-of-n with k = 1.
    expect(apiWriteAvailability(parts)).toBeCloseTo(0.9999 * kOfNAvailability(3, 1, 0.999) * parts.quorum, 15);
  });

  it('should be down without apiservers', () => {
    expect(apiWriteAvailability({ loadBalancer: 1, apiserver: 1, apiservers: 0, quorum: 1 })).toBe(0);
  });
});
