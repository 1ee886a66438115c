/** Raft leadership of one etcd cluster, driven by hand: planned draws and tick phases, so every time is computed on paper. */
import { describe, expect, it } from 'vitest';
import { Simulation, type RandomStream } from '../../../src/kernel/index.js';
import { EtcdCluster } from '../../../src/model/raft/EtcdCluster.js';
import type { RaftSettings } from '../../../src/scenario/Scenario.js';

// Binary fractions, so that sums are exact: a heartbeat tick of 1/8 s and an election timeout of
// 10 ticks (E = 10; randomized timeouts of 10..19 ticks).
const H = 1 / 8;
const ET = 10 * H;
const FSYNC = 1 / 512;
const RTT = 1 / 256; // between any two voters

/**
 * Draws in the order the model asks: one tick phase per voter (as a fraction of H), the bootstrap
 * leader's check-quorum offset, then randomized timeouts (u gives 10 + floor(10u) ticks) and the
 * phases of restarted voters. After the plan, 0.99 (a 19-tick timeout: late) so that unplanned
 * draws cannot win a race by accident.
 */
function planned(draws: readonly number[]): RandomStream & { readonly used: number } {
  let i = 0;
  return {
    name: 'planned',
    get used() {
      return i;
    },
    next: () => (i < draws.length ? draws[i++]! : (i++, 0.99)),
  };
}

interface Change {
  readonly at: number;
  readonly leader: number;
  readonly term: number;
  readonly reason: string;
}

/** A cluster of `n` voters with a view the test edits; wake() re-evaluates at the same instant, as the model does. */
function harness(n: number, draws: readonly number[], raft: Partial<RaftSettings> = {}) {
  const sim = new Simulation();
  const rng = planned(draws);
  const up = Array.from({ length: n }, () => true);
  const group = Array.from({ length: n }, () => 0);
  const frozen = Array.from({ length: n }, () => 0);
  const resumesAt = Array.from({ length: n }, () => NaN);
  const changes: Change[] = [];
  const notes: { at: number; text: string }[] = [];
  const settings: RaftSettings = { heartbeatInterval: H, electionTimeout: ET, preVote: true, rttIntraDc: RTT, rttInterDc: RTT, fsync: FSYNC, ...raft };
  const cluster: EtcdCluster = new EtcdCluster(sim, rng, settings, n, { up, frozen, resumesAt, group, rtt: () => RTT, name: (i) => `etcd-${i}` }, {
    leaderChanged: (leader, term, reason) => changes.push({ at: sim.now, leader, term, reason }),
    note: (text) => notes.push({ at: sim.now, text }),
    wake: () => sim.schedule(0, () => cluster.evaluate()),
  });
  cluster.evaluate();
  /** At time `at`, applies `edit` to the view and evaluates. */
  const change = (at: number, edit: () => void) =>
    sim.at(at, () => {
      edit();
      cluster.evaluate();
    });
  return { sim, rng, up, frozen, resumesAt, group, cluster, changes, notes, change };
}

/** u for a randomized timeout of `ticks` (10..19). */
const timeout = (ticks: number) => (ticks - 10) / 10 + 0.01;
/** The k-th tick after t for a voter of phase fraction p, when t is a multiple of H. */
const tick = (t: number, p: number, k: number) => t + p * H + (k - 1) * H + (p === 0 ? H : 0);

describe('EtcdCluster', () => {
  it('should start with voter 0 leading term 1, writable once evaluated, with nothing pending', () => {
    const h = harness(3, []);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([0, 1, true]);
    expect(h.cluster.currentQuorum).toEqual({ kind: 'held', group: 0, members: 3 });
    expect(h.sim.pending).toBe(0);
    expect(h.rng.used).toBe(4); // three phases and the leader's check-quorum offset
  });

  it('should start an empty configuration with no leader, term 0 and no quorum', () => {
    const h = harness(0, []);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([-1, 0, false]);
    expect(h.cluster.currentQuorum).toEqual({ kind: 'lost', largest: 0 });
  });

  it('should elect the first follower to reach its timeout: pre-vote and vote each a round trip, two fsyncs', () => {
    // Phases: voter 1 at 1/4 tick, voter 2 at 1/2. The leader dies at 10; voter 1 draws 12 ticks,
    // voter 2 draws 15. Voter 1 campaigns at its 12th tick after 10: 10 + 1/4 H + 11 H.
    const h = harness(3, [0, 0.25, 0.5, 0, timeout(12), timeout(15)]);
    h.change(10, () => (h.up[0] = false));
    h.sim.run(100);
    const fire = tick(10, 0.25, 12);
    expect(h.changes).toEqual([
      { at: 10, leader: -1, term: 1, reason: 'etcd-0 was the leader and went down: no leader until an election' },
      // Pre-vote: a round trip. Vote: fsync, half a round trip, the voter's fsync, half back.
      { at: fire + RTT + FSYNC + RTT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' },
    ]);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([1, 2, true]);
  });

  it('should skip the pre-vote round trip when pre-vote is off', () => {
    const h = harness(3, [0, 0.25, 0.5, 0, timeout(12), timeout(15)], { preVote: false });
    h.change(10, () => (h.up[0] = false));
    h.sim.run(100);
    expect(h.changes.at(-1)).toMatchObject({ at: tick(10, 0.25, 12) + FSYNC + RTT + FSYNC, leader: 1, term: 2 });
  });

  it('should count the timeout in heartbeat ticks: a longer heartbeat means fewer, longer ticks', () => {
    // heartbeat 1/4 s, election timeout 5/4 s: E = 5 ticks; u = 0.99 gives 9 ticks (2E - 1).
    const h = harness(3, [0, 0, 0.5, 0, 0.99, 0.99], { heartbeatInterval: 0.25, electionTimeout: 1.25 });
    h.change(10, () => (h.up[0] = false));
    h.sim.run(100);
    // Voter 2 (phase 1/8 s) campaigns at its 9th tick after 10: 10 + 1/8 + 8/4 = 12.125 s, before
    // voter 1's 9th (12.25 s); voter 1 left its lease at its 5th tick.
    expect(h.changes.at(-1)).toMatchObject({ leader: 2, term: 2, at: 12.125 + RTT + FSYNC + RTT + FSYNC });
  });

  describe('check-quorum leases', () => {
    it('should refuse an early candidate whose peer still heard the leader, then split the vote and elect in a second round (pre-vote off)', () => {
      // Both draw 10 ticks; voter 1's ticker runs 1/4 tick ahead of voter 2's. Voter 1 campaigns
      // for term 2 at its 10th tick; voter 2's counter is at 9 then: in lease, it ignores the request.
      // Voter 2 then campaigns for term 2 itself; voter 1 already voted for itself: refused. Each
      // waits a new timeout: voter 1 draws 13 ticks (from its campaign), voter 2 draws 17, so voter 1
      // campaigns for term 3 and voter 2, a candidate with no leader, grants it.
      const h = harness(3, [0, 0.25, 0.5, 0, timeout(10), timeout(10), timeout(13), timeout(17)], { preVote: false });
      h.change(10, () => (h.up[0] = false));
      h.sim.run(100);
      const first = tick(10, 0.25, 10);
      const second = first + 13 * H;
      expect(h.changes.at(-1)).toMatchObject({ leader: 1, term: 3 });
      expect(h.changes.at(-1)!.at).toBeCloseTo(second + FSYNC + RTT + FSYNC, 12);
      expect(h.changes.at(-1)!.at - 10).toBeGreaterThan(2); // the tail a single round cannot give
    });

    it('should let the second candidate win at once when pre-vote is on (a refused pre-vote raises no term)', () => {
      // Same phases and timeouts: voter 1's pre-vote is ignored (voter 2 in lease); voter 2 campaigns
      // at its 10th tick, and voter 1, a pre-candidate with no leader, grants its pre-vote and vote.
      const h = harness(3, [0, 0.25, 0.5, 0, timeout(10), timeout(10)]);
      h.change(10, () => (h.up[0] = false));
      h.sim.run(100);
      expect(h.changes.at(-1)).toMatchObject({ leader: 2, term: 2 });
      expect(h.changes.at(-1)!.at).toBeCloseTo(tick(10, 0.5, 10) + RTT + FSYNC + RTT + FSYNC, 12);
    });

    it('should grant the early candidate when the peer left its lease first (its 10th tick came earlier)', () => {
      // Voter 2's ticker now runs ahead: by voter 1's 10th tick voter 2 counted 10 ticks too, so it is
      // out of lease but has not reached its own 14-tick timeout: it grants.
      const h = harness(3, [0, 0.5, 0.25, 0, timeout(10), timeout(14)], { preVote: false });
      h.change(10, () => (h.up[0] = false));
      h.sim.run(100);
      expect(h.changes.at(-1)).toMatchObject({ leader: 1, term: 2, at: tick(10, 0.5, 10) + FSYNC + RTT + FSYNC });
    });

    it('should make a leader cut off from the quorum step down at the end of its first whole window without one', () => {
      // Leader 0: phase 0, check-quorum windows of 10 ticks from its offset (-0.5 of a window, so
      // window ends at 5/8, 15/8, ... s). Cut off at 10 (window ending 10 + 5/8 still saw the
      // quorum): it steps down at 10 + 5/8 + 10 H.
      const h = harness(3, [0, 0.5, 0.5, 0.5]);
      h.change(10, () => (h.group[0] = 1));
      h.sim.run(100);
      // Nobody else leads yet (the others draw 19 ticks): the step-down is a leader change.
      expect(h.changes[0]).toEqual({ at: 10 + 5 / 8 + ET, leader: -1, term: 1, reason: 'etcd-0 steps down: it did not hear from a quorum for a whole election timeout (check-quorum)' });
      expect(h.notes[0]!.text).toMatch(/^writes sent to etcd-0 or through its followers wait for etcd's request timeout \(7\.5 s\)/);
    });

    it('should keep its leader when the quorum returns before the end of the window', () => {
      const h = harness(3, [0, 0.5, 0.5, 0.5]);
      h.change(10, () => (h.group[0] = 1));
      h.change(10.5, () => (h.group[0] = 0));
      h.sim.run(100);
      expect(h.changes).toEqual([]);
      expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([0, 1, true]);
    });
  });

  describe('partitions', () => {
    it('should elect on the majority side while the old leader leads on, stale; on healing it hears the newer term and steps down', () => {
      const h = harness(3, [0, 0.25, 0.5, 0.99, timeout(11), timeout(16)]);
      h.change(10, () => (h.group[0] = 1));
      h.change(30, () => (h.group[0] = 0));
      h.sim.run(100);
      const won = h.changes.find((c) => c.leader === 1)!;
      expect(won.reason).toMatch(/^etcd-1 wins the election for term 2(; etcd-0 still thinks it leads term 1 but cannot commit)?$/);
      expect(h.cluster.leader).toBe(1);
      expect(h.cluster.term).toBe(2);
      expect([...h.notes.map((n) => n.text), ...h.changes.map((c) => c.reason)]).toContain(
        'etcd-0 steps down: it did not hear from a quorum for a whole election timeout (check-quorum)',
      );
    });

    it('should make a stale leader that rejoins step down on hearing the newer term, without a second election', () => {
      // Voter 1 (11 ticks) wins term 2 at about 11.3 s; the old leader's check-quorum windows end at
      // 11.25 and 12.5 (offset 0.99), so it still leads, stale, when the partition heals at 12.
      const h = harness(3, [0, 0.25, 0.5, 0.99, timeout(11), timeout(16)]);
      h.change(10, () => (h.group[0] = 1));
      h.change(12, () => (h.group[0] = 0));
      h.sim.run(100);
      expect(h.notes.map((n) => n.text)).toContain("etcd-0 still led term 1 and hears of etcd-1's term 2: it steps down");
      expect(h.cluster.leader).toBe(1);
      expect(h.changes.filter((c) => c.leader >= 0)).toHaveLength(1);
    });
  });

  describe('a follower cut off for 1.5 s (12 ticks)', () => {
    const cut = (preVote: boolean, ticks: number) => {
      const h = harness(3, [0, 0, 0.5, 0, timeout(ticks)], { preVote });
      h.change(10, () => (h.group[2] = 1));
      h.change(11.5, () => (h.group[2] = 0));
      h.sim.run(100);
      return h;
    };

    it('should disrupt the leader without pre-vote when its timer fired while cut off (12 ticks: at 11.4375)', () => {
      const h = cut(false, 12);
      expect(h.changes[0]).toEqual({
        at: 11.5,
        leader: -1,
        term: 2,
        reason:
          "etcd-0 hears of etcd-2's term 2, higher than its own term 1 (pre-vote is off: a member that campaigns where it cannot win still raises its term): etcd-0 steps down and an election follows",
      });
      expect(h.changes.at(-1)!.leader).toBeGreaterThanOrEqual(0);
      expect(h.cluster.writable).toBe(true);
    });

    it('should not disrupt the leader without pre-vote when its timer had not fired (13 ticks: at 11.5625)', () => {
      const h = cut(false, 13);
      expect(h.changes).toEqual([]);
      expect(h.cluster.term).toBe(1);
    });

    it('should not disrupt the leader with pre-vote, and say so', () => {
      const h = cut(true, 12);
      expect(h.changes).toEqual([]);
      expect(h.notes.map((n) => n.text)).toEqual(['etcd-2 rejoins etcd-0: pre-vote kept its term at 1 while it was cut off, so the leader stays']);
    });
  });

  describe('a frozen leader (its process paused)', () => {
    /** Pauses voter 0 (the leader) at 10 for `seconds`; the view tells when it resumes unless `told` is false. */
    const pause = (seconds: number, told = true) => {
      const h = harness(3, [0, 0.25, 0.5, 0.5, timeout(11), timeout(16)], { preVote: false });
      const set = (on: boolean) => () => {
        h.up[0] = !on;
        h.frozen[0] = on ? 1 : 0;
        h.resumesAt[0] = on && told ? 10 + seconds : NaN;
      };
      h.change(10, set(true));
      h.change(10 + seconds, set(false));
      h.sim.run(100);
      return h;
    };
    const timers = "the followers' election timeout (1.25s to 2.38s)";

    it('should elect another leader, and on resuming step down on hearing the newer term without disrupting anyone', () => {
      // Paused for 5 s it counts no ticks, so it neither steps down nor campaigns: its term is
      // still 1 when it resumes (a partitioned leader without pre-vote would have campaigned).
      const h = pause(5);
      expect(h.changes.map((c) => [c.at, c.leader, c.term])).toEqual([
        [10, -1, 1],
        [tick(10, 0.25, 11) + FSYNC + RTT + FSYNC, 1, 2],
      ]);
      expect(h.changes[0]!.reason).toBe(`etcd-0 led term 1 when it paused; the pause outlasts ${timers}: no leader until an election`);
      expect(h.notes.map((n) => n.text)).toEqual([
        "writes sent until a new leader is elected wait for etcd's request timeout (7.5 s) and then fail",
        "etcd-0 still led term 1 and hears of etcd-1's term 2: it steps down",
      ]);
    });

    it('should lead on after a pause shorter than the election timeout, narrated as a wait, not as an election with failing writes', () => {
      const h = pause(0.5);
      expect(h.changes).toEqual([
        {
          at: 10,
          leader: -1,
          term: 1,
          reason: `etcd-0 led term 1 when it paused; the pause is shorter than ${timers}, so no follower campaigns: writes wait until it resumes and then commit`,
        },
        { at: 10.5, leader: 0, term: 1, reason: 'etcd-0 resumes and still leads term 1' },
      ]);
      expect(h.notes).toEqual([]);
      expect(h.cluster.writable).toBe(true);
    });

    it('should say either may happen when the pause falls between the shortest and the longest election timeout', () => {
      const h = pause(1.5);
      expect(h.changes[0]!.reason).toBe(`etcd-0 led term 1 when it paused; the pause may outlast ${timers}: writes wait until it resumes or a follower wins an election`);
      expect(h.notes[0]!.text).toBe("writes sent meanwhile wait for etcd-0 to resume, or, if a new leader is elected first, for etcd's request timeout (7.5 s) and then fail");
    });

    it('should name both outcomes when the length of the pause is not known', () => {
      const h = pause(0.5, false);
      expect(h.changes[0]!.reason).toBe(`etcd-0 led term 1 when it paused: writes wait until it resumes or, if the pause outlasts ${timers}, a new leader is elected`);
    });
  });

  describe('restarts and quorum loss', () => {
    it('should campaign E - 2 ticks early after a restart that finds two peers (etcd initial-election-tick-advance)', () => {
      // Two of three die at 10 and return at 20. The survivor (voter 0, the leader) steps down by
      // check-quorum at 11.875 and draws 19 ticks; its pre-votes fail in vain every 19 ticks (the
      // next at 21.375). The returning voters draw a phase and a timeout each: voter 1, phase 1/4 and
      // 10 ticks, advanced by 8, campaigns at its 2nd tick after 20. The survivor refuses (its log
      // has entries after 10 that never committed); voter 2's vote makes the quorum.
      const h = harness(3, [0, 0, 0, 0.5, timeout(19), 0.25, timeout(10), 0.75, timeout(19)]);
      h.change(10, () => {
        h.up[1] = false;
        h.up[2] = false;
      });
      h.change(20, () => {
        h.up[1] = true;
        h.up[2] = true;
      });
      h.sim.run(100);
      expect(h.changes).toEqual([
        { at: 11.875, leader: -1, term: 1, reason: 'etcd-0 steps down: it did not hear from a quorum for a whole election timeout (check-quorum)' },
        { at: tick(20, 0.25, 2) + RTT + FSYNC + RTT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' },
      ]);
    });
  });
});
