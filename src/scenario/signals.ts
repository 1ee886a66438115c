/** The availability signals every cluster reports: the one list of their names, in report order (the JSON contract). */

/**
 * Per cluster, in the order reports show them (docs/model.md#signals says when each is up):
 * etcdQuorum, apiWrite, apiRead, scheduling, workloads. Tenants' and global signals follow.
 */
export const CLUSTER_SIGNALS = ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling', 'workloads', 'serving'] as const;
export type ClusterSignal = (typeof CLUSTER_SIGNALS)[number];

/**
 * The signals that are down whenever etcdQuorum is: writes need a quorum, scheduling needs writes
 * (src/model/ClusterModel.ts). Their downtime includes every quorum loss, so their estimate is no
 * surer than etcdQuorum's about those.
 */
export const NEEDS_QUORUM = ['apiWrite', 'scheduling'] as const satisfies readonly ClusterSignal[];

/**
 * The signals `kubesim analytic` answers exactly. The other two depend on lease timers,
 * evictions and rescheduling, which the Markov chains leave out.
 */
export const ANALYTIC_SIGNALS = ['etcdQuorum', 'apiWrite', 'apiRead'] as const satisfies readonly ClusterSignal[];
export type AnalyticSignal = (typeof ANALYTIC_SIGNALS)[number];
