/** Raft leadership of one etcd cluster, driven by hand: scripted draws, so every time is computed on paper. */
import { describe, expect, it } from 'vitest';
import { Simulation, type RandomStream } from '../../../src/kernel/index.js';
import { EtcdCluster } from '../../../src/model/raft/EtcdCluster.js';
import type { RaftSettings } from '../../../src/scenario/Scenario.js';

const ET = 1; // election timeout, s
// Binary fractions, so that every sum below is exact and times compare with toBe.
const FSYNC = 1 / 512; // s
const UNIT = 1 / 128; // s: the round trip between voters i and j is (i + j) units, so a wrong pair or order shows

/** Uniform draws from a list, in order; fails loudly when the model draws more than the test planned. */
function scripted(draws: readonly number[]): RandomStream & { readonly used: number } {
  let i = 0;
  return {
    name: 'scripted',
    get used() {
      return i;
    },
    next() {
      if (i >= draws.length) throw new Error(`scripted stream: draw ${i + 1} was not planned`);
      return draws[i++]!;
    },
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
  const rng = scripted(draws);
  const up = Array.from({ length: n }, () => true);
  const group = Array.from({ length: n }, () => 0);
  const rtt = (i: number, j: number) => (i + j) * UNIT;
  const changes: Change[] = [];
  const notes: string[] = [];
  let wakes = 0;
  const settings: RaftSettings = { heartbeatInterval: 0.1, electionTimeout: ET, preVote: true, rttIntraDc: 0.0005, rttInterDc: 0.05, fsync: FSYNC, ...raft };
  const cluster: EtcdCluster = new EtcdCluster(sim, rng, settings, n, { up, group, rtt, name: (i) => `etcd-${i}` }, {
    leaderChanged: (leader, term, reason) => changes.push({ at: sim.now, leader, term, reason }),
    note: (text) => notes.push(text),
    wake: () => {
      wakes++;
      sim.schedule(0, () => cluster.evaluate());
    },
  });
  /** At time `at`, applies `edit` to the view and evaluates. */
  const change = (at: number, edit: () => void) =>
    sim.at(at, () => {
      edit();
      cluster.evaluate();
    });
  return { sim, rng, up, group, cluster, changes, notes, change, wakes: () => wakes };
}

describe('EtcdCluster', () => {
  it('should start with voter 0 leading term 1 and writable once evaluated', () => {
    // Arrange
    const h = harness(3, []);
    // Before the first evaluation nothing is known of the quorum: a leader, but no commits.
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable, h.cluster.currentQuorum]).toEqual([0, 1, false, { kind: 'lost', largest: 0 }]);
    // Act
    h.cluster.evaluate();
    // Assert
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([0, 1, true]);
    expect(h.cluster.currentQuorum).toEqual({ kind: 'held', group: 0, members: 3 });
    expect(h.sim.pending).toBe(0); // nothing to elect, nobody to step down
  });

  it('should start an empty configuration with no leader, term 0 and no quorum', () => {
    const h = harness(0, []);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([-1, 0, false]);
    h.cluster.evaluate();
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([-1, 0, false]);
    expect(h.cluster.currentQuorum).toEqual({ kind: 'lost', largest: 0 });
  });

  it('should elect the first follower to time out, one vote round trip and one fsync after its timer fires', () => {
    // Arrange: the leader dies at t = 10. Followers 1 and 2 lose it then, so their timers start
    // at 10 and fire at 10 + ET (1 + u): u = 0.25 gives 11.25 for voter 1, u = 0.75 gives 11.75 for 2.
    // Voter 1 needs one vote (quorum 2 of 3, minus its own): voter 2's, a round trip of 3 units.
    // (No evaluation before the crash: the first one must find no election or step-down pending.)
    const h = harness(3, [0.25, 0.75]);
    h.change(10, () => (h.up[0] = false));
    // Act
    h.sim.run(10.5);
    const during = [h.cluster.leader, h.cluster.writable];
    h.sim.run(100);
    // Assert
    expect(during).toEqual([-1, false]);
    expect(h.changes).toEqual([
      { at: 10, leader: -1, term: 1, reason: 'etcd-0 was the leader and went down: no leader until an election' },
      { at: 11.25 + 3 * UNIT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' },
    ]);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([1, 2, true]);
    expect(h.rng.used).toBe(2);
  });

  it('should split the vote when two candidates fire within half a round trip, and redraw from the second firing', () => {
    // Arrange: voters 1 and 2 fire at 11.25 and 11.25 + 1/1024, closer than half their round
    // trip (1.5 units), so the vote splits. The next round restarts at the second firing: voter 1
    // draws 0.5 (restart + 1.5), voter 2 draws 0.125 (restart + 1.125) and wins.
    const restart = 11.25 + 1 / 1024;
    const h = harness(3, [0.25, 0.25 + 1 / 1024, 0.5, 0.125]);
    h.cluster.evaluate();
    h.change(10, () => (h.up[0] = false));
    // Act
    h.sim.run(100);
    // Assert: voter 2 wins after a round trip to voter 1 (3 units) and an fsync.
    expect(h.changes.at(-1)).toEqual({ at: restart + 1.125 + 3 * UNIT + FSYNC, leader: 2, term: 2, reason: 'etcd-2 wins the election for term 2' });
    expect(h.rng.used).toBe(4);
  });

  it('should not split the vote when the second candidate fires exactly half a round trip after the first', () => {
    // Voter 1 fires at 11.25, voter 2 at 11.25 + 1.5 units: no second round (it would draw more).
    const h = harness(3, [0.25, 0.25 + 1.5 * UNIT]);
    h.cluster.evaluate();
    h.change(10, () => (h.up[0] = false));
    h.sim.run(100);
    expect(h.changes.at(-1)).toEqual({ at: 11.25 + 3 * UNIT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' });
    expect(h.rng.used).toBe(2);
  });

  it('should give up splitting after 16 more rounds and elect the lower-numbered of two tied candidates', () => {
    // Every draw is 0.5: both candidates always fire together, so every round splits. The bound
    // stops after 16 further rounds (2 + 16 * 2 draws). Round 0 fires at 11.5, each restart adds
    // 1.5; of two equal times the lower voter comes first.
    const h = harness(3, Array.from({ length: 34 }, () => 0.5));
    h.cluster.evaluate();
    h.change(10, () => (h.up[0] = false));
    h.sim.run(100);
    expect(h.rng.used).toBe(34);
    expect(h.changes.at(-1)).toEqual({ at: 11.5 + 16 * 1.5 + 3 * UNIT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' });
  });

  it('should make a leader cut off from the quorum step down after one random election timeout (check-quorum)', () => {
    // Arrange: voters 1 and 2 die at t = 5; the leader stays up without a quorum. Its step-down
    // timer draws u = 0.25: it steps down at 5 + ET (1 + 0.25).
    const h = harness(3, [0.25]);
    h.change(5, () => {
      h.up[1] = false;
      h.up[2] = false;
    });
    // Act
    h.sim.run(6);
    const before = [h.cluster.leader, h.cluster.writable, h.cluster.currentQuorum];
    h.sim.run(100);
    // Assert
    expect(before).toEqual([0, false, { kind: 'lost', largest: 1 }]);
    expect(h.changes).toEqual([
      { at: 6.25, leader: -1, term: 1, reason: 'etcd-0 steps down: it has not heard from a quorum for an election timeout (check-quorum)' },
    ]);
    expect(h.wakes()).toBe(1); // the step-down timer asks for a re-evaluation
    expect(h.sim.pending).toBe(0); // no election without a quorum
  });

  it('should keep its leader when the quorum returns before the check-quorum timer fires', () => {
    const h = harness(3, [0.25]);
    h.cluster.evaluate();
    h.change(5, () => {
      h.up[1] = false;
      h.up[2] = false;
    });
    h.change(5.5, () => (h.up[1] = true));
    h.sim.run(100);
    expect(h.changes).toEqual([]);
    expect([h.cluster.leader, h.cluster.term, h.cluster.writable]).toEqual([0, 1, true]);
    expect(h.wakes()).toBe(0); // the step-down timer was cancelled, not fired
  });

  it('should elect a new leader on the majority side of a partition, the old one knowing it cannot commit', () => {
    // Arrange: at t = 20 the leader is cut off alone (group 1). Its step-down timer draws first
    // (0.5: 21.5); voters 1 and 2 lost it at 20 and draw 0.375 and 0.875: voter 1 fires at 21.375.
    const h = harness(3, [0.5, 0.375, 0.875]);
    h.cluster.evaluate();
    h.change(20, () => (h.group[0] = 1));
    // Act
    h.sim.run(21);
    const stillLeader = [h.cluster.leader, h.cluster.writable];
    h.sim.run(100);
    // Assert
    expect(stillLeader).toEqual([0, false]);
    expect(h.changes).toEqual([
      {
        at: 21.375 + 3 * UNIT + FSYNC,
        leader: 1,
        term: 2,
        reason: 'etcd-1 wins the election for term 2; etcd-0 still thinks it leads an older term but cannot commit',
      },
    ]); // and no check-quorum step-down: the new leader's quorum cancels the old one's timer
    expect(h.cluster.writable).toBe(true);
  });

  it.each([
    ['goes down', (h: ReturnType<typeof harness>) => (h.up[1] = false)],
    ['is cut off from the quorum', (h: ReturnType<typeof harness>) => (h.group[1] = 1)],
  ])('should not crown a winner that %s before its election completed, and draw again from mid-cycle timers', (_, lose) => {
    // Arrange: five voters; the leader dies at 10 and the timers of 1..4 start then, drawing
    // 0.25, 0.5, 0.625, 0.75 (fire at 11.25, 11.5, 11.625, 11.75). Voter 1 needs 2 more votes:
    // the second-closest of 2, 3, 4 (4 units), so it would win at t1. It dies at 11.27 < t1;
    // the quorum (2, 3, 4) remains, the election fires and finds its winner down, and a new one
    // is drawn at t1. Voters 2..4 have campaigned for more than an election timeout: each is in
    // mid-cycle, firing at t1 + ET sqrt(1 + 3u) u' (u = 0 gives a cycle of ET, u = 3/16 one of 1.25 ET).
    const t1 = 11.25 + 4 * UNIT + FSYNC;
    const h = harness(5, [0.25, 0.5, 0.625, 0.75, /* voter 2 */ 0, 0.5, /* voter 3 */ 3 / 16, 0.25, /* voter 4 */ 0, 0.75]);
    h.cluster.evaluate();
    h.change(10, () => (h.up[0] = false));
    h.change(11.27, () => lose(h));
    // Act
    h.sim.run(100);
    // Assert: voter 3 fires first (t1 + 0.3125) and needs both other live voters: 2 (5 units) and 4 (7 units).
    expect(h.changes).toEqual([
      { at: 10, leader: -1, term: 1, reason: 'etcd-0 was the leader and went down: no leader until an election' },
      { at: t1 + 1.25 * 0.25 + 7 * UNIT + FSYNC, leader: 3, term: 2, reason: 'etcd-3 wins the election for term 2' },
    ]);
    expect(h.rng.used).toBe(10);
  });

  it('should restart the election timer of a voter that comes back up', () => {
    // Voter 2 is down from 5 to 10.5; the leader dies at 10. At 10 only voter 1 is up (no quorum,
    // no election). At 10.5 voter 2 is back: its timer starts then (10.5 + 1.125 with u = 0.125),
    // voter 1's started at 10 (10 + 1.75 with u = 0.75): voter 2 fires first and wins.
    const h = harness(3, [0.75, 0.125]);
    h.cluster.evaluate();
    h.change(5, () => (h.up[2] = false));
    h.change(10, () => (h.up[0] = false));
    h.change(10.5, () => (h.up[2] = true));
    h.sim.run(100);
    expect(h.changes.at(-1)).toEqual({ at: 11.625 + 3 * UNIT + FSYNC, leader: 2, term: 2, reason: 'etcd-2 wins the election for term 2' });
    expect(h.rng.used).toBe(2);
  });

  it('should cancel a pending election when the quorum is lost, and hold a new one when it returns', () => {
    // The leader dies at 10; voter 1 would win at 11.25 + 3 units + fsync, but voter 2 dies at 11.
    // Voter 2 returns at 30: its timer starts then (draw 0.5: 31.5); voter 1 has campaigned since 10,
    // so it is mid-cycle: 30 + ET sqrt(1 + 3 * 0) * 0.25 = 30.25. Voter 1 wins.
    const h = harness(3, [0.25, 0.75, 0, 0.25, 0.5]);
    h.cluster.evaluate();
    h.change(10, () => (h.up[0] = false));
    h.change(11, () => (h.up[2] = false));
    h.change(30, () => (h.up[2] = true));
    h.sim.run(100);
    expect(h.changes).toEqual([
      { at: 10, leader: -1, term: 1, reason: 'etcd-0 was the leader and went down: no leader until an election' },
      { at: 30.25 + 3 * UNIT + FSYNC, leader: 1, term: 2, reason: 'etcd-1 wins the election for term 2' },
    ]);
    expect(h.rng.used).toBe(5);
  });

  it('should treat a timer started exactly one election timeout ago as mid-cycle', () => {
    // Voter 2 is cut off at 9 (its timer starts then) and comes back at 10, the instant the leader
    // dies; voter 1's timer starts at 10. Voter 1 draws once (u = 0.75: 11.75); voter 2, at exactly
    // one timeout since 9, is mid-cycle and draws twice (u = 0, u' = 0.5: 10 + ET * 0.5): it wins.
    const h = harness(3, [0.75, 0, 0.5]);
    h.cluster.evaluate();
    h.change(9, () => (h.group[2] = 1));
    h.change(10, () => {
      h.group[2] = 0;
      h.up[0] = false;
    });
    h.sim.run(100);
    expect(h.changes.at(-1)).toEqual({ at: 10.5 + 3 * UNIT + FSYNC, leader: 2, term: 2, reason: 'etcd-2 wins the election for term 2' });
    expect(h.rng.used).toBe(3);
  });

  describe('pre-vote', () => {
    /** Voter 2 is cut off (group 1) from t = 10 to t = 10 + away, then comes back. */
    function rejoin(preVote: boolean, away: number) {
      const h = harness(3, [0.25, 0.75, 0.5], { preVote });
      h.cluster.evaluate();
      h.change(10, () => (h.group[2] = 1));
      h.change(10 + away, () => (h.group[2] = 0));
      h.sim.run(100);
      return h;
    }

    it('should let a voter back in without disturbing the leader when pre-vote is on', () => {
      const h = rejoin(true, 5);
      expect(h.changes).toEqual([]);
      expect([h.cluster.leader, h.cluster.term]).toEqual([0, 1]);
    });

    it('should make the leader step down when a voter away longer than an election timeout rejoins without pre-vote', () => {
      // Arrange / Act: back at 15, after 5 s away (> ET): its term is higher. All timers restart at
      // 15: voters 0, 1, 2 draw 0.25, 0.75, 0.5; voter 0 fires first (16.25) and wins with the
      // closest vote, voter 1's (1 unit).
      const h = rejoin(false, 5);
      // Assert
      expect(h.changes[0]).toEqual({
        at: 15,
        leader: -1,
        term: 2,
        reason: 'etcd-2 rejoins with a higher term (pre-vote is off): etcd-0 steps down and an election follows',
      });
      expect(h.changes[1]).toEqual({ at: 16.25 + UNIT + FSYNC, leader: 0, term: 3, reason: 'etcd-0 wins the election for term 3' });
      expect(h.changes).toHaveLength(2);
    });

    it('should make the leader step down when the voter was away for exactly an election timeout', () => {
      const h = rejoin(false, ET);
      expect(h.changes[0]).toMatchObject({ at: 10 + ET, leader: -1, term: 2 });
    });

    it('should split the vote between the old leader and another candidate that fire close together', () => {
      // Back at 15 without pre-vote: every timer restarts at 15. Voter 1 fires at 16.25, voter 0
      // (now second) 1/1024 later, within half their round trip (0.5 unit): a split. Voter 2 fires
      // later (16.875) and never becomes the second. The next round restarts at 16.25 + 1/1024:
      // voters 0, 1, 2 draw 0.5, 0.125, 0.75; voter 1 wins with voter 0's vote (1 unit).
      const h = harness(3, [0.25 + 1 / 1024, 0.25, 0.875, 0.5, 0.125, 0.75], { preVote: false });
      h.cluster.evaluate();
      h.change(10, () => (h.group[2] = 1));
      h.change(15, () => (h.group[2] = 0));
      h.sim.run(100);
      expect(h.changes.at(-1)).toEqual({ at: 16.25 + 1 / 1024 + 1.125 + UNIT + FSYNC, leader: 1, term: 3, reason: 'etcd-1 wins the election for term 3' });
      expect(h.rng.used).toBe(6);
    });

    it('should not disturb the leader when the voter was away for less than an election timeout, even without pre-vote', () => {
      const h = rejoin(false, 0.5);
      expect(h.changes).toEqual([]);
      expect(h.cluster.term).toBe(1);
    });
  });
});
