import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { failuresTolerated, quorumSize, quorumTime } from '../../src/quorum/index.js';

describe('quorumSize and failuresTolerated', () => {
  // n, quorum, tolerated: the etcd FAQ table (docs/domain.md#quorum).
  const table: [number, number, number][] = [
    [0, 0, 0], // empty configuration: by convention needs 0 votes and never holds one (as findQuorum)
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
    expect(() => quorumSize(-1)).toThrow(new RangeError('quorumSize needs a whole number of voters >= 0, found -1'));
    expect(() => failuresTolerated(2.5)).toThrow(new RangeError('failuresTolerated needs a whole number of voters >= 0, found 2.5'));
  });
});

describe('quorumTime', () => {
  // Answer times in ms; the candidate's own vote is the 0. Expected values worked out by hand.
  const table: { why: string; answers: number[]; at: number }[] = [
    { why: 'a single voter decides alone, at once', answers: [0], at: 0 },
    { why: '3 voters: own vote plus the nearer of two peers', answers: [0, 80, 2], at: 2 },
    { why: '5 voters: own vote plus the 2 nearest of 4 peers, not the farthest', answers: [0, 90, 1, 40, 3], at: 3 },
    { why: '4 voters need 3 votes: the second-nearest peer', answers: [0, 5, 1, 70], at: 5 },
    { why: 'one peer never answers: 3 voters still decide with the other', answers: [0, Infinity, 7], at: 7 },
    { why: 'two of three never answer: no majority ever', answers: [0, Infinity, Infinity], at: Infinity },
    { why: 'an empty configuration never decides', answers: [], at: Infinity },
  ];
  it.each(table)('should decide: $why', ({ answers, at }) => {
    expect(quorumTime(answers)).toBe(at);
  });

  it('should not reorder its argument', () => {
    const answers = [0, 9, 3];
    quorumTime(answers);
    expect(answers).toEqual([0, 9, 3]);
  });

  it('should be the earliest time by which a majority has answered (vs counting)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(1000), fc.constant(Infinity)), { minLength: 1, maxLength: 9 }), (answers) => {
        const n = answers.length;
        // Reference: the smallest candidate time t at which more than half have answered by t.
        const candidates = [...answers, Infinity].filter((t) => answers.filter((a) => a <= t).length * 2 > n);
        expect(quorumTime(answers)).toBe(candidates.length === 0 ? Infinity : Math.min(...candidates));
      }),
    );
  });
});
