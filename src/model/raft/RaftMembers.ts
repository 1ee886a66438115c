/** What each etcd member of one cluster knows and counts: the state that EtcdCluster moves on, one typed array per field. */
import type { SimTime } from '../../kernel/index.js';

export const FOLLOWER = 0;
export const PRE_CANDIDATE = 1;
export const CANDIDATE = 2;
export const LEADER = 3;

/**
 * Member i's state is entry i of each array (typed arrays: no objects per member, nothing to
 * collect). Term, vote and log survive a restart (etcd keeps them on disk); the rest is what the
 * running process holds.
 */
export class RaftMembers {
  /** FOLLOWER, PRE_CANDIDATE, CANDIDATE or LEADER. */
  readonly role: Uint8Array;
  readonly memberTerm: Int32Array;
  /** Whom it voted for in its term, or -1. */
  readonly vote: Int32Array;
  /** The leader it knows of, or -1. */
  readonly lead: Int32Array;
  /** The member hears its leader right now (its election counter stays at 0). */
  readonly heard: Uint8Array;
  /** Its last log entry: the entry's term, and when it was appended (a stand-in for its index under steady writes). */
  readonly logTerm: Int32Array;
  readonly logTime: Float64Array;
  /** The member's log follows a leader right now: its last entry is "now". */
  readonly liveLog: Uint8Array;
  /** Its ticker's phase in [0, heartbeat interval). */
  readonly phase: Float64Array;
  /** When its election counter was last reset, its randomized timeout in ticks, and ticks advanced at a restart. */
  readonly origin: Float64Array;
  readonly timeoutTicks: Int32Array;
  readonly advance: Int32Array;
  /** Its pending timer event, or -1. */
  readonly timerEvent: Int32Array;
  /** Its current campaign, and the votes granted and refused in it. */
  readonly campaignId: Int32Array;
  readonly granted: Int32Array;
  readonly rejected: Int32Array;
  /** Whether it ran at the last evaluation. */
  readonly wasUp: Uint8Array;
  /** When it became leader (its check-quorum windows count from there), and its pending step-down event or -1. */
  readonly leaderSince: Float64Array;
  readonly stepDownEvent: Int32Array;
  /** When a paused member was paused, NaN for the others. */
  readonly frozenAt: Float64Array;

  constructor(readonly n: number) {
    this.role = new Uint8Array(n);
    this.memberTerm = new Int32Array(n);
    this.vote = new Int32Array(n).fill(-1);
    this.lead = new Int32Array(n).fill(-1);
    this.heard = new Uint8Array(n);
    this.logTerm = new Int32Array(n);
    this.logTime = new Float64Array(n);
    this.liveLog = new Uint8Array(n);
    this.phase = new Float64Array(n);
    this.origin = new Float64Array(n);
    this.timeoutTicks = new Int32Array(n);
    this.advance = new Int32Array(n);
    this.timerEvent = new Int32Array(n).fill(-1);
    this.campaignId = new Int32Array(n);
    this.granted = new Int32Array(n);
    this.rejected = new Int32Array(n);
    this.wasUp = new Uint8Array(n).fill(1);
    this.leaderSince = new Float64Array(n);
    this.stepDownEvent = new Int32Array(n).fill(-1);
    this.frozenAt = new Float64Array(n).fill(NaN);
  }

  /** When member i's last log entry was appended: now while its log follows a leader. */
  logTimeOf(i: number, now: SimTime): SimTime {
    return this.liveLog[i] ? now : this.logTime[i]!;
  }

  /** Member i stops receiving entries at `at`. */
  freezeLog(i: number, at: SimTime): void {
    if (this.liveLog[i]) this.logTime[i] = at;
    this.liveLog[i] = 0;
  }
}
