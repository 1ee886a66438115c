/** The validated, typed scenario: what the parser produces and the model trusts without checks. */
import type { Distribution, SimTime } from '../kernel/index.js';
import type { Fault } from './faults/faultKinds.js';
import type { Lesson } from './Lesson.js';

export type { Fault, FaultKind, FaultOf } from './faults/faultKinds.js';

import type { DeploymentModel } from './presets.js';

export { DEPLOYMENT_MODELS, type DeploymentModel } from './presets.js';

/** The roles that fail at random. */
export const ROLES = ['controlPlane', 'etcd', 'worker', 'loadBalancer'] as const;
export type Role = (typeof ROLES)[number];

/** An alternating failure/repair process: time to failure, then time to repair, and again. */
export interface FailureProcess {
  readonly mttf: Distribution;
  readonly mttr: Distribution;
}

export type RoleFailures = Partial<Record<Role, FailureProcess>>;

export interface DatacenterSpec {
  readonly name: string;
  /** Whole-datacenter outages at random; none when absent. */
  readonly outage?: FailureProcess;
}

/** A rack, power feed or other domain whose failure takes several hosts down at once. */
export interface FailureDomainSpec {
  readonly name: string;
  /** Component names (`prod/cp-1`, `prod/worker-3`); each names the host it runs on. */
  readonly members: readonly string[];
  readonly outage?: FailureProcess;
}

export interface WorkloadSpec {
  readonly name: string;
  readonly replicas: number;
  /** The tenant (namespace) the workload belongs to, in a multi-tenant cluster. */
  readonly tenant?: string;
  /** Replicas that must run for the workload to count as serving (global signals); default 1. */
  readonly minAvailable: number;
}

export interface TenantSpec {
  readonly name: string;
  /** Maximum pods the tenant may run (a ResourceQuota); none when absent. */
  readonly quotaPods?: number;
  /** Whether a default-deny NetworkPolicy isolates the tenant's namespace. */
  readonly networkPolicy: boolean;
}

export interface ClusterSpec {
  readonly name: string;
  readonly model: DeploymentModel;
  /** Datacenter names; hosts are placed round-robin over them, in this order. */
  readonly datacenters: readonly string[];
  readonly controlPlane: { readonly nodes: number };
  readonly etcd: {
    /** Voting members. */
    readonly members: number;
    /** Non-voting learners: they replicate but never count toward quorum nor lead. */
    readonly learners: number;
    /** stacked: member i runs on control-plane node i; external: on hosts of its own. */
    readonly topology: 'stacked' | 'external';
  };
  readonly workers: {
    readonly nodes: number;
    /** Pods a worker can run (Kubernetes' default limit is 110 per node). */
    readonly podsPerNode: number;
  };
  /** The load balancer in front of the apiservers, and the datacenter it lives in. */
  /**
   * The load balancer in front of the apiservers: one instance per listed datacenter (usually
   * one). With several, clients use whichever instance is up (DNS or anycast): the API is
   * reachable while any instance is up and reaches a serving apiserver.
   */
  readonly loadBalancer: { readonly enabled: boolean; readonly datacenters: readonly string[] };
  readonly workloads: readonly WorkloadSpec[];
  readonly tenants: readonly TenantSpec[];
  /** Random failures for this cluster; overrides the scenario-wide ones role by role. */
  readonly failures: RoleFailures;
}

/** Timings of etcd's Raft; defaults from etcd's documentation (see docs/model.md#raft-srcmodelraft). */
export interface RaftSettings {
  readonly heartbeatInterval: SimTime;
  readonly electionTimeout: SimTime;
  readonly preVote: boolean;
  /** Round trip between hosts in one datacenter, and between datacenters. */
  readonly rttIntraDc: SimTime;
  readonly rttInterDc: SimTime;
  /** One disk sync on an etcd member. */
  readonly fsync: SimTime;
}

/** Timings of Kubernetes' controllers; defaults from component-base and the node controller. */
export interface KubernetesSettings {
  readonly leaseDuration: SimTime;
  readonly renewDeadline: SimTime;
  readonly retryPeriod: SimTime;
  /** How long a node whose kubelet stopped renewing its Lease stays Ready (--node-monitor-grace-period). */
  readonly nodeMonitorGracePeriod: SimTime;
  /** How often the node lifecycle controller checks the nodes (--node-monitor-period). */
  readonly nodeMonitorPeriod: SimTime;
  readonly podEvictionTimeout: SimTime;
  readonly podStartup: SimTime;
  /** Nodes a second the node controller taints for eviction, per zone (--node-eviction-rate). */
  readonly nodeEvictionRate: number;
  /** The same in a partly disrupted zone of a large cluster (--secondary-node-eviction-rate). */
  readonly secondaryNodeEvictionRate: number;
  /** Share of a zone's nodes NotReady (with more than 2) that makes it partly disrupted (--unhealthy-zone-threshold). */
  readonly unhealthyZoneThreshold: number;
  /** Zones of at most this many nodes stop evictions when partly disrupted (--large-cluster-size-threshold). */
  readonly largeClusterSizeThreshold: number;
}

/**
 * What the etcd load and latency model (capacity planning) assumes about a cluster's write
 * traffic and its etcd leader; defaults and their sources in scenario/defaults.ts and
 * docs/capacity-planning.md#the-etcd-load-and-latency-model. Only the sweep's load and latency figures use them, except
 * leaseRenewInterval, which the node lifecycle also reads.
 */
export interface EtcdLoadSettings {
  /** Pods on an average worker (capped by each cluster's workers.podsPerNode). */
  readonly podsPerNode: number;
  /** Mean life of a pod: pod churn is podsPerNode / podLifetime per worker. */
  readonly podLifetime: SimTime;
  /** etcd writes over one pod's life. */
  readonly writesPerPod: number;
  /** Events written over one pod's life. */
  readonly eventsPerPod: number;
  /** Whether events go to an etcd of their own (then they load this one not at all). */
  readonly eventsInSeparateEtcd: boolean;
  /**
   * How often each kubelet renews its node Lease. Also the node lifecycle's heartbeat (when a
   * silent node's last renewal was): one setting for one kubelet flag, kept here where it was first.
   */
  readonly leaseRenewInterval: SimTime;
  /** How often a kubelet writes an unchanged node status. */
  readonly nodeStatusReportInterval: SimTime;
  /** Writes per second a 3-member leader commits in etcd's own benchmark. */
  readonly leaderWritesPerSecond: number;
  /** Benchmark writes one Kubernetes write is worth. */
  readonly writeCost: number;
}

export type RolloutStrategy = 'hardCutover' | 'canary' | 'gradual';

export interface FederationSpec {
  /** The cluster that hosts the federation control plane. */
  readonly hostCluster: string;
  /** Member clusters that receive configuration, in rollout order. */
  readonly members: readonly string[];
  readonly rollout: {
    readonly strategy: RolloutStrategy;
    /** Clusters per step for `gradual` (canary always starts with one). */
    readonly stepSize: number;
    /** How long each step bakes before the next. */
    readonly bake: SimTime;
    /** How long a bad version runs before health checks catch it. */
    readonly detect: SimTime;
    /** How long rolling back takes once a bad version is caught. */
    readonly rollback: SimTime;
  };
}

export interface ManagementSpec {
  /** The cluster whose API is the management plane of a multi-cluster deployment. */
  readonly cluster: string;
}

export interface CostSpec {
  readonly currency: string;
  /** Price per host-hour, by role. */
  readonly hourly: Readonly<Record<Role, number>>;
  /** What one minute of `apiWrite` downtime costs, for the expected cost of outages. */
  readonly downtimePerMinute?: number;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The file it came from, for messages; absent for scenarios built in code. */
  readonly file?: string;
  readonly horizon: SimTime;
  readonly replications: number;
  readonly seed: number;
  readonly datacenters: readonly DatacenterSpec[];
  readonly failureDomains: readonly FailureDomainSpec[];
  /** Scenario-wide random failures by role; a role left out never fails at random. */
  readonly failures: RoleFailures;
  readonly clusters: readonly ClusterSpec[];
  readonly faults: readonly Fault[];
  readonly raft: RaftSettings;
  readonly kubernetes: KubernetesSettings;
  readonly etcdLoad: EtcdLoadSettings;
  readonly management?: ManagementSpec;
  readonly federation?: FederationSpec;
  readonly cost: CostSpec;
  /** A guided lesson for the quorum lab (the file's `lesson:` block); the model and reports ignore it. */
  readonly lesson?: Lesson;
}
