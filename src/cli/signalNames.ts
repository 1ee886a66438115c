/** The signal names a scenario produces, for checking flags that name signals before anything runs. */
import { runDigests } from '../experiment/runDigests.js';
import type { Scenario } from '../scenario/Scenario.js';

/**
 * From a replication cut to a millisecond (every signal exists from the start), so the names are
 * exactly the model's: tenants' and global signals included.
 */
export function signalNames(scenario: Scenario): string[] {
  return [...new Set(clusterSignals(scenario).map((s) => s.signal))];
}

/** The same, with the cluster of each (`global` for the global signals), in report order. */
export function clusterSignals(scenario: Scenario): { readonly cluster: string; readonly signal: string }[] {
  const { digests } = runDigests({ ...scenario, horizon: 0.001, faults: [] }, [0]);
  return digests[0]!.signals.map(({ cluster, signal }) => ({ cluster, signal }));
}
