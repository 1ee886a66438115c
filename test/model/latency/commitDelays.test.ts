import { describe, expect, it } from 'vitest';
import { commitDelays } from '../../../src/model/latency/index.js';

const t = { rttIntraDc: 0.001, rttInterDc: 0.05, fsync: 0.002 };

describe('commitDelays', () => {
  const cases: { dcs: number[]; want: number[]; why: string }[] = [
    { dcs: [0], want: [0.002], why: 'a lone member only waits for its own fsync' },
    { dcs: [0, 0, 0], want: [0.003, 0.003, 0.003], why: 'one datacenter: one local round trip and an fsync' },
    { dcs: [0, 1, 2], want: [0.052, 0.052, 0.052], why: 'three datacenters: the one follower needed is always remote' },
    { dcs: [0, 1, 0], want: [0.003, 0.052, 0.003], why: 'two datacenters: the leader alone in dc 1 must reach across' },
    { dcs: [0, 1, 2, 0, 1], want: [0.052, 0.052, 0.052, 0.052, 0.052], why: 'five over three: the 2nd closest follower is remote for every leader' },
    { dcs: [0, 0, 0, 1, 1], want: [0.003, 0.003, 0.003, 0.052, 0.052], why: 'a 3+2 split: the majority side commits locally' },
    { dcs: [0, 1], want: [0.052, 0.052], why: 'two members: both must hold the entry' },
  ];
  for (const c of cases) {
    it(`should wait for the quorum's last follower: ${c.why}`, () => {
      commitDelays(c.dcs, t).forEach((d, i) => expect(d).toBeCloseTo(c.want[i]!, 12));
    });
  }

  it('should let a slow leader fsync dominate a fast network', () => {
    expect(commitDelays([0, 0, 0], { rttIntraDc: 0, rttInterDc: 0, fsync: 0.01 })).toEqual([0.01, 0.01, 0.01]);
  });
});
