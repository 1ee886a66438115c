/** How long a scripted fault is in effect from its `at`: the span its downtime is attributed to it (docs/downtime-by-cause.md). */
import type { SimTime } from '../../kernel/index.js';
import type { Fault, Scenario } from '../../scenario/Scenario.js';
import { faultDefinition } from '../../scenario/faults/faultKinds.js';
import type { Topology } from '../Topology.js';

/**
 * Its `for` for most kinds; a rolling upgrade's batches one after another; a rollout's
 * detection and rollback when the version is bad (what the kind's definition says it holds down).
 */
export function faultSpan(f: Fault, s: Scenario, topology: Topology): SimTime {
  if (f.kind !== 'rollingUpgrade') return faultDefinition(f).downSeconds(f, s);
  const [clusterName, role] = f.target.split('/') as [string, string];
  const layout = topology.clusters.find((c) => c.spec.name === clusterName);
  if (!layout) return 0;
  const n = role === 'controlPlane' ? layout.controlPlane.length : role === 'etcd' ? layout.etcd.length : layout.workers.length;
  return Math.ceil(n / f.surge) * f.each;
}
