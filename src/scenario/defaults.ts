/** Default values of the scenario format, each with the etcd or Kubernetes default it mirrors. */
import { HOUR, MINUTE, YEAR } from '../kernel/index.js';
import type { CostSpec, EtcdLoadSettings, FederationSpec, KubernetesSettings, RaftSettings } from './Scenario.js';

export const SCENARIO_DEFAULTS = {
  horizon: YEAR,
  replications: 100,
  seed: 1,
  /** The datacenter of a scenario that declares none. */
  datacenter: 'dc-1',
} as const;

/**
 * The most replications a scenario (`spec.replications`), `--replications` or a partial file's
 * job may ask for: a million replications already pin any availability far past what the
 * inputs justify, and the bound keeps per-replication bookkeeping allocatable whatever a file claims.
 */
export const MAX_REPLICATIONS = 1_000_000;

export const RAFT_DEFAULTS: RaftSettings = {
  // etcd --heartbeat-interval default 100 ms (etcd docs, "Tuning").
  heartbeatInterval: 0.1,
  // etcd --election-timeout default 1000 ms (etcd docs, "Tuning").
  electionTimeout: 1.0,
  // etcd --pre-vote: false in 3.4, true by default since 3.5 (etcd configuration flags).
  preVote: true,
  // "A few hundred microseconds" of round trip inside a datacenter (etcd docs, "optimal cluster size").
  rttIntraDc: 0.0005,
  // ~50-130 ms of round trip across a continent (same source): the low end, datacenters of one region.
  rttInterDc: 0.05,
  // fsync is under 1 ms on SSD and ~10 ms on HDD (same source): an illustrative SSD with some load.
  fsync: 0.002,
};

export const KUBERNETES_DEFAULTS: KubernetesSettings = {
  // kube-scheduler and kube-controller-manager --leader-elect-lease-duration 15s,
  // --leader-elect-renew-deadline 10s, --leader-elect-retry-period 2s (component-base defaults).
  leaseDuration: 15,
  renewDeadline: 10,
  retryPeriod: 2,
  // kube-controller-manager --node-monitor-grace-period: 50s since Kubernetes 1.32 (40s before).
  nodeMonitorGracePeriod: 50,
  // kube-controller-manager --node-monitor-period: 5s, how often the node lifecycle controller
  // checks every node's lease (kube-controller-manager reference).
  nodeMonitorPeriod: 5,
  // The DefaultTolerationSeconds admission plugin gives every pod not-ready and unreachable
  // tolerations of 300 s, after which the pods of a NotReady node are evicted.
  podEvictionTimeout: 300,
  // Not a Kubernetes default: an assumption (image cached, quick readiness probe).
  podStartup: 10,
  // kube-controller-manager --node-eviction-rate 0.1, --secondary-node-eviction-rate 0.01,
  // --unhealthy-zone-threshold 0.55, --large-cluster-size-threshold 50 (Kubernetes "Nodes",
  // rate limits on eviction).
  nodeEvictionRate: 0.1,
  secondaryNodeEvictionRate: 0.01,
  unhealthyZoneThreshold: 0.55,
  largeClusterSizeThreshold: 50,
};

/** The etcd load model's defaults: a steady cluster at Kubernetes' documented limits (sources in model/latency). */
export const ETCD_LOAD_DEFAULTS: EtcdLoadSettings = {
  // 150,000 pods on 5,000 nodes ("Considerations for large clusters"): 30 per node on average.
  podsPerNode: 30,
  // An assumption: every pod replaced once a day (a daily rollout, or jobs as often).
  podLifetime: 86_400,
  // The pod lifecycle's writes, itemised in model/latency/writeLoad.ts (WRITES_PER_POD_LIFECYCLE).
  writesPerPod: 11,
  // Scheduled, Pulled, Created, Started, Killing.
  eventsPerPod: 5,
  eventsInSeparateEtcd: false,
  // The kubelet renews its node Lease every 10 s (Kubernetes "Nodes", heartbeats).
  leaseRenewInterval: 10,
  // nodeStatusReportFrequency: 5 minutes when the status does not change (kubelet defaults).
  nodeStatusReportInterval: 300,
  // etcd v3.5 "Performance": 44,341 writes/s to the leader of 3 members (8 vCPU, SSD, 256-byte values).
  leaderWritesPerSecond: 44_341,
  // An assumption, meant to be conservative: a revision-checked transaction on a 0.5-15 KB object,
  // fanned out to every apiserver's watch cache, against the benchmark's 256-byte put.
  writeCost: 10,
};

/** Limits on the Raft and leader-election timings, from the checks etcd and client-go make. */
export const TIMING_RULES = {
  // etcd refuses to start when 5 * heartbeat-interval > election-timeout, or when the election
  // timeout exceeds maxElectionMs = 50000 (etcd server/embed/config.go, Config.Validate).
  electionPerHeartbeat: 5,
  maxElectionTimeout: 50,
  // client-go's NewLeaderElector requires leaseDuration > renewDeadline and
  // renewDeadline > JitterFactor * retryPeriod, with JitterFactor = 1.2
  // (k8s.io/client-go/tools/leaderelection/leaderelection.go).
  leaderElectionJitter: 1.2,
} as const;

export const FEDERATION_ROLLOUT_DEFAULTS: FederationSpec['rollout'] = {
  // Canary first: the usual safe practice; each step bakes an hour, a bad version is caught
  // within 10 minutes and rolled back in 5 (illustrative values, not from a federation tool).
  strategy: 'canary',
  stepSize: 1,
  bake: HOUR,
  detect: 10 * MINUTE,
  rollback: 5 * MINUTE,
};

/** Illustrative on-demand prices per host-hour (a 2-4 vCPU cloud instance; a managed LB), not a quote. */
export const COST_DEFAULTS: CostSpec = {
  currency: 'USD',
  hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 },
};
