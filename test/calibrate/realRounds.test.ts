import { describe, expect, it } from 'vitest';
import { describeOutcomes } from '../../calibrate/realRounds.mjs';

const rec = (start: number, end: number, ok: boolean, error = '') => ({ member: 0, start, end, ok, error });

describe('describeOutcomes', () => {
  it('should group requests by outcome with their count and the longest time from the fault', () => {
    // Arrange: a fault at 10 s; two writes answered after it, one refused, one timed out by etcd.
    const records = [rec(9.99, 10.5, true), rec(9.995, 11.25, true), rec(9.998, 10.001, false, 'ECONNRESET'), rec(9.999, 17.0, false, 'etcdserver: request timed out')];
    // Act / Assert: outcomes in order of first appearance.
    expect(describeOutcomes(records, 10)).toBe('ok x2 <=1.25s; ECONNRESET x1 <=0.00s; etcdserver: request timed out x1 <=7.00s');
  });

  it("should count from each request's own start without an origin, and show the ones still pending", () => {
    const records = [rec(11, 18.01, false, 'etcdserver: request timed out'), rec(12, 19, false, 'etcdserver: request timed out'), rec(13, NaN, false)];
    expect(describeOutcomes(records)).toBe('etcdserver: request timed out x2 <=7.01s; pending x1 <=0.00s');
  });

  it('should say none when no request was in flight', () => {
    expect(describeOutcomes([], 10)).toBe('none');
  });
});
