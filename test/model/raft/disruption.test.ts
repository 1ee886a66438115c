/** Whether a follower cut off for a while disrupts the leader on its return: the share Raft's tick rules predict, end to end. */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/model/Replication.js';
import { buildTopology } from '../../../src/model/Topology.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';
import { cluster, scenario } from '../fixtures.js';

const REPLICATIONS = 1500;

/**
 * Raft's expectation, from etcd-io/raft's rules alone (not the model): the follower's counter
 * starts when it is cut off and reaches its timeout R (uniform on E..2E-1 ticks) at its R-th
 * tick, the first tick coming uniformly within one interval. Without pre-vote it raises its term
 * when that happens before the cut ends, and its return then makes the leader step down.
 */
function expectedDisruption(cutSeconds: number, heartbeat: number, electionTimeout: number): number {
  const e = Math.floor(electionTimeout / heartbeat + 1e-9);
  let p = 0;
  for (let r = e; r <= 2 * e - 1; r++) {
    // Fires at (r - 1 + U) * heartbeat after the cut, U uniform on (0, 1].
    const u = cutSeconds / heartbeat - (r - 1);
    p += Math.min(1, Math.max(0, u)) / e;
  }
  return p;
}

/** The share of replications in which the leader changed: one follower (etcd-3) cut off at 60 s. */
function disruptedShare(preVote: boolean, cutSeconds: number): number {
  const s: Scenario = scenario({
    horizon: 120,
    clusters: [cluster({ controlPlane: { nodes: 3 }, etcd: { members: 3, topology: 'external' } })],
    raft: { preVote },
    faults: [{ kind: 'partition', at: 60, groups: [['prod/etcd-3']], duration: cutSeconds }],
  });
  const t = buildTopology(s);
  let disrupted = 0;
  for (let rep = 0; rep < REPLICATIONS; rep++) {
    const r = runReplication(s, t, rep, { trace: true });
    if (r.trace!.events.some((e) => e.kind === 'leader' && e.t > 0)) disrupted++;
  }
  return disrupted / REPLICATIONS;
}

describe('a follower cut off from a 3-member cluster (etcd defaults: 100 ms ticks, 1 s election timeout)', () => {
  it('should expect 30% for a 1.2 s cut from the tick rules (timeouts of 10, 11 and 12 ticks fire within it)', () => {
    expect(expectedDisruption(1.2, 0.1, 1)).toBeCloseTo(0.3, 12);
    expect(expectedDisruption(0.5, 0.1, 1)).toBe(0);
    expect(expectedDisruption(2.5, 0.1, 1)).toBeCloseTo(1, 12);
  });

  it.each([1.2, 1.45])('should disrupt the leader without pre-vote as often as Raft predicts, cut for %s s', (cut) => {
    const expected = expectedDisruption(cut, 0.1, 1);
    const share = disruptedShare(false, cut);
    // Binomial sampling error at 1,500 replications is under 1.3 points (one standard deviation).
    expect(Math.abs(share - expected)).toBeLessThan(0.04);
  });

  it('should never disrupt the leader with pre-vote', () => {
    expect(disruptedShare(true, 1.45)).toBe(0);
  });
});
