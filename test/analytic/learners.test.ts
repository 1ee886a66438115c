/** The analytic engine counts only voters toward quorum: learners (etcd "Learner design") never vote. */
import { describe, expect, it } from 'vitest';
import { analyzeScenario, type Route } from '../../src/analytic/index.js';
import { cluster, clusterAnswer, fails, HOUR, scenario } from './fixtures.js';

describe('learners in the analytic answer', () => {
  // Each etcd member: mttf 99 h, mttr 1 h, so a = 99 / 100 = 0.99 (external, one member a host).
  // Quorum of 3 voters, 2 of 3 up: 3a² − 2a³ = 3 × 0.9801 − 2 × 0.970299 = 0.999702, i.e. down
  // (1 − a)²(1 + 2a) = 0.0001 × 2.98 = 0.000298. (Counting 2 learners as voters, 3 of 5, would
  // give down 10a²(1 − a)³ + 5a(1 − a)⁴ + (1 − a)⁵ = 0.00000985, 30 times less.)
  const cases: [number, Route][] = [
    [1, 'auto'],
    [2, 'auto'],
    [2, 'enumeration'],
  ];
  it.each(cases)('should give quorum 3a² − 2a³ on the 3 voters with %i learner(s), route %s', (learners, route) => {
    const s = scenario({
      failures: { etcd: fails(99 * HOUR, 1 * HOUR) },
      clusters: [cluster({ controlPlane: { nodes: 2 }, etcd: { members: 3, learners, topology: 'external' } })],
    });
    const q = clusterAnswer(analyzeScenario(s, { route })).signals.etcdQuorum;
    expect(q.availability).toBeCloseTo(0.999702, 12);
    expect(q.unavailability / 0.000298).toBeCloseTo(1, 10);
    expect(q).toMatchObject({ voters: 3, quorumSize: 2, failuresTolerated: 1 });
  });
});
