/** The tick arithmetic of etcd's Raft: each member counts time in whole heartbeat ticks of its own phase. */
import type { SimTime } from '../../kernel/index.js';

/**
 * etcd drives Raft with a ticker of one heartbeat interval (etcd-io/raft: `tickElection`,
 * `tickHeartbeat`); every member's ticker runs at its own phase in [0, interval). A counter reset
 * at time t (a message from the leader, a vote granted, a term change) reaches k at the member's
 * k-th tick after t. Tick times are computed from whole tick indexes, so that a time that is a
 * tick is never taken for the tick before it by rounding.
 */
export class TickClock {
  /** Election timeout in ticks: etcd's ElectionTicks = election-timeout / heartbeat-interval, rounded down. */
  readonly electionTicks: number;

  constructor(readonly interval: SimTime, electionTimeout: SimTime) {
    this.electionTicks = Math.max(1, Math.floor(electionTimeout / interval + 1e-9));
  }

  /**
   * Index of the first tick of phase `phase` strictly after t. A t within rounding of a tick is
   * that tick: the tolerance grows with the magnitude of the times (a tick time computed a year
   * into a run carries errors of about 1e-8 ticks, far past a fixed 1e-9).
   */
  firstTickAfter(phase: SimTime, t: SimTime): number {
    const tolerance = 1e-9 + (8 * Number.EPSILON * (Math.abs(t) + Math.abs(phase))) / this.interval;
    return Math.floor((t - phase) / this.interval + tolerance) + 1;
  }

  /** Time of tick `k` at phase `phase`. */
  tickTime(phase: SimTime, k: number): SimTime {
    return phase + k * this.interval;
  }

  /** When a counter reset at `origin`, advanced by `advance` ticks, reaches `ticks`. */
  reach(phase: SimTime, origin: SimTime, ticks: number, advance = 0): SimTime {
    return this.tickTime(phase, this.firstTickAfter(phase, origin) + Math.max(1, ticks - advance) - 1);
  }

  /** A randomized election timeout in ticks, from a uniform u in [0, 1): [E, 2E - 1] (etcd-io/raft `resetRandomizedElectionTimeout`). */
  randomizedTimeout(u: number): number {
    return this.electionTicks + Math.floor(u * this.electionTicks);
  }
}
