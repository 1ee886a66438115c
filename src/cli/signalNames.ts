/** The signal names a scenario produces, for checking flags that name signals before anything runs. */
import { runDigests } from '../experiment/runDigests.js';
import type { Scenario } from '../scenario/Scenario.js';

/**
 * From a replication cut to a millisecond (every signal exists from the start), so the names are
 * exactly the model's: tenants' and global signals included.
 */
export function signalNames(scenario: Scenario): string[] {
  const { digests } = runDigests({ ...scenario, horizon: 0.001, faults: [] }, [0]);
  return [...new Set(digests[0]!.signals.map((s) => s.signal))];
}
