/** Which random failure processes can take a control-plane component down: the ones a rare-event episode follows. */
import type { RandomStreams } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { buildProcesses, type Process } from '../FailureProcesses.js';
import type { Topology } from '../Topology.js';

/**
 * Critical: every datacenter and failure-domain process, every process of a component that is
 * not a worker (a stacked etcd member's), and every host process of a host that runs etcd, an
 * apiserver (with the controller-manager and scheduler) or a load balancer. A worker-only
 * host's failures reach only the workloads (ClusterModel: the control-plane signals read the
 * etcd voters, the control-plane nodes and the load balancers, never a worker).
 */
export function isCritical(p: Process, topology: Topology): boolean {
  const t = p.target;
  switch (t.kind) {
    case 'datacenter':
    case 'domain':
      return true;
    case 'component':
      return topology.components[t.id]!.kind !== 'worker';
    case 'host':
      return topology.components.some((c) => c.host === t.id && c.kind !== 'worker');
  }
}

/** The critical processes, in buildProcesses' order, with streams named after `prefix`. */
export function criticalProcesses(s: Scenario, topology: Topology, streams: RandomStreams, prefix: string): Process[] {
  return buildProcesses(s, topology, streams, prefix).filter((p) => isCritical(p, topology));
}
