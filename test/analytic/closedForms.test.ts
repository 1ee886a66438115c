import { describe, expect, it } from 'vitest';
import {
  apiWriteAvailability,
  kOfNAvailability,
  memberAvailability,
} from '../../src/analytic/index.js';

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

describe('closed-form input checks', () => {
  it('should refuse a negative MTTR even when the sum stays positive, and a sum that overflows', () => {
    expect(() => memberAvailability(1, -0.5)).toThrow(RangeError);
    expect(() => memberAvailability(1e308, 1e308)).toThrow(
      new RangeError('memberAvailability needs finite MTTF, MTTR >= 0 with a positive sum, found 1e+308, 1e+308'),
    );
  });

  it('should refuse a negative or fractional number of apiservers, naming it', () => {
    const parts = { loadBalancer: 1, apiserver: 0.9, quorum: 1 };
    expect(() => apiWriteAvailability({ ...parts, apiservers: -1 })).toThrow(new RangeError('apiWriteAvailability apiservers needs a whole number >= 0, found -1'));
    expect(() => apiWriteAvailability({ ...parts, apiservers: 1.5 })).toThrow(new RangeError('apiWriteAvailability apiservers needs a whole number >= 0, found 1.5'));
  });
});
