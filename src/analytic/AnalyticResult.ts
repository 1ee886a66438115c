/** What `analyzeScenario` returns: per cluster and signal, the exact steady-state answer or the reason there is none. */
import type { DeploymentModel } from '../scenario/Scenario.js';
import type { AnalyticSignal } from '../scenario/signals.js';
import type { Answer, Refusal } from './Answer.js';

/** How an answer was found: a product of k-of-n closed forms, a sum over joint states, or a Markov chain. */
export type Method = 'k-of-n' | 'enumeration' | 'ctmc';

/** Which route `analyzeScenario` takes: `auto` uses closed forms where they apply and enumeration elsewhere. */
export type Route = 'auto' | 'enumeration' | 'ctmc';

export interface AnalyzeOptions {
  readonly route?: Route;
  /** Answer for the random failures alone when the scenario scripts faults (the default is to refuse). */
  readonly ignoreFaults?: boolean;
}

export interface SignalAnswer {
  /** Long-run fraction of time up. */
  readonly availability: number;
  /** Long-run fraction of time down, computed directly (not as 1 - availability) so it keeps its digits. */
  readonly unavailability: number;
  /** unavailability * 365 days. */
  readonly downtimeSecondsPerYear: number;
  /** Long-run rate of outages (entries into down), per 365-day year. */
  readonly outagesPerYear: number;
  /** Long-run mean outage length: downtime / outages; null when the signal is never down. */
  readonly meanOutageSeconds: number | null;
  readonly method: Method;
  /** The closed form used, with its numbers (method `k-of-n`), or what was summed or solved. */
  readonly formula?: string;
}

export interface QuorumAnswer extends SignalAnswer {
  readonly voters: number;
  readonly quorumSize: number;
  readonly failuresTolerated: number;
  /** Mean time from everything up to the first loss of quorum; exponential distributions only. */
  readonly mttqlSeconds: Answer<number>;
}

/** One independent on/off process the answer rests on. */
export interface ProcessSummary {
  /** `datacenter dc-a`, `failure domain rack-1`, `prod/cp-1 controlPlane`, `prod/etcd-2 etcd process`. */
  readonly name: string;
  /** Where it is set: `spec.failures.etcd`, `spec.datacenters[0].outage`. */
  readonly path: string;
  /** E[ttf] / (E[ttf] + E[ttr]). */
  readonly availability: number;
  readonly exponential: boolean;
}

export interface ClusterAnswer {
  readonly ok: true;
  readonly model: DeploymentModel;
  /** The processes the three signals depend on (roles that never fail are left out). */
  readonly processes: readonly ProcessSummary[];
  /** One answer per ANALYTIC_SIGNALS entry; etcdQuorum's also says how the quorum is counted. */
  readonly signals: { readonly [S in AnalyticSignal]: S extends 'etcdQuorum' ? QuorumAnswer : SignalAnswer };
  /** Signals the simulation reports that have no analytic answer here, with the reason. */
  readonly unanswered: Readonly<Record<string, string>>;
}

export type ClusterResult = ClusterAnswer | Refusal;

export type AnalyticResult =
  | {
      readonly ok: true;
      readonly scenario: string;
      readonly clusters: Readonly<Record<string, ClusterResult>>;
      /** What the answers assume and how they relate to the simulated values. */
      readonly notes: readonly string[];
    }
  | Refusal;
