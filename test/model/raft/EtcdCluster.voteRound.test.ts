/** Election timing of EtcdCluster on a hand-checked timeline: the winner waits for the answers of the nearest quorum, not the farthest voter. */
import { describe, expect, it } from 'vitest';
import { Simulation, type RandomStream } from '../../../src/kernel/index.js';
import { EtcdCluster, type VoterView } from '../../../src/model/raft/EtcdCluster.js';
import { RAFT_DEFAULTS } from '../../../src/scenario/defaults.js';

// Round trips between five voters in five sites, in ms (symmetric; etcd-1 is the first leader).
// Rows 2-5 are deliberately not sorted by distance.
const RTT_MS = [
  [0, 20, 20, 20, 20],
  [20, 0, 30, 10, 90],
  [20, 30, 0, 50, 70],
  [20, 10, 50, 0, 60],
  [20, 90, 70, 60, 0],
];

/**
 * A random stream that returns the given numbers in order: five tick phases (all 0 here), the
 * leader's check-quorum offset, then the followers' randomized timeouts when the leader dies.
 * Later draws (timers reset by the election itself) get 0.99: the longest timeout, never racing.
 */
function scripted(values: readonly number[]): RandomStream {
  let i = 0;
  return { name: 'scripted', next: () => (i < values.length ? values[i++]! : 0.99) };
}

/** Voter 0 (the leader) goes down at 10 s; returns when and whom the next election made leader. */
function electionAfterLeaderLoss(draws: readonly number[]): { t: number; leader: number; term: number }[] {
  const sim = new Simulation();
  const up = [true, true, true, true, true];
  const view: VoterView = { up, frozen: [0, 0, 0, 0, 0], group: [0, 0, 0, 0, 0], rtt: (i, j) => RTT_MS[i]![j]! / 1000, name: (i) => `prod/etcd-${i + 1}` };
  const raft = { ...RAFT_DEFAULTS, electionTimeout: 1, fsync: 0.002, preVote: true };
  const seen: { t: number; leader: number; term: number }[] = [];
  const etcd = new EtcdCluster(sim, scripted([0, 0, 0, 0, 0, 0, ...draws]), raft, 5, view, {
    leaderChanged: (leader, term) => seen.push({ t: sim.now, leader, term }),
    note: () => {},
    wake: () => etcd.evaluate(),
  });
  etcd.evaluate();
  sim.at(10, () => {
    up[0] = false;
    etcd.evaluate();
  });
  sim.run(100);
  return seen;
}

describe('EtcdCluster elections', () => {
  // The leader is lost at 10 s; with tick phase 0 and 100 ms ticks, voter i campaigns at its
  // timeout's tick: 10 + ticks / 10 s, where a draw u gives 10 + floor(10 u) ticks (voters 1, 2,
  // 3, 4 draw in order). Pre-vote is on, so the winner waits for two rounds of answers, each
  // from quorum - 1 = 2 others: the round trip to its 2nd closest live voter; the real vote adds
  // an fsync by the candidate before it asks and one by each voter before it answers. Why each row:
  const cases: [string, number[], number, number][] = [
    // Voter 1 campaigns first at 11.1 s (11 ticks); its others are 30, 10, 90 ms away: sorted
    // 10, 30, 90, so the 2nd closest is 30 ms: 11.1 + 0.030 + (0.002 + 0.030 + 0.002) = 11.164 s
    // (waiting for the farthest, 90 ms, would give 11.284 s; for the closest alone, 11.124 s).
    ['voter 1 first', [0.1, 0.9, 0.8, 0.7], 1, 11.164],
    // Voter 2 campaigns first at 11.2 s; its others are 30, 50, 70 ms away: the 2nd closest is
    // 50 ms: 11.2 + 0.050 + 0.054 = 11.304 s (farthest: 11.344 s).
    ['voter 2 first', [0.9, 0.2, 0.8, 0.7], 2, 11.304],
  ];
  it.each(cases)('should complete the election (%s) after the round trip to the nearest quorum', (_, draws, winner, at) => {
    const seen = electionAfterLeaderLoss(draws);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ t: 10, leader: -1, term: 1 });
    expect(seen[1]!.leader).toBe(winner);
    expect(seen[1]!.term).toBe(2);
    expect(seen[1]!.t).toBeCloseTo(at, 9);
  });
});
