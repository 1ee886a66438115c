/** How kubesim places a role's hosts over a cluster's datacenters (round-robin, in order), to compare with where the nodes really are. */

/** Hosts each datacenter gets when `hosts` are dealt round-robin over `datacenters` of them, first datacenter first. */
export function roundRobinCounts(hosts: number, datacenters: number): number[] {
  return Array.from({ length: datacenters }, (_, i) => Math.floor(hosts / datacenters) + (i < hosts % datacenters ? 1 : 0));
}

/**
 * `dc-a 2 (simulated 1), dc-b 0 (simulated 1)`: the datacenters whose real count differs from the
 * round-robin one, or '' when they all agree.
 */
export function placementDifferences(names: readonly string[], real: readonly number[], simulated: readonly number[]): string {
  return names
    .map((name, i) => (real[i] === simulated[i] ? '' : `${name} ${real[i]} (simulated ${simulated[i]})`))
    .filter((s) => s !== '')
    .join(', ');
}
