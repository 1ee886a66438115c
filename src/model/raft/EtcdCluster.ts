/** Raft leadership of one etcd cluster over time, member by member: ticks, leases, (pre-)votes and check-quorum. */
import { formatDuration, type RandomStream, type Simulation, type SimTime } from '../../kernel/index.js';
import type { RaftSettings } from '../../scenario/Scenario.js';
import { quorumSize, scanQuorum, type Quorum } from '../../quorum/index.js';
import { CANDIDATE, FOLLOWER, LEADER, PRE_CANDIDATE, RaftMembers } from './RaftMembers.js';
import { TickClock } from './TickClock.js';
import { VoteMessages, type VoteMessage } from './VoteMessages.js';

/** What the cluster tells its observers when leadership changes. */
export interface RaftListener {
  leaderChanged(leader: number, term: number, reason: string): void;
  /** Something worth narrating that does not change the leader (a stale leader stepping down). */
  note(text: string): void;
  /** Ask for a re-evaluation at the current time (after a timer or message of this cluster). */
  wake(): void;
  /** Whether reasons and notes are read at all (a trace is recorded); false: they are passed empty, never composed. */
  readonly tracing?: boolean;
}

/** Where the voters are, as the rest of the model sees them right now. */
export interface VoterView {
  /** The member runs: its component is up and its process is not paused. */
  readonly up: ArrayLike<boolean>;
  /** The member's process is paused (not up, but it resumes where it was instead of restarting); 1 or 0. */
  readonly frozen: ArrayLike<number>;
  /** When each paused member resumes (NaN: not known); read only to narrate a paused leader truthfully. */
  readonly resumesAt?: ArrayLike<number>;
  readonly group: ArrayLike<number>;
  /** Round trip between voters i and j, in seconds. */
  rtt(i: number, j: number): SimTime;
  name(i: number): string;
}

/** Futile campaigns of a member cut off from any quorum replayed one by one; longer isolations skip ahead (see catchUp). */
const MAX_REPLAYED_CAMPAIGNS = 10_000;

/**
 * etcd's Raft (etcd-io/raft raft.go, as etcd 3.4-3.5 configure it: check-quorum on, pre-vote a
 * setting), member by member. Sources: docs/domain.md, "Elections, check-quorum and pre-vote".
 * - Time is counted in ticks of one heartbeat interval, each member's ticker at its own phase. A
 *   follower's election counter is reset by every message from its leader (under steady writes,
 *   continuously: its last reset is the moment it loses the leader); it campaigns when the
 *   counter reaches its randomized timeout of [E, 2E - 1] ticks (E = election timeout / heartbeat).
 * - Check-quorum: a member that heard from its leader less than E ticks ago ignores (pre-)vote
 *   requests ("in lease"); so a candidate that fires early can be refused, and tries again after a
 *   new random timeout. Without pre-vote its term rises anyway: two such candidates split the vote
 *   and a second round follows. A leader that did not hear from a quorum during a whole window of
 *   E ticks steps down at the end of it.
 * - Pre-vote: a candidate first asks whether it could win, without raising its term; a member cut
 *   off from the quorum therefore keeps its term. Without pre-vote each futile campaign raises it,
 *   and on its return the leader hears the higher term and steps down.
 * - Votes go to candidates whose log is at least as up to date (last entry's term, then its
 *   position: under steady writes, how long the member kept following a leader).
 * - Messages take half a round trip; a member persists its term and vote (one fsync) before it
 *   sends a vote request or grants a vote. A restarted member keeps its term, vote and log, and
 *   advances its counter by E - 2 ticks once two peers answer (etcd's initial-election-tick-advance).
 * Members cut off from every quorum are not simulated campaign by campaign while they cannot win:
 * their futile campaigns are replayed when they could matter again (catchUp).
 */
export class EtcdCluster {
  /** The leader of the highest term that still leads (a stale leader when no newer one exists), or -1. */
  leader = -1;
  /** The highest term any member has reached (the leader's own may be lower, briefly, until it hears of it). */
  term = 0;
  /** Whether one of its events (a timer, a message, a check-quorum) ran since the last evaluate. */
  touched = false;
  /** Whether, as the last evaluate left it, a member waits cut off from every quorum (up, hearing no leader, no timer): only such a member has campaigns for catchUpAll to replay. */
  private waiting = true;
  private readonly n: number;
  private readonly need: number;
  private readonly clock: TickClock;
  /** What each member knows and counts. */
  private readonly m: RaftMembers;
  /** The term of the last leader announced: leaders of older terms are stale. */
  private announcedTerm = 0;
  /** Whether writes could commit at the last evaluation, to tell when they stop. */
  private wasWritable = false;
  private readonly messages = new VoteMessages();
  private quorum: Quorum = { kind: 'lost', largest: 0 };
  /** Scratch for scanQuorum: a new Quorum is made only when it changes. */
  private readonly scan = { group: -1, size: 0 };
  private readonly onTimer: (sim: Simulation, i: number) => void;
  private readonly onMessage: (sim: Simulation, id: number) => void;
  private readonly onCheckQuorum: (sim: Simulation, i: number) => void;
  private readonly onSoloWin: (sim: Simulation, i: number) => void;
  /** Whether reasons and notes are composed (RaftListener.tracing; composed unless told otherwise). */
  private readonly tracing: boolean;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: RandomStream,
    private readonly raft: RaftSettings,
    voters: number,
    private readonly view: VoterView,
    private readonly listener: RaftListener,
  ) {
    const n = voters;
    this.n = n;
    this.tracing = listener.tracing !== false;
    this.need = quorumSize(n);
    this.clock = new TickClock(raft.heartbeatInterval, raft.electionTimeout);
    this.m = new RaftMembers(n);
    // Bootstrap: the cluster starts healthy with voter 0 leading term 1 (a convention that makes
    // scripted timelines easy to follow); every member's ticker gets its phase, and the leader's
    // check-quorum window its offset.
    for (let i = 0; i < n; i++) {
      this.m.phase[i] = this.rng.next() * this.clock.interval;
      this.m.memberTerm[i] = 1;
      this.m.lead[i] = 0;
      this.m.heard[i] = i === 0 ? 0 : 1;
      this.m.logTerm[i] = 1;
      this.m.liveLog[i] = 1;
    }
    if (n > 0) {
      this.m.role[0] = LEADER;
      this.m.vote[0] = 0;
      this.m.leaderSince[0] = -this.rng.next() * this.clock.electionTicks * this.clock.interval;
      this.leader = 0;
      this.term = 1;
      this.announcedTerm = 1;
    }
    this.onTimer = (_sim, i) => {
      this.touched = true;
      this.m.timerEvent[i] = -1;
      this.campaign(i);
    };
    this.onMessage = (_sim, id) => {
      this.touched = true;
      this.deliver(this.messages.take(id));
      this.messages.release(id);
    };
    this.onCheckQuorum = (_sim, i) => {
      this.touched = true;
      this.m.stepDownEvent[i] = -1;
      if (this.m.role[i] !== LEADER || this.followers(i) + 1 >= this.need) return;
      this.becomeFollower(i, this.m.memberTerm[i]!, -1);
      this.announce(this.tracing ? `${this.view.name(i)} steps down: it did not hear from a quorum for a whole election timeout (check-quorum)` : '');
      this.listener.wake();
    };
    this.onSoloWin = (_sim, i) => {
      this.touched = true;
      if (this.m.role[i] === CANDIDATE && this.view.up[i]) this.becomeLeader(i);
    };
  }

  /** The quorum as of the last evaluation. */
  get currentQuorum(): Quorum {
    return this.quorum;
  }

  /** Whether a leader exists that reaches a quorum: writes can commit. */
  get writable(): boolean {
    const q = this.quorum;
    const l = this.leader;
    return l >= 0 && q.kind === 'held' && this.m.role[l] === LEADER && this.view.up[l] === true && this.view.group[l] === q.group;
  }

  /** etcd's request timeout: 5 s plus two election timeouts (etcd server config `ReqTimeout`). */
  get requestTimeout(): SimTime {
    return 5 + 2 * this.raft.electionTimeout;
  }

  /** Re-reads who is up and who reaches whom, and moves every member on. Call after every change. */
  evaluate(): void {
    this.touched = false;
    const { up } = this.view;
    this.updateQuorum();
    const { frozen } = this.view;
    let resumed = -1;
    for (let i = 0; i < this.n; i++) {
      if (!up[i] && this.m.wasUp[i]) {
        if (frozen[i]) this.memberFreezes(i);
        else this.memberDown(i);
      } else if (!up[i] && !frozen[i] && !Number.isNaN(this.m.frozenAt[i]!)) {
        // It crashed while paused: from now on it is down, and it will restart.
        this.m.frozenAt[i] = NaN;
        this.memberDown(i);
      }
    }
    for (let i = 0; i < this.n; i++) {
      if (!up[i] || this.m.wasUp[i]) continue;
      if (Number.isNaN(this.m.frozenAt[i]!)) this.memberRestarts(i);
      else if (this.memberThaws(i)) resumed = i;
    }
    this.replayAll();
    for (let i = 0; i < this.n; i++) if (this.m.role[i] === LEADER && up[i]) this.yieldToHigherTerm(i);
    if (resumed >= 0 && this.m.role[resumed] === LEADER) this.announce(this.tracing ? `${this.view.name(resumed)} resumes and still leads term ${this.m.memberTerm[resumed]}` : '');
    for (let i = 0; i < this.n; i++) if (up[i] && this.m.role[i] !== LEADER) this.updateContact(i);
    for (let i = 0; i < this.n; i++) if (this.m.role[i] === LEADER && up[i]) this.watchQuorum(i);
    let waiting = false;
    for (let i = 0; i < this.n; i++) {
      this.armTimer(i);
      waiting ||= this.m.timerEvent[i]! < 0 && up[i] === true && this.m.role[i] !== LEADER && !this.m.heard[i];
    }
    this.waiting = waiting;
    this.narrateStall();
  }

  private updateQuorum(): void {
    const scan = this.scan;
    const held = scanQuorum(this.view.up, this.view.group, scan);
    const q = this.quorum;
    const same = held ? q.kind === 'held' && q.group === scan.group && q.members === scan.size : q.kind === 'lost' && q.largest === scan.size;
    if (!same) this.quorum = held ? { kind: 'held', group: scan.group, members: scan.size } : { kind: 'lost', largest: scan.size };
  }

  // ---- membership changes seen by evaluate -------------------------------------------------

  private memberDown(i: number): void {
    const now = this.sim.now;
    this.m.wasUp[i] = 0;
    this.cancelTimer(i);
    this.cancelStepDown(i);
    this.m.freezeLog(i, now);
    this.m.heard[i] = 0;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    if (this.m.role[i] === LEADER) {
      this.m.role[i] = FOLLOWER;
      this.announce(this.tracing ? `${this.view.name(i)} was the leader and went down: no leader until an election` : '');
    } else {
      this.m.role[i] = FOLLOWER;
    }
  }

  /** The process pauses: nothing is sent, received or counted until it resumes; a leader keeps its role meanwhile. */
  private memberFreezes(i: number): void {
    this.m.wasUp[i] = 0;
    this.m.frozenAt[i] = this.sim.now;
    this.cancelTimer(i);
    this.cancelStepDown(i);
    this.m.freezeLog(i, this.sim.now);
    if (this.m.role[i] === LEADER) this.announce(this.tracing ? this.pausedLeaderText(i) : '');
  }

  /**
   * What a leader's pause means, by its length against the followers' election timers: each
   * fires after E to 2E - 1 ticks of silence, less up to one tick of phase (etcd-io/raft
   * raft.go). A pause shorter than E less one tick ends before any can fire: no election, writes
   * only wait; one of 2E or more outlasts them all. Only words: the model itself never reads it.
   */
  private pausedLeaderText(i: number): string {
    const led = `${this.view.name(i)} led term ${this.m.memberTerm[i]} when it paused`;
    const e = this.raft.electionTimeout;
    const timers = `the followers' election timeout (${formatDuration(e)} to ${formatDuration(2 * e - this.clock.interval)})`;
    switch (this.pauseOutcome(i)) {
      case 'alone':
        return `${led}: the members left are too few to elect another, so writes wait until it resumes`;
      case 'short':
        return `${led}; the pause is shorter than ${timers}, so no follower campaigns: writes wait until it resumes and then commit`;
      case 'long':
        return `${led}; the pause outlasts ${timers}: no leader until an election`;
      case 'maybe':
        return `${led}; the pause may outlast ${timers}: writes wait until it resumes or a follower wins an election`;
      case 'unknown':
        return `${led}: writes wait until it resumes or, if the pause outlasts ${timers}, a new leader is elected`;
    }
  }

  /**
   * Whether paused member i's pause ends before any follower's election timer can fire
   * ('short'), after every one has, with a tick to spare ('long'), or in between; 'alone' when
   * the members left hold no quorum (then nobody can be elected).
   */
  private pauseOutcome(i: number): 'alone' | 'short' | 'long' | 'maybe' | 'unknown' {
    if (this.quorum.kind !== 'held') return 'alone';
    const pause = this.pauseLength(i);
    const e = this.raft.electionTimeout;
    const tick = this.clock.interval;
    if (Number.isNaN(pause)) return 'unknown';
    return pause < e - tick ? 'short' : pause >= 2 * e + tick ? 'long' : 'maybe';
  }

  /** How long member i's current pause lasts in all, or NaN when not known. */
  private pauseLength(i: number): SimTime {
    const until = this.view.resumesAt?.[i];
    return until === undefined || Number.isNaN(this.m.frozenAt[i]!) ? NaN : until - this.m.frozenAt[i]!;
  }

  /** The process resumes where it was: its counters lost the paused time (Go's ticker drops the missed ticks). Returns whether it leads. */
  private memberThaws(i: number): boolean {
    const paused = this.sim.now - this.m.frozenAt[i]!;
    this.m.frozenAt[i] = NaN;
    this.m.wasUp[i] = 1;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    this.m.origin[i] = this.m.origin[i]! + paused;
    this.m.leaderSince[i] = this.m.leaderSince[i]! + paused;
    return this.m.role[i] === LEADER;
  }

  private memberRestarts(i: number): void {
    const now = this.sim.now;
    this.m.wasUp[i] = 1;
    // Term, vote and log are on disk; the leader is not known and the ticker starts afresh.
    this.m.role[i] = FOLLOWER;
    this.m.lead[i] = -1;
    this.m.heard[i] = 0;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    this.m.phase[i] = this.rng.next() * this.clock.interval;
    this.resetTimer(i, now);
    // etcd's adjustTicks: a lone member advances E - 1 ticks; one that hears from two peers, E - 2.
    const e = this.clock.electionTicks;
    this.m.advance[i] = this.n === 1 ? e - 1 : this.reachablePeers(i) >= 2 ? Math.max(0, e - 2) : 0;
  }

  /**
   * A leader in a group with a member of a higher term hears it (a heartbeat answered with that
   * term) and steps down. Among members of that term, its leader is the one named: then no
   * election follows.
   */
  private yieldToHigherTerm(l: number): void {
    let top = -1;
    for (let j = 0; j < this.n; j++) {
      if (j === l || !this.reaches(l, j) || this.m.memberTerm[j]! <= this.m.memberTerm[l]!) continue;
      const higher = top < 0 || this.m.memberTerm[j]! > this.m.memberTerm[top]!;
      const itsLeader = top >= 0 && this.m.memberTerm[j] === this.m.memberTerm[top] && this.m.role[j] === LEADER && this.m.role[top] !== LEADER;
      if (higher || itsLeader) top = j;
    }
    if (top < 0) return;
    const who = this.view.name(l);
    const other = this.view.name(top);
    const t = this.m.memberTerm[top]!;
    const reason = !this.tracing
      ? ''
      : this.m.role[top] === LEADER
        ? `${who} still led term ${this.m.memberTerm[l]} and hears of ${other}'s term ${t}: it steps down`
        : `${who} hears of ${other}'s term ${t}, higher than its own term ${this.m.memberTerm[l]}${this.raft.preVote ? '' : ' (pre-vote is off: a member that campaigns where it cannot win still raises its term)'}: ${who} steps down and an election follows`;
    this.becomeFollower(l, t, -1);
    this.announce(reason);
  }

  /** A member finds the leader of its group (the highest term) or loses the one it heard. */
  private updateContact(i: number): void {
    let best = -1;
    for (let l = 0; l < this.n; l++) {
      if (this.m.role[l] === LEADER && this.reaches(i, l) && (best < 0 || this.m.memberTerm[l]! > this.m.memberTerm[best]!)) best = l;
    }
    if (best >= 0 && this.m.memberTerm[best]! >= this.m.memberTerm[i]!) {
      if (!this.m.heard[i] || this.m.lead[i] !== best) {
        if (this.m.role[i] === PRE_CANDIDATE && this.m.lead[i]! < 0 && this.m.memberTerm[i] === this.m.memberTerm[best]) {
          this.listener.note(
            this.tracing ? `${this.view.name(i)} rejoins ${this.view.name(best)}: pre-vote kept its term at ${this.m.memberTerm[i]} while it was cut off, so the leader stays` : '',
          );
        }
        this.becomeFollower(i, this.m.memberTerm[best]!, best);
        this.m.heard[i] = 1;
        this.cancelTimer(i);
      }
      this.m.logTerm[i] = this.m.memberTerm[best]!;
      this.m.liveLog[i] = 1;
    } else if (this.m.heard[i]) {
      // The last message from the leader arrived now: the election counter starts here.
      this.m.heard[i] = 0;
      this.m.freezeLog(i, this.sim.now);
      this.resetTimer(i, this.sim.now);
    }
  }

  /** Check-quorum: a leader without a quorum of followers steps down at the end of the next whole window. */
  private watchQuorum(l: number): void {
    if (this.followers(l) + 1 >= this.need) {
      this.cancelStepDown(l);
      return;
    }
    if (this.m.stepDownEvent[l]! >= 0) return;
    const { clock } = this;
    const e = clock.electionTicks;
    const first = clock.firstTickAfter(this.m.phase[l]!, this.m.leaderSince[l]!) + e - 1;
    const now = this.sim.now;
    const k = clock.firstTickAfter(this.m.phase[l]!, now);
    // The first window end after now (it still saw the quorum), then one more window.
    const windows = Math.max(0, Math.ceil((k - first) / e));
    const at = clock.tickTime(this.m.phase[l]!, first + (windows + 1) * e);
    this.m.stepDownEvent[l] = this.sim.at(at, this.onCheckQuorum, l);
  }

  /**
   * Writes stop while a quorum could elect (a leader crashed, paused or cut off): clients are not
   * told at once. Requests sent meanwhile wait for etcd's request timeout and then fail (measured
   * by `npm run calibrate`), so a client that does not give up sooner sees more than the gap.
   * Told once per outage; not for a plain quorum loss, where writes fail for longer anyway.
   */
  private narrateStall(): void {
    const writable = this.writable;
    const started = this.wasWritable && !writable;
    this.wasWritable = writable;
    if (!started || this.quorum.kind !== 'held' || !this.tracing) return;
    const l = this.leader;
    const timeout = `etcd's request timeout (${this.requestTimeout} s)`;
    if (l >= 0 && this.view.up[l] && this.m.role[l] === LEADER) {
      const who = this.view.name(l);
      this.listener.note(`writes sent to ${who} or through its followers wait for ${timeout} and then fail; ${who} steps down at the end of its first check-quorum window without a quorum`);
    } else {
      const text = this.stallText(timeout);
      if (text !== '') this.listener.note(text);
    }
  }

  /** Writes stalled without a running leader; empty when a paused leader resumes before any election (its own note says writes only wait). */
  private stallText(timeout: string): string {
    const failing = `writes sent until a new leader is elected wait for ${timeout} and then fail`;
    let paused = -1;
    for (let i = 0; i < this.n; i++) if (this.view.frozen[i] && this.m.role[i] === LEADER) paused = i;
    if (paused < 0) return failing;
    const outcome = this.pauseOutcome(paused);
    if (outcome === 'alone' || outcome === 'short') return '';
    if (outcome === 'long') return failing;
    return `writes sent meanwhile wait for ${this.view.name(paused)} to resume, or, if a new leader is elected first, for ${timeout} and then fail`;
  }

  /** Whether the next evaluation has Raft work to do whatever else changed: an event of this cluster ran, or a member waits (catchUpAll). */
  get hasDeferredWork(): boolean {
    return this.touched || this.waiting;
  }

  /**
   * Replays the missed campaigns of every member cut off from any quorum, as evaluate does;
   * returns whether any member had one to replay (then the rest of evaluate may have work).
   */
  catchUpAll(): boolean {
    // Nothing moved since the last evaluate (no event of this cluster): only a member that was
    // waiting then can have campaigns to replay.
    if (!this.waiting && !this.touched) return false;
    return this.replayAll();
  }

  private replayAll(): boolean {
    let any = false;
    for (let i = 0; i < this.n; i++) {
      if (this.m.timerEvent[i]! >= 0) continue;
      const before = this.m.campaignId[i]!;
      this.catchUp(i);
      if (this.m.campaignId[i] !== before) any = true;
    }
    return any;
  }

  // ---- timers and campaigns -----------------------------------------------------------------

  /** A member that could take part in an election has a timer; one cut off from any quorum waits (catchUp replays it). */
  private armTimer(i: number): void {
    const active = this.view.up[i] === true && this.m.role[i] !== LEADER && !this.m.heard[i] && this.quorum.kind === 'held' && this.view.group[i] === this.quorum.group;
    if (!active) {
      this.cancelTimer(i);
      return;
    }
    if (this.m.timerEvent[i]! >= 0) return;
    this.m.timerEvent[i] = this.sim.at(this.fireTime(i), this.onTimer, i);
  }

  private fireTime(i: number): SimTime {
    return this.clock.reach(this.m.phase[i]!, this.m.origin[i]!, this.m.timeoutTicks[i]!, this.m.advance[i]!);
  }

  /** Election counter back to 0 at `at`, with a new randomized timeout (etcd-io/raft `reset`). */
  private resetTimer(i: number, at: SimTime): void {
    this.m.origin[i] = at;
    this.m.advance[i] = 0;
    this.m.timeoutTicks[i] = this.clock.randomizedTimeout(this.rng.next());
    if (this.m.timerEvent[i]! >= 0) {
      this.cancelTimer(i);
      this.armTimer(i);
    }
  }

  /**
   * Replays the campaigns a member cut off from every quorum made since its timer last started:
   * each raises its term without pre-vote, none with it. After MAX_REPLAYED_CAMPAIGNS the rest of a
   * very long isolation is skipped in bulk at the mean campaign length (an approximation of the
   * term only; the timer's position is exact again from there).
   */
  private catchUp(i: number): void {
    if (!this.view.up[i] || this.m.role[i] === LEADER || this.m.heard[i]) return;
    const now = this.sim.now;
    let replayed = 0;
    for (let at = this.fireTime(i); at <= now; at = this.fireTime(i)) {
      if (++replayed > MAX_REPLAYED_CAMPAIGNS) {
        this.skipCampaigns(i, at);
        replayed = 0;
        continue;
      }
      if (this.raft.preVote) replayed += this.replayPreVotes(i, at, MAX_REPLAYED_CAMPAIGNS - replayed + 1) - 1;
      else this.futileCampaign(i, at);
    }
  }

  /** The bulk skip of a very long isolation: the mean number of campaigns since `at`, then one at two election timeouts before now. */
  private skipCampaigns(i: number, at: SimTime): void {
    const now = this.sim.now;
    const mean = ((3 * this.clock.electionTicks - 1) / 2) * this.clock.interval;
    const skip = Math.floor((now - at) / mean);
    if (!this.raft.preVote) this.m.memberTerm[i] = this.m.memberTerm[i]! + skip;
    const k = this.clock.firstTickAfter(this.m.phase[i]!, now - 2 * this.clock.electionTicks * this.clock.interval);
    this.futileCampaign(i, this.clock.tickTime(this.m.phase[i]!, k));
  }

  /**
   * Futile pre-vote campaigns from `at` on, up to `budget` of them and none after now, at once: a
   * pre-campaign changes neither the term nor the randomized timeout, so campaign j fires at tick
   * k0 + j * T of the member's ticker (k0 the tick of `at`, T the timeout in ticks), exactly where
   * fireTime would put it one campaign after the other. Returns how many were made (at least 1).
   */
  private replayPreVotes(i: number, at: SimTime, budget: number): number {
    const { clock } = this;
    const phase = this.m.phase[i]!;
    const period = Math.max(1, this.m.timeoutTicks[i]!);
    const now = this.sim.now;
    const k0 = clock.firstTickAfter(phase, at) - 1;
    // Campaigns after the first that fit before now: from the tick index of now, then checked
    // against the very comparison the one-by-one replay makes.
    let more = Math.min(budget - 1, Math.max(0, Math.floor((clock.firstTickAfter(phase, now) - 1 - k0) / period)));
    while (more > 0 && clock.tickTime(phase, k0 + more * period) > now) more--;
    while (more < budget - 1 && clock.tickTime(phase, k0 + (more + 1) * period) <= now) more++;
    const made = more + 1;
    const last = clock.tickTime(phase, k0 + more * period);
    // What `made` calls of futileCampaign leave behind.
    this.m.role[i] = PRE_CANDIDATE;
    this.m.lead[i] = -1;
    this.m.campaignId[i] = this.m.campaignId[i]! + made;
    this.m.origin[i] = last;
    this.m.advance[i] = 0;
    return made;
  }

  private futileCampaign(i: number, at: SimTime): void {
    this.m.lead[i] = -1;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    if (this.raft.preVote) {
      // etcd-io/raft becomePreCandidate does not reset: same randomized timeout, counter at 0.
      this.m.role[i] = PRE_CANDIDATE;
      this.m.origin[i] = at;
      this.m.advance[i] = 0;
    } else {
      this.m.role[i] = CANDIDATE;
      this.m.memberTerm[i] = this.m.memberTerm[i]! + 1;
      this.m.vote[i] = i;
      this.resetTimer(i, at);
    }
  }

  /** Member i's election timer fired: it campaigns (pre-vote first when enabled). */
  private campaign(i: number): void {
    const now = this.sim.now;
    if (this.raft.preVote) {
      this.m.role[i] = PRE_CANDIDATE;
      this.m.lead[i] = -1;
      this.m.origin[i] = now;
      this.m.advance[i] = 0;
      this.m.campaignId[i] = this.m.campaignId[i]! + 1;
      this.m.granted[i] = 1;
      this.m.rejected[i] = 0;
      if (this.m.granted[i]! >= this.need) this.becomeCandidate(i);
      else this.ask(i, true, 0);
    } else {
      this.becomeCandidate(i);
    }
    this.armTimer(i);
  }

  private becomeCandidate(i: number): void {
    this.m.role[i] = CANDIDATE;
    this.m.memberTerm[i] = this.m.memberTerm[i]! + 1;
    this.term = Math.max(this.term, this.m.memberTerm[i]!);
    this.m.vote[i] = i;
    this.m.lead[i] = -1;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    this.m.granted[i] = 1;
    this.m.rejected[i] = 0;
    this.cancelTimer(i);
    this.resetTimer(i, this.sim.now);
    this.armTimer(i);
    // Term and vote are persisted before the requests leave.
    if (this.m.granted[i]! >= this.need) {
      this.sim.schedule(this.raft.fsync, this.onSoloWin, i);
    } else {
      this.ask(i, false, this.raft.fsync);
    }
  }

  /** Sends (pre-)vote requests to every reachable live peer, `delay` after now. */
  private ask(c: number, preVote: boolean, delay: SimTime): void {
    const term = this.m.memberTerm[c]! + (preVote ? 1 : 0);
    for (let j = 0; j < this.n; j++) {
      if (j === c || !this.reaches(c, j)) continue;
      const id = this.messages.put(c, j, term, preVote, false, false, this.m.logTerm[c]!, this.m.logTimeOf(c, this.sim.now), this.m.campaignId[c]!);
      this.sim.schedule(delay + this.view.rtt(c, j) / 2, this.onMessage, id);
    }
  }

  // ---- message handling (etcd-io/raft Step) -------------------------------------------------

  private deliver(m: VoteMessage): void {
    if (!this.reaches(m.from, m.to)) return; // the receiver is down or cut off: the message is lost
    if (m.response) this.answer(m);
    else this.request(m);
  }

  private request(m: VoteMessage): void {
    const j = m.to;
    if (this.m.timerEvent[j]! < 0) this.catchUp(j); // a member waiting out of any quorum: its missed campaigns first
    const now = this.sim.now;
    const t = this.m.memberTerm[j]!;
    if (m.term > t) {
      if (this.inLease(j, now)) {
        if (this.m.role[j] !== LEADER) this.refusal(m, 'ignores', 'it heard its leader less than an election timeout ago (check-quorum lease)');
        return;
      }
      if (!m.preVote) this.becomeFollower(j, m.term, -1);
    } else if (m.term < t) {
      if (m.preVote) this.reply(m, false, t, 0);
      return;
    }
    const canVote = this.m.vote[j] === m.from || (this.m.vote[j] === -1 && this.m.lead[j] === -1) || (m.preVote && m.term > this.m.memberTerm[j]!);
    const upToDate = m.logTerm > this.m.logTerm[j]! || (m.logTerm === this.m.logTerm[j] && m.logTime >= this.m.logTimeOf(j, this.sim.now));
    if (canVote && upToDate) {
      if (m.preVote) {
        this.reply(m, true, m.term, 0);
      } else {
        this.m.vote[j] = m.from;
        this.cancelTimer(j);
        this.m.origin[j] = now;
        this.m.advance[j] = 0;
        this.armTimer(j);
        this.reply(m, true, this.m.memberTerm[j]!, this.raft.fsync);
      }
    } else {
      if (this.tracing) {
        const why = !canVote
          ? this.m.vote[j] === j ? `it is a candidate for term ${this.m.memberTerm[j]} itself: the vote splits` : `it already voted in term ${this.m.memberTerm[j]}`
          : `its log is ahead of ${this.view.name(m.from)}'s`;
        this.refusal(m, 'refuses', why);
      }
      this.reply(m, false, this.m.memberTerm[j]!, 0);
    }
  }

  /** Narrates a vote that did not go to a candidate while there is no leader: what makes elections run long. */
  private refusal(m: VoteMessage, verb: string, why: string): void {
    if (this.leader >= 0) return;
    const kind = m.preVote ? 'pre-vote' : 'vote';
    this.listener.note(this.tracing ? `${this.view.name(m.to)} ${verb} ${this.view.name(m.from)}'s ${kind} request for term ${m.term}: ${why}` : '');
  }

  private reply(m: VoteMessage, granted: boolean, term: number, delay: SimTime): void {
    const j = m.to;
    const id = this.messages.put(j, m.from, term, m.preVote, true, granted, this.m.logTerm[j]!, this.m.logTimeOf(j, this.sim.now), m.campaign);
    this.sim.schedule(delay + this.view.rtt(m.from, j) / 2, this.onMessage, id);
  }

  private answer(m: VoteMessage): void {
    const c = m.to;
    if (m.term > this.m.memberTerm[c]! && !(m.preVote && m.granted)) {
      this.becomeFollower(c, m.term, -1);
      this.armTimer(c);
      return;
    }
    const expected = m.preVote ? PRE_CANDIDATE : CANDIDATE;
    if (this.m.role[c] !== expected || this.m.campaignId[c] !== m.campaign) return;
    if (m.granted) this.m.granted[c] = this.m.granted[c]! + 1;
    else this.m.rejected[c] = this.m.rejected[c]! + 1;
    if (this.m.granted[c]! >= this.need) {
      if (m.preVote) this.becomeCandidate(c);
      else this.becomeLeader(c);
    } else if (this.m.rejected[c]! > this.n - this.need) {
      this.becomeFollower(c, this.m.memberTerm[c]!, -1);
      this.armTimer(c);
    }
  }

  private becomeLeader(c: number): void {
    const old = this.leader;
    this.m.role[c] = LEADER;
    this.m.lead[c] = c;
    this.cancelTimer(c);
    this.m.leaderSince[c] = this.sim.now;
    this.m.logTerm[c] = this.m.memberTerm[c]!;
    this.m.liveLog[c] = 1;
    this.term = Math.max(this.term, this.m.memberTerm[c]!);
    if (this.tracing) {
      const stale = old >= 0 && old !== c && this.m.role[old] === LEADER ? `; ${this.view.name(old)} still thinks it leads term ${this.m.memberTerm[old]} but cannot commit` : '';
      this.announce(`${this.view.name(c)} wins the election for term ${this.m.memberTerm[c]}${stale}`);
    } else {
      this.announce('');
    }
    this.listener.wake();
  }


  /** etcd-io/raft becomeFollower: the term (and a fresh vote) if higher, the leader if known, and a reset timer. */
  private becomeFollower(i: number, term: number, lead: number): void {
    if (term > this.m.memberTerm[i]!) {
      this.m.memberTerm[i] = term;
      this.m.vote[i] = -1;
      this.term = Math.max(this.term, term);
    }
    if (this.m.role[i] === LEADER) {
      this.cancelStepDown(i);
      this.m.freezeLog(i, this.sim.now);
    }
    this.m.role[i] = FOLLOWER;
    this.m.lead[i] = lead;
    this.m.campaignId[i] = this.m.campaignId[i]! + 1;
    this.resetTimer(i, this.sim.now);
  }

  // ---- small helpers ------------------------------------------------------------------------

  /**
   * The highest-term leader that still runs becomes the public leader, unless a newer term had a
   * leader already (a stale leader is never announced again). A change is a leader event,
   * anything else a note.
   */
  private announce(reason: string): void {
    let best = -1;
    for (let l = 0; l < this.n; l++) {
      if (this.m.role[l] === LEADER && this.view.up[l] && (best < 0 || this.m.memberTerm[l]! > this.m.memberTerm[best]!)) best = l;
    }
    if (best >= 0 && this.m.memberTerm[best]! < this.announcedTerm) best = -1;
    if (best !== this.leader) {
      this.leader = best;
      if (best >= 0) this.announcedTerm = this.m.memberTerm[best]!;
      // A new leader's own term (a member elsewhere may already have a higher one); no leader: the highest.
      this.listener.leaderChanged(best, best >= 0 ? this.m.memberTerm[best]! : this.term, reason);
    } else {
      this.listener.note(reason);
    }
  }

  /** Whether j ignores a vote request from a higher term: a leader always does (check-quorum), a follower within E ticks of hearing its leader. */
  private inLease(j: number, now: SimTime): boolean {
    if (this.m.role[j] === LEADER) return true;
    if (this.m.lead[j]! < 0) return false;
    if (this.m.heard[j]) return true;
    return now < this.clock.reach(this.m.phase[j]!, this.m.origin[j]!, this.clock.electionTicks);
  }

  /** Followers that hear leader l right now. */
  private followers(l: number): number {
    let k = 0;
    for (let i = 0; i < this.n; i++) if (i !== l && this.m.heard[i] && this.m.lead[i] === l && this.view.up[i]) k++;
    return k;
  }

  private reaches(i: number, j: number): boolean {
    return this.view.up[i] === true && this.view.up[j] === true && this.view.group[i] === this.view.group[j];
  }

  private reachablePeers(i: number): number {
    let k = 0;
    for (let j = 0; j < this.n; j++) if (j !== i && this.reaches(i, j)) k++;
    return k;
  }

  private cancelTimer(i: number): void {
    if (this.m.timerEvent[i]! >= 0) {
      this.sim.cancel(this.m.timerEvent[i]!);
      this.m.timerEvent[i] = -1;
    }
  }

  private cancelStepDown(i: number): void {
    if (this.m.stepDownEvent[i]! >= 0) {
      this.sim.cancel(this.m.stepDownEvent[i]!);
      this.m.stepDownEvent[i] = -1;
    }
  }
}
