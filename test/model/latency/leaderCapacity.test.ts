import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPACITY_ASSUMPTIONS, leaderCapacity, leaderWorkPerWrite } from '../../../src/model/latency/index.js';

describe('leaderCapacity', () => {
  it('should give the etcd v3.5 benchmark figure for 3 members, divided by the cost of a Kubernetes write', () => {
    expect(leaderWorkPerWrite(2)).toBe(1);
    expect(leaderCapacity(3)).toBeCloseTo(44_341 / 10, 9);
  });

  const cases: { members: number; learners: number; work: number; why: string }[] = [
    { members: 1, learners: 0, work: 0.5, why: 'a lone member sends no copies: half the work of the benchmark leader' },
    { members: 3, learners: 0, work: 1, why: 'the benchmark itself' },
    { members: 5, learners: 0, work: 1.5, why: 'two more followers, half a benchmark write more' },
    { members: 3, learners: 1, work: 1.25, why: 'a learner is one more copy to send, though it never votes' },
    { members: 9, learners: 0, work: 2.5, why: 'eight followers' },
  ];
  for (const c of cases) {
    it(`should weigh the leader's work: ${c.why}`, () => {
      expect(leaderWorkPerWrite(c.members - 1 + c.learners)).toBeCloseTo(c.work, 12);
    });
  }

  it('should never grow with members or learners, whatever the assumptions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (n, learners, followerShare, kubernetesWriteCost) => {
          const a = { ...CAPACITY_ASSUMPTIONS, followerShare, kubernetesWriteCost };
          expect(leaderCapacity(n + 1, learners, a)).toBeLessThanOrEqual(leaderCapacity(n, learners, a));
          expect(leaderCapacity(n, learners + 1, a)).toBeLessThanOrEqual(leaderCapacity(n, learners, a));
        },
      ),
    );
  });
});
