/** The summary document: the JSON contract that users' pipelines read (docs/commands.md#the-json-summary-the-contract). */
import type { FaultCostSummary } from './faultCost/FaultCost.js';

/** A mean with its 95% confidence interval; null when there is no evidence to estimate one from (one replication). */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
}

/** Which estimator produced a signal's numbers. */
export type Method = 'naive' | 'importance-sampling';

/**
 * How far a signal's number can be trusted (docs/reports.md#how-sure-is-this-number):
 * - ok: enough outages, none dominating;
 * - few-outages: fewer outages than the estimate needs to be stable;
 * - no-outages: none observed; read `bound`, not the mean;
 * - dominated: a few long outages hold most of the downtime, so another run may differ a lot;
 * - single-replication: one replication, no spread to estimate an interval from.
 */
export type TrustLevel = 'ok' | 'few-outages' | 'no-outages' | 'dominated' | 'single-replication';

export interface Trust {
  readonly level: TrustLevel;
  /** Outages the verdict rests on (for importance sampling: cycles that reached an outage). */
  readonly outages: number;
  /** One sentence for people: why this level. */
  readonly reason: string;
  /** When the verdict rests on another signal's outages (apiWrite on etcdQuorum's quorum losses): that signal. */
  readonly basis?: string;
}

/** When no outage was observed: a one-sided 95% lower bound on availability from the simulated time. */
export interface AvailabilityBound {
  readonly availability: number;
  readonly method: 'rule-of-three';
  readonly simulatedYears: number;
  /** The outage length the bound assumes (the longest mean repair time that can cause one). */
  readonly assumedOutageSeconds: number;
}

/** The exact steady-state value from `kubesim analytic`, where it can give one. */
export interface ExactValue {
  readonly availability: number;
  /** Whether it lies inside the simulated 95% CI; null without a CI. */
  readonly withinCi: boolean | null;
}

export interface SignalSummary {
  /** Fraction of time up: the mean over replications (naive) or the rare-event estimate. */
  readonly availability: Estimate;
  readonly method: Method;
  readonly trust: Trust;
  /** Present when no outage was observed (then `nines` is null). */
  readonly bound: AvailabilityBound | null;
  readonly exact: ExactValue | null;
  /** -log10(1 - availability): 3 for 99.9%; null when never down (read `bound`). */
  readonly nines: number | null;
  readonly downtimeSecondsPerYear: number;
  readonly outagesPerYear: number;
  /** Mean and 99th percentile of outage lengths over all replications; null when none. */
  readonly meanOutageSeconds: number | null;
  readonly p99OutageSeconds: number | null;
  readonly longestOutageSeconds: number | null;
  /**
   * The replication with the most downtime of this signal (the first such, by number), to narrate
   * with `kubesim explain --replication worst --signal <name>`; null when none had any downtime or
   * the estimate is not per replication (importance sampling).
   */
  readonly worstReplication: WorstReplication | null;
  /**
   * Seconds per year of the downtime each cause produced (docs/downtime-by-cause.md): every
   * scripted fault, random failure by role, and mechanism, in that order; they add up to
   * `downtimeSecondsPerYear` (to rounding). Null for the rare-event estimate (its episodes are biased).
   */
  readonly downtimeByCause: Readonly<Record<string, number>> | null;
}

export interface WorstReplication {
  readonly replication: number;
  /** Its downtime of the signal over the whole horizon, and its outages. */
  readonly downSeconds: number;
  readonly outages: number;
}

export interface CostSummary {
  readonly currency: string;
  /** Price of the hosts per month (730 hours), in total and by role. */
  readonly perMonth: number;
  readonly byRole: Readonly<Record<string, number>>;
  /** Expected cost of apiWrite downtime per month, when a price per minute is set. */
  readonly downtimePerMonth?: number;
}

export interface ClusterSummary {
  readonly model: string;
  /** Keyed by signal name: etcdQuorum, apiWrite, apiRead, scheduling, workloads, tenant:<name>... */
  readonly signals: Readonly<Record<string, SignalSummary>>;
  /** Time-weighted fraction of desired workload replicas running; absent without workloads. */
  readonly replicaFraction?: Estimate;
  /** Failures tolerated by the etcd voters (src/quorum: n - quorumSize(n)). */
  readonly etcdFailuresTolerated: number;
  /** Per tenant, in multi-tenant clusters: how many other tenants each incident touched. */
  readonly tenants?: Readonly<Record<string, TenantSummary>>;
  readonly cost: CostSummary;
}

export interface TenantSummary {
  /** Seconds per year this tenant's workloads were starved by a neighbour's runaway workload. */
  readonly harmedSecondsPerYear: number;
  /** Seconds per year a compromised neighbour could reach this tenant's services. */
  readonly exposedSecondsPerYear: number;
  /** Mean number of other tenants harmed by each incident this tenant caused. */
  readonly blastRadius: number;
}

/** Why an adaptive run (`--precision`) stopped. */
export type StopReason = 'precision' | 'max-replications' | 'max-episodes' | 'max-time';

/** One requested signal of an adaptive run: how precise its unavailability came out. */
export interface PrecisionSignal {
  readonly cluster: string;
  readonly signal: string;
  readonly method: Method;
  /** 95% half-width of the unavailability over the unavailability; null when none can be given (no outage seen). */
  readonly relativeHalfWidth: number | null;
  readonly reached: boolean;
}

/** What `--precision` asked for and what it got. */
export interface PrecisionSummary {
  /** The relative 95% half-width asked for, e.g. 0.1 for 10%. */
  readonly target: number;
  readonly reached: boolean;
  readonly stoppedBy: StopReason;
  /** Batches of replications run (each as many replications as the scenario asks for). */
  readonly batches: number;
  /** Rare-event episodes run (0 when no signal needed the rare-event method). */
  readonly episodes: number;
  readonly signals: readonly PrecisionSignal[];
}

export interface Summary {
  readonly kubesim: string;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly horizonSeconds: number;
  readonly clusters: Readonly<Record<string, ClusterSummary>>;
  readonly global: {
    readonly signals: Readonly<Record<string, SignalSummary>>;
    /** Federation rollouts: clusters a bad version reached, mean over replications. */
    readonly badVersionReach?: Estimate;
  };
  readonly cost: { readonly currency: string; readonly perMonth: number; readonly downtimePerMonth?: number };
  /** Present for adaptive runs (`--precision`). */
  readonly precision?: PrecisionSummary;
  /** Present with `run --fault-cost`: what each scripted fault cost (docs/fault-cost.md). */
  readonly faultCost?: FaultCostSummary;
}

/** One row of signals.csv: one signal of one cluster (or `global`) in one replication. */
export interface ReplicationRow {
  readonly replication: number;
  readonly cluster: string;
  readonly signal: string;
  readonly availability: number;
  readonly upSeconds: number;
  readonly downSeconds: number;
  readonly outages: number;
  /** null when the replication had no outage of the signal (an empty cell in signals.csv). */
  readonly longestOutageSeconds: number | null;
}
