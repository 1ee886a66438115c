/** Vote requests and answers in flight between etcd members, kept by id so that events carry a number. */

/** One (pre-)vote request or its answer, as etcd-io/raft's MsgVote / MsgPreVote and their responses. */
export interface VoteMessage {
  readonly from: number;
  readonly to: number;
  /** The term the message carries: the candidate's (next, for a pre-vote) term, or the voter's in a rejection. */
  readonly term: number;
  readonly preVote: boolean;
  readonly response: boolean;
  readonly granted: boolean;
  /** The sender's last log entry (term, and time as a stand-in for its index under steady writes). */
  readonly logTerm: number;
  readonly logTime: number;
  /** Which campaign of the candidate this belongs to: answers to an older campaign are ignored. */
  readonly campaign: number;
}

/** Messages between send and delivery. Ids are never reused within a replication. */
export class VoteMessages {
  private readonly inFlight = new Map<number, VoteMessage>();
  private nextId = 0;

  put(m: VoteMessage): number {
    const id = this.nextId++;
    this.inFlight.set(id, m);
    return id;
  }

  /** The message with this id, removed: each is delivered once. */
  take(id: number): VoteMessage {
    const m = this.inFlight.get(id);
    if (m === undefined) throw new Error(`vote message ${id} was delivered twice or never sent`);
    this.inFlight.delete(id);
    return m;
  }
}
