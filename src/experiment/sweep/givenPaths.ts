/** Which swept paths describe the load a cluster must carry (given) rather than a design choice (chosen). */
import type { SweepParameter } from './SweepSummary.js';

/**
 * The worker count, pod density and the traffic of spec.etcdLoad are what the planner's workloads
 * dictate, not something the etcd design can trade: a recommendation is made for each of their
 * values (the cheapest design at 5,000 workers, not "run 100 workers instead"). Any path ending
 * in workers.nodes or workers.podsPerNode counts, whatever cluster prefix it has, and any
 * etcdLoad field (spec. or not).
 */
export function givenPaths(parameters: readonly SweepParameter[]): string[] {
  return parameters.map((p) => p.path).filter((path) => /(^|[.\]])workers\.(nodes|podsPerNode)$/.test(path) || /^(spec\.)?etcdLoad\./.test(path));
}
