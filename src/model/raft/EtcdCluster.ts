/** Raft leadership of one etcd cluster over time: elections, check-quorum step-downs and pre-vote. */
import type { RandomStream, Simulation, SimTime } from '../../kernel/index.js';
import type { RaftSettings } from '../../scenario/Scenario.js';
import { findQuorum, quorumTime, type Quorum } from '../../quorum/index.js';

/** What the cluster tells its observers when leadership changes. */
export interface RaftListener {
  leaderChanged(leader: number, term: number, reason: string): void;
  /** Something worth narrating that does not change the leader (a stale leader stepping down). */
  note(text: string): void;
  /** Ask for a re-evaluation at the current time (after a timer of this cluster fired). */
  wake(): void;
}

/** Where the voters are, as the rest of the model sees them right now. */
export interface VoterView {
  readonly up: ArrayLike<boolean>;
  readonly group: ArrayLike<number>;
  /** Round trip between voters i and j, in seconds. */
  rtt(i: number, j: number): SimTime;
  name(i: number): string;
}

/**
 * The model of Raft as etcd runs it (etcd-io/raft; timings from etcd's "Tuning" docs):
 * - A leader commits only while it reaches a quorum of live voters (its `writable` flag).
 * - Each follower keeps an election timer, reset by the leader's heartbeats, that fires after a
 *   random time in [electionTimeout, 2 * electionTimeout). Once a quorum of voters can reach
 *   each other and none of them hears a leader, the first timer to fire wins the election after
 *   one vote round trip (to the quorum-th closest voter) and a disk sync. Two candidates firing
 *   within half a round trip of each other split the vote, and a new round follows.
 * - Check-quorum: a leader cut off from a quorum steps down after [1, 2) election timeouts.
 * - Pre-vote (etcd >= 3.5 default): a voter that rejoins does not disturb a working leader.
 *   Without it, a voter that was cut off for longer than an election timeout has raised its
 *   term, and its return forces the leader to step down and a new election.
 * Terms only grow and each term has at most one leader (the election that starts it).
 */
export class EtcdCluster {
  leader = -1;
  term = 0;
  private readonly n: number;
  private readonly timerOrigin: Float64Array;
  private readonly contact: Uint8Array;
  private readonly wasUp: Uint8Array;
  private pendingElection = -1;
  private pendingWinner = -1;
  private stepDownEvent = -1;
  private quorum: Quorum = { kind: 'lost', largest: 0 };
  private readonly fireElection: () => void;
  private readonly fireStepDown: () => void;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: RandomStream,
    private readonly raft: RaftSettings,
    voters: number,
    private readonly view: VoterView,
    private readonly listener: RaftListener,
  ) {
    this.n = voters;
    this.timerOrigin = new Float64Array(voters);
    this.contact = new Uint8Array(voters);
    this.wasUp = new Uint8Array(voters).fill(1);
    // Bootstrap: the cluster starts healthy with voter 0 leading term 1 (a convention that makes
    // scripted timelines easy to follow; random failures start later anyway).
    if (voters > 0) {
      this.leader = 0;
      this.term = 1;
      this.contact.fill(1);
    }
    this.fireElection = () => {
      this.pendingElection = -1;
      this.completeElection();
      this.listener.wake();
    };
    this.fireStepDown = () => {
      this.stepDownEvent = -1;
      if (this.leader >= 0 && !this.writable) {
        const who = this.view.name(this.leader);
        this.leader = -1;
        this.listener.leaderChanged(-1, this.term, `${who} steps down: it has not heard from a quorum for an election timeout (check-quorum)`);
      }
      this.listener.wake();
    };
  }

  /** The quorum as of the last evaluation. */
  get currentQuorum(): Quorum {
    return this.quorum;
  }

  /** Whether a leader exists that reaches a quorum: writes can commit. */
  get writable(): boolean {
    const q = this.quorum;
    return this.leader >= 0 && q.kind === 'held' && this.view.up[this.leader] === true && this.view.group[this.leader] === q.group;
  }

  /** Re-reads who is up and who reaches whom, and moves leadership on. Call after every change. */
  evaluate(): void {
    const now = this.sim.now;
    const { up, group } = this.view;
    this.quorum = findQuorum(up, group);
    if (this.leader >= 0 && !up[this.leader]) {
      const who = this.view.name(this.leader);
      this.leader = -1;
      this.listener.leaderChanged(-1, this.term, `${who} was the leader and went down: no leader until an election`);
    }
    // Who hears the leader; who lost or regained it. Restarts reset the election timer.
    const lg = this.leader >= 0 ? group[this.leader] : -1;
    let disrupted = -1;
    for (let i = 0; i < this.n; i++) {
      if (!up[i]) {
        this.wasUp[i] = 0;
        this.contact[i] = 0;
        continue;
      }
      if (!this.wasUp[i]) {
        this.wasUp[i] = 1;
        this.timerOrigin[i] = now;
      }
      const hears = this.leader >= 0 && group[i] === lg ? 1 : 0;
      if (hears && !this.contact[i] && !this.raft.preVote && i !== this.leader && now - this.timerOrigin[i]! >= this.raft.electionTimeout) {
        disrupted = i;
      }
      if (!hears && this.contact[i]) this.timerOrigin[i] = now;
      this.contact[i] = hears;
    }
    if (disrupted >= 0) {
      const who = this.view.name(this.leader);
      this.leader = -1;
      this.term++;
      for (let i = 0; i < this.n; i++) {
        this.contact[i] = 0;
        this.timerOrigin[i] = now;
      }
      this.listener.leaderChanged(
        -1,
        this.term,
        `${this.view.name(disrupted)} rejoins with a higher term (pre-vote is off): ${who} steps down and an election follows`,
      );
    }
    const writable = this.writable;
    // A leader cut off from the quorum steps down by check-quorum, unless contact returns first.
    if (this.leader >= 0 && !writable) {
      if (this.stepDownEvent < 0) this.stepDownEvent = this.sim.schedule(this.electionTimer(), this.fireStepDown);
    } else if (this.stepDownEvent >= 0) {
      this.sim.cancel(this.stepDownEvent);
      this.stepDownEvent = -1;
    }
    const needElection = this.quorum.kind === 'held' && !writable;
    if (!needElection) {
      this.cancelElection();
    } else if (this.pendingElection < 0) {
      this.scheduleElection(now);
    }
  }

  /** Draws the election: when the first candidate of the quorum group wins, and who it is. */
  private scheduleElection(now: SimTime): void {
    const q = this.quorum;
    if (q.kind !== 'held') return;
    const { up, group } = this.view;
    const et = this.raft.electionTimeout;
    const inGroup = (i: number) => up[i] === true && group[i] === q.group;
    let { first, t1, second, t2 } = this.earliestTwo(inGroup, (i) => this.nextTimerFire(i, now));
    // Split votes: a second candidate that fires before the first one's vote request reaches it.
    // Both rounds fail and every candidate waits a fresh randomised timeout (bounded, to stay finite).
    for (let round = 0; round < 16 && second >= 0 && t2 - t1 < this.view.rtt(first, second) / 2; round++) {
      const restart = t2;
      ({ first, t1, second, t2 } = this.earliestTwo(inGroup, () => restart + et * (1 + this.rng.next())));
    }
    const at = t1 + this.voteRoundTrip(first) + this.raft.fsync;
    this.pendingWinner = first;
    this.pendingElection = this.sim.at(at, this.fireElection);
  }

  /** The two candidates whose timers fire first, in voter order for equal times. */
  private earliestTwo(eligible: (i: number) => boolean, fire: (i: number) => SimTime) {
    let first = -1;
    let second = -1;
    let t1 = Infinity;
    let t2 = Infinity;
    for (let i = 0; i < this.n; i++) {
      if (!eligible(i)) continue;
      const t = fire(i);
      if (t < t1) {
        t2 = t1;
        second = first;
        t1 = t;
        first = i;
      } else if (t < t2) {
        t2 = t;
        second = i;
      }
    }
    return { first, t1, second, t2 };
  }

  private completeElection(): void {
    const q = this.quorum;
    const w = this.pendingWinner;
    if (q.kind !== 'held' || this.writable) return;
    if (w < 0 || !this.view.up[w] || this.view.group[w] !== q.group) return; // evaluate() draws again
    const old = this.leader;
    this.term++;
    this.leader = w;
    for (let i = 0; i < this.n; i++) this.contact[i] = this.view.up[i] && this.view.group[i] === q.group ? 1 : 0;
    const stale = old >= 0 && old !== w ? `; ${this.view.name(old)} still thinks it leads an older term but cannot commit` : '';
    this.listener.leaderChanged(w, this.term, `${this.view.name(w)} wins the election for term ${this.term}${stale}`);
  }

  private cancelElection(): void {
    if (this.pendingElection >= 0) {
      this.sim.cancel(this.pendingElection);
      this.pendingElection = -1;
    }
  }

  /**
   * When voter i's election timer next fires. A timer started less than an election timeout ago
   * fires a fresh draw after its origin. One that has been cycling for longer (the voter has been
   * campaigning without success) is in the middle of a cycle: its residual time is drawn from the
   * renewal process's equilibrium, length-biased cycle times times a uniform (an approximation
   * that avoids simulating every failed campaign).
   */
  private nextTimerFire(i: number, now: SimTime): SimTime {
    const et = this.raft.electionTimeout;
    const origin = this.timerOrigin[i]!;
    if (now - origin < et) return origin + et * (1 + this.rng.next());
    const cycle = et * Math.sqrt(1 + 3 * this.rng.next()); // length-biased on [et, 2et)
    return now + cycle * this.rng.next();
  }

  /** A random election timeout, for check-quorum step-downs. */
  private electionTimer(): SimTime {
    return this.raft.electionTimeout * (1 + this.rng.next());
  }

  /**
   * How long the candidate waits for a majority of votes: its own at once, each other live voter
   * of its group after a round trip, the rest never; the quorum-th arrival decides (quorumTime).
   */
  private voteRoundTrip(candidate: number): SimTime {
    const q = this.quorum;
    if (q.kind !== 'held') return 0;
    const answers: number[] = [];
    for (let i = 0; i < this.n; i++) {
      if (i === candidate) answers.push(0);
      else answers.push(this.view.up[i] && this.view.group[i] === q.group ? this.view.rtt(candidate, i) : Infinity);
    }
    return quorumTime(answers);
  }
}
