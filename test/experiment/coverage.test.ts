/** Coverage of the summary's 95% CI: over 40 seeds it must hold the exact value at least 90% of the time (docs/statistics.md). */
import { describe, expect, it } from 'vitest';
import { aggregate, type CostModel } from '../../src/experiment/aggregate.js';
import { runDigests } from '../../src/experiment/runDigests.js';
import { cluster, exp, scenario } from '../model/fixtures.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const SEEDS = 40;
const noCost: CostModel = () => ({ currency: 'USD', perMonth: 0, byRole: {} });

/** P(at least floor(n/2) + 1 of n independent members up), each up a = mttf / (mttf + mttr) (docs/domain.md#k-of-n). */
function majorityUp(n: number, a: number): number {
  let p = 0;
  for (let i = Math.floor(n / 2) + 1; i <= n; i++) {
    let c = 1;
    for (let j = 1; j <= i; j++) c = (c * (n - i + j)) / j;
    p += c * a ** i * (1 - a) ** (n - i);
  }
  return p;
}

describe('the 95% CI on availability', () => {
  // Each row: members, mttf, mttr, replications × horizon (long beside the repairs, so starting
  // all up biases little), and why it is there. A few seconds in all.
  const cases: [string, number, number, number, number, number][] = [
    // About 12 quorum losses per run: the Student t interval alone held the exact value 89.8% of the time here.
    ['3 members, about 12 quorum losses a run', 3, 30 * DAY, 6 * HOUR, 20, 365 * DAY],
    // About 3 outages a run, and some runs see none: the bound takes over.
    ['1 member, about 3 outages a run', 1, 60 * DAY, 6 * HOUR, 4, 45 * DAY],
    // Plentiful outages (about 100 a run): the interval must hold without the widening mattering.
    ['3 members, about 100 quorum losses a run', 3, 10 * DAY, 6 * HOUR, 20, 365 * DAY],
  ];
  it.each(cases)('should hold the exact value in at least 90% of 40 seeds: %s', (_, members, mttf, mttr, replications, horizon) => {
    const exact = majorityUp(members, mttf / (mttf + mttr));
    let held = 0;
    const misses: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const s = scenario({
        seed,
        replications,
        horizon,
        clusters: [cluster({ etcd: { members, topology: 'external' }, loadBalancer: { enabled: false }, failures: { etcd: { mttf: exp(mttf), mttr: exp(mttr) } } })],
      });
      const { digests } = runDigests(s, Array.from({ length: replications }, (_, i) => i));
      const q = aggregate(s, digests, noCost).clusters['prod']!.signals['etcdQuorum']!;
      const ci = q.availability.ci95!;
      if (exact >= ci[0] && exact <= ci[1]) held++;
      else misses.push(`seed ${seed}: [${ci[0]}, ${ci[1]}] with ${q.trust.outages} outages`);
      // The summary's own check agrees (with no slack needed here).
      expect(q.exact?.withinCi ?? null, `seed ${seed}`).toBe(exact >= ci[0] - 1e-12 && exact <= ci[1] + 1e-12);
    }
    expect(held, `exact ${exact}; missed: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.9 * SEEDS);
  });
});
