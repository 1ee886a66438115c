/** Which clusters serve the global service together: the rule the model's `global/service` signal follows. */
import { MODEL_PRESETS } from './presets.js';
import type { Scenario } from './Scenario.js';

/**
 * The names of the clusters behind the global service: those with workloads whose model serves
 * globally (multi-cluster, federation). A file that holds independent designs side by side
 * (multi-master.yaml) has none; by convention one serving cluster is no global service either,
 * so the answer is empty unless two or more clusters serve.
 */
export function globalServiceClusters(s: Pick<Scenario, 'clusters'>): readonly string[] {
  const serving = s.clusters.filter((c) => c.workloads.length > 0 && MODEL_PRESETS[c.model].servesGlobally).map((c) => c.name);
  return serving.length > 1 ? serving : [];
}
