/** etcd learners replicate but never vote (etcd "Learner design"): quorum is a majority of the voters alone. */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Fault } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from './fixtures.js';

const crash = (target: string): Fault => ({ kind: 'crash', at: 600, target, duration: 600 });

/** Seconds each signal of prod is down over an hour in which `targets` are down from 600 s to 1200 s. */
function downtimes(topology: 'stacked' | 'external', targets: readonly string[]): Record<string, number> {
  // 3 voters (etcd-1..etcd-3) and 2 learners (etcd-4, etcd-5); stacked needs a node for each.
  const c = cluster({ controlPlane: { nodes: topology === 'stacked' ? 5 : 2 }, etcd: { members: 3, learners: 2, topology } });
  const s = scenario({ horizon: 3600, clusters: [c], faults: targets.map(crash) });
  const r = runReplication(s, buildTopology(s), 0);
  return Object.fromEntries(r.signals.filter((x) => x.cluster === 'prod').map((x) => [x.signal, x.stats.downTime]));
}

describe('learners in the model', () => {
  // Which members are down for 600 s, and whether quorum (2 of the 3 voters) must survive; why on each row.
  const cases: ['stacked' | 'external', string[], boolean, string][] = [
    // 1 of 3 voters down (not the leader, etcd-1): 2 of 3 voters remain.
    ['external', ['prod/etcd-2'], true, 'one voter down'],
    // 2 of 3 voters down: 1 of 3 is no majority, though 3 of the 5 members are up (the learners).
    ['external', ['prod/etcd-2', 'prod/etcd-3'], false, 'two voters down, both learners up'],
    ['stacked', ['prod/etcd-2', 'prod/etcd-3'], false, 'two voters down, both learners up'],
    // Both learners and one voter down: 3 of 5 members down, yet 2 of 3 voters remain.
    ['external', ['prod/etcd-3', 'prod/etcd-4', 'prod/etcd-5'], true, 'both learners and one voter down'],
    ['stacked', ['prod/etcd-3', 'prod/etcd-4', 'prod/etcd-5'], true, 'both learners and one voter down'],
  ];
  it.each(cases)('should decide quorum on the voters alone (%s, down: %j, held: %s, %s)', (topology, targets, held) => {
    const down = downtimes(topology, targets);
    if (held) {
      // The leader (etcd-1) stays up and reaches a majority of voters: nothing is ever down.
      expect(down.etcdQuorum).toBe(0);
      expect(down.apiWrite).toBe(0);
    } else {
      // Quorum is lost for exactly the 600 s; writes for that and the election after it.
      expect(down.etcdQuorum).toBe(600);
      expect(down.apiWrite).toBeGreaterThanOrEqual(600);
      expect(down.apiWrite).toBeLessThan(600 + 2 * 1 + 0.01);
    }
  });
});
