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

type Slot = { -readonly [K in keyof VoteMessage]: VoteMessage[K] };

/**
 * Messages between send and delivery, kept in reusable slots so that events carry a number and
 * nothing is allocated per message: a slot is claimed by `put`, read through `take` while its
 * message is handled, and given back by `release` for a later message.
 */
export class VoteMessages {
  private readonly slots: Slot[] = [];
  private readonly busy: boolean[] = [];
  private readonly free: number[] = [];

  put(from: number, to: number, term: number, preVote: boolean, response: boolean, granted: boolean, logTerm: number, logTime: number, campaign: number): number {
    let id = this.free.pop();
    if (id === undefined) {
      id = this.slots.length;
      this.slots.push({ from: 0, to: 0, term: 0, preVote: false, response: false, granted: false, logTerm: 0, logTime: 0, campaign: 0 });
      this.busy.push(false);
    }
    const m = this.slots[id]!;
    m.from = from;
    m.to = to;
    m.term = term;
    m.preVote = preVote;
    m.response = response;
    m.granted = granted;
    m.logTerm = logTerm;
    m.logTime = logTime;
    m.campaign = campaign;
    this.busy[id] = true;
    return id;
  }

  /** The message with this id, valid until `release(id)`: each is delivered once. */
  take(id: number): VoteMessage {
    if (this.busy[id] !== true) throw new Error(`vote message ${id} was delivered twice or never sent`);
    return this.slots[id]!;
  }

  /** The message was handled: its slot serves a later one. */
  release(id: number): void {
    this.busy[id] = false;
    this.free.push(id);
  }
}
