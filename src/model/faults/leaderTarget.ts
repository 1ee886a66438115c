/** `<cluster>/etcd-leader` in a fault: whichever etcd member leads that cluster when the fault starts. */
import type { WorldParts } from './FaultContext.js';

const SUFFIX = '/etcd-leader';

/** Whether a fault target names the leader of the moment rather than a component. */
export function namesLeader(target: string): boolean {
  return target.endsWith(SUFFIX);
}

/** The component id of the member that leads the named cluster now, or undefined when it has no leader. */
export function leaderComponent(w: WorldParts, target: string): number | undefined {
  const cluster = w.clusters.find((c) => `${c.name}${SUFFIX}` === target);
  if (!cluster || cluster.etcd.leader < 0) return undefined;
  return cluster.layout.etcd[cluster.etcd.leader];
}
