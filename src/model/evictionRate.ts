/**
 * How fast the node lifecycle controller evicts, zone by zone: Kubernetes "Nodes" (rate limits on
 * eviction) and kube-controller-manager's node_lifecycle_controller.go (ComputeZoneState,
 * ReducedQPSFunc, HealthyQPSFunc). Pure functions: no kernel, no state.
 */

export type ZoneState = 'normal' | 'partialDisruption' | 'fullDisruption';

/** The kube-controller-manager flags the rules read (spec.kubernetes). */
export interface EvictionSettings {
  readonly nodeEvictionRate: number;
  readonly secondaryNodeEvictionRate: number;
  readonly unhealthyZoneThreshold: number;
  readonly largeClusterSizeThreshold: number;
}

/**
 * A zone with no Ready node (and some NotReady) is fully disrupted; one with more than 2 NotReady
 * nodes making up at least the threshold is partly disrupted; any other is normal.
 */
export function zoneState(ready: number, notReady: number, unhealthyZoneThreshold: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'fullDisruption';
  if (notReady > 2 && notReady / (ready + notReady) >= unhealthyZoneThreshold) return 'partialDisruption';
  return 'normal';
}

/**
 * Nodes a second the controller taints in a zone of `zoneSize` nodes. A normal zone and a fully
 * disrupted one (its workloads should move to healthy zones) get the normal rate; a partly
 * disrupted one the secondary rate, or none when it has at most largeClusterSizeThreshold nodes.
 * When every zone is fully disrupted the controller suspects its own connectivity and evicts
 * nothing anywhere.
 */
export function zoneEvictionRate(state: ZoneState, zoneSize: number, allFullyDisrupted: boolean, k: EvictionSettings): number {
  if (allFullyDisrupted) return 0;
  if (state === 'partialDisruption') return zoneSize > k.largeClusterSizeThreshold ? k.secondaryNodeEvictionRate : 0;
  return k.nodeEvictionRate;
}
