/** kubesim's side of the calibration: the scripted scenario of each case, many replications, one apiWrite gap each. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** The scenario file of a case and a size: calibrate/scenarios/<case>-<members>.yaml. */
export function scenarioFile(caseName, members) {
  return `${SCENARIOS}${caseName}-${members}.yaml`;
}

/**
 * Runs `replications` replications of the case's scenario through the built library (dist/)
 * and returns each replication's write gap: the longest apiWrite outage of cluster `c`, as the
 * real side takes the longest interval between successful writes. The scenario holds one fault,
 * so this is its apiWrite downtime whenever the fault causes one outage; where the model
 * answers one fault with two outages (a rejoining member forcing a second election), the
 * longest is what a client would have measured, and `multiOutage` counts such replications.
 */
export async function kubesimGaps(caseName, members, replications) {
  const dist = `${ROOT}dist/`;
  if (!existsSync(`${dist}model/Replication.js`)) throw new Error(`calibrate: ${dist} has no build; run 'npm run build' first`);
  const { loadScenario } = await import(`${dist}scenario/index.js`);
  const { buildTopology } = await import(`${dist}model/Topology.js`);
  const { runReplication } = await import(`${dist}model/Replication.js`);
  const scenario = loadScenario(scenarioFile(caseName, members));
  const topology = buildTopology(scenario);
  const gaps = [];
  const outages = [];
  for (let rep = 0; rep < replications; rep++) {
    const result = runReplication(scenario, topology, rep);
    const s = result.signals.find((x) => x.cluster === 'c' && x.signal === 'apiWrite');
    gaps.push(s.stats.longestOutage);
    outages.push(s.stats.outages);
  }
  return { gaps, multiOutage: outages.filter((o) => o > 1).length };
}
