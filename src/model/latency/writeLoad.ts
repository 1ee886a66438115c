/** The write rate a cluster's workers, pods and control plane put on etcd, by source, in writes per second. */
import { ETCD_LOAD_DEFAULTS } from '../../scenario/defaults.js';
import type { EtcdLoadSettings } from '../../scenario/Scenario.js';

/**
 * What the load model assumes, each with where it comes from. Rates are per second, intervals in
 * seconds. The defaults describe a steady cluster at Kubernetes' documented limits; a scenario's
 * spec.etcdLoad describes a busier one (etcdModelAssumptions).
 */
export interface WriteLoadAssumptions {
  /**
   * The kubelet renews its node Lease (one update of a small object) every 10 s; the lease lasts
   * 40 s (docs/domain.md#node-heartbeats; Kubernetes "Nodes", heartbeats).
   */
  readonly leaseRenewInterval: number;
  /**
   * The kubelet checks node status every 10 s (nodeStatusUpdateFrequency) but, with node leases,
   * writes it only when it changed or when 5 minutes passed without a write
   * (nodeStatusReportFrequency, kubelet configuration defaults). We assume a steady node's status
   * does not change between reports (conditions, capacity and addresses are stable; image lists
   * change with rollouts, counted below), so one write per node every 5 minutes.
   */
  readonly nodeStatusReportInterval: number;
  /**
   * Pods running on an average worker. Kubernetes' documented limits are 5,000 nodes and 150,000
   * pods ("Considerations for large clusters"; docs/domain.md#large-clusters): 30 pods per node on average at the
   * limit (derived). Capped by the scenario's podsPerNode.
   */
  readonly podsPerNode: number;
  /** Mean life of a pod, in seconds: an assumption (a daily rollout, or jobs as often). */
  readonly podLifetime: number;
  /** Writes to etcd over one pod's life, itemised below (an assumption from the pod lifecycle). */
  readonly writesPerPod: number;
  /**
   * Events written over one pod's life: Scheduled, Pulled (image already present), Created,
   * Started, Killing, as the scheduler and kubelet record them for a normal lifecycle; each event
   * is one create (event series updates and TTL expiry are not counted).
   */
  readonly eventsPerPod: number;
  /** Whether events go to a separate etcd, as large clusters may do (docs/domain.md#large-clusters). */
  readonly eventsInSeparateEtcd: boolean;
}

/**
 * Writes over one pod's life (an assumption, from the pod lifecycle): the ReplicaSet controller
 * creates it (1), the scheduler binds it (1), the kubelet reports it started and then ready (2),
 * the EndpointSlice controller adds it (1), the ReplicaSet's status counts it (1); at the end the
 * pod is marked for deletion (1), the kubelet reports it stopped (1), it is deleted (1), removed
 * from its EndpointSlice (1) and the ReplicaSet's status counts it again (1).
 */
export const WRITES_PER_POD_LIFECYCLE = {
  create: 1,
  bind: 1,
  kubeletStatusOnStart: 2,
  endpointSliceAdd: 1,
  replicaSetStatusOnStart: 1,
  markForDeletion: 1,
  kubeletStatusOnStop: 1,
  delete: 1,
  endpointSliceRemove: 1,
  replicaSetStatusOnStop: 1,
} as const;

/** The load assumptions a scenario's spec.etcdLoad sets. */
export function writeLoadAssumptions(s: EtcdLoadSettings): WriteLoadAssumptions {
  return {
    leaseRenewInterval: s.leaseRenewInterval,
    nodeStatusReportInterval: s.nodeStatusReportInterval,
    podsPerNode: s.podsPerNode,
    podLifetime: s.podLifetime,
    writesPerPod: s.writesPerPod,
    eventsPerPod: s.eventsPerPod,
    eventsInSeparateEtcd: s.eventsInSeparateEtcd,
  };
}

/** The defaults, from spec.etcdLoad's (a test checks writesPerPod against WRITES_PER_POD_LIFECYCLE). */
export const WRITE_LOAD_ASSUMPTIONS: WriteLoadAssumptions = writeLoadAssumptions(ETCD_LOAD_DEFAULTS);

/** What a cluster offers the load model: its size and the control plane's lease renewals. */
export interface LoadInput {
  readonly workers: number;
  /** The scenario's podsPerNode: how many pods a worker can run (caps the assumed density). */
  readonly podsPerNodeLimit: number;
  /**
   * kube-scheduler and kube-controller-manager each renew their leader Lease every retry period
   * (2 s by default, component-base; the scenario's kubernetes.retryPeriod).
   */
  readonly leaderElectionRetryPeriod: number;
}

/** Writes per second to one etcd cluster, by source. */
export interface WriteLoad {
  readonly nodeLeases: number;
  readonly nodeStatus: number;
  readonly pods: number;
  readonly events: number;
  readonly controlPlaneLeases: number;
  readonly total: number;
}

/**
 * The offered write rate: every rate is linear in the number of workers except the two
 * control-plane leader leases, so the load of 5,000 workers is 50 times that of 100.
 */
export function writeLoad(input: LoadInput, a: WriteLoadAssumptions = WRITE_LOAD_ASSUMPTIONS): WriteLoad {
  const workers = Math.max(0, input.workers);
  const pods = workers * Math.min(a.podsPerNode, input.podsPerNodeLimit);
  const podStarts = pods / a.podLifetime;
  const nodeLeases = workers / a.leaseRenewInterval;
  const nodeStatus = workers / a.nodeStatusReportInterval;
  const podWrites = podStarts * a.writesPerPod;
  const events = a.eventsInSeparateEtcd ? 0 : podStarts * a.eventsPerPod;
  const controlPlaneLeases = 2 / input.leaderElectionRetryPeriod;
  return {
    nodeLeases,
    nodeStatus,
    pods: podWrites,
    events,
    controlPlaneLeases,
    total: nodeLeases + nodeStatus + podWrites + events + controlPlaneLeases,
  };
}
