/** The hosts a cluster runs on, by role: what the cost model prices and a capacity plan counts. */
import { MODEL_PRESETS } from './presets.js';
import type { ClusterSpec, Role } from './Scenario.js';

/**
 * Hosts a cluster pays for, by role. Stacked etcd members live on control-plane nodes and cost
 * nothing extra; external members (and learners) are hosts of role etcd. A single-server cluster is one host,
 * priced as a control-plane node, that also runs etcd and the workloads: its other counts are ignored.
 */
export function hostCounts(cluster: ClusterSpec): Record<Role, number> {
  if (MODEL_PRESETS[cluster.model].singleHost) return { controlPlane: 1, etcd: 0, worker: 0, loadBalancer: 0 };
  const etcdHosts = cluster.etcd.topology === 'external' ? cluster.etcd.members + cluster.etcd.learners : 0;
  return {
    controlPlane: cluster.controlPlane.nodes,
    etcd: etcdHosts,
    worker: cluster.workers.nodes,
    loadBalancer: cluster.loadBalancer.enabled ? cluster.loadBalancer.datacenters.length : 0,
  };
}
