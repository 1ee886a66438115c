/** The summary document: the JSON contract that users' pipelines read (see README, "JSON summary"). */

/** A mean with its 95% confidence interval across replications (Student t). */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
}

export interface SignalSummary {
  /** Fraction of time up, averaged over replications. */
  readonly availability: Estimate;
  /** -log10(1 - availability): 3 for 99.9%; null when never down. */
  readonly nines: number | null;
  readonly downtimeSecondsPerYear: number;
  readonly outagesPerYear: number;
  /** Mean and 99th percentile of outage lengths over all replications; null when none. */
  readonly meanOutageSeconds: number | null;
  readonly p99OutageSeconds: number | null;
  readonly longestOutageSeconds: number | null;
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
  readonly longestOutageSeconds: number;
}
