/** The binary units a cluster's signals are evaluated on: single processes, or atoms of processes always needed together. */
import type { Condition, ClusterStructure } from './structure.js';

/** Independent units: up when all their processes are up. */
export interface Unit {
  readonly processes: readonly number[];
  readonly up: number;
  readonly down: number;
  /** Rate of leaving up, per second up: the sum of 1 / E[ttf] of its processes. */
  readonly failureRate: number;
}

export interface Units {
  readonly units: readonly Unit[];
  /** Process index -> unit index, or -1 for a process no signal depends on. */
  readonly unitOf: readonly number[];
}

/** The conditions the three signals read; members only when some apiserver needs any member. */
export function usedConditions(st: ClusterStructure): Condition[] {
  return [
    ...st.voters,
    ...st.loadBalancers,
    ...st.writers,
    ...st.readers.map((r) => r.condition),
    ...(st.readers.some((r) => r.needsAnyMember) ? st.voters : []),
  ];
}

/** One unit per process that some signal depends on (the route of the Markov chain). */
export function processUnits(st: ClusterStructure, conditions: readonly Condition[] = usedConditions(st)): Units {
  return group(st, conditions, (p) => String(p));
}

/**
 * Processes merged into atoms: processes that appear in exactly the same conditions are only
 * ever needed together, so their AND is one unit with up = product of ups. This is exact for
 * availability, and for outage rates too: an atom leaves up at the sum of its processes' 1/E[ttf]
 * (each process fails at long-run rate up_j / E[ttf_j] while the rest of the atom is up).
 * A stacked member's host and etcd process, for instance, become one atom.
 */
export function atomUnits(st: ClusterStructure, conditions: readonly Condition[] = usedConditions(st)): Units {
  const signature = new Map<number, number[]>();
  conditions.forEach((c, ci) => c.forEach((p) => signature.set(p, [...(signature.get(p) ?? []), ci])));
  return group(st, conditions, (p) => signature.get(p)!.join(','));
}

function group(st: ClusterStructure, conditions: readonly Condition[], key: (p: number) => string): Units {
  const used = new Set(conditions.flat());
  const unitOf = st.processes.map(() => -1);
  const members: number[][] = [];
  const index = new Map<string, number>();
  st.processes.forEach((_, p) => {
    if (!used.has(p)) return;
    const k = key(p);
    let u = index.get(k);
    if (u === undefined) {
      u = members.length;
      index.set(k, u);
      members.push([]);
    }
    members[u]!.push(p);
    unitOf[p] = u;
  });
  return { units: members.map((ps) => conditionUnit(st, ps)), unitOf };
}

/** The unit that is up while all of `processes` are. */
export function conditionUnit(st: ClusterStructure, processes: readonly number[]): Unit {
  const procs = processes.map((p) => st.processes[p]!);
  return {
    processes,
    up: procs.reduce((a, p) => a * p.up, 1),
    // 1 - prod(1 - down_j) without cancellation, so a small down keeps its digits.
    // (0 - x rather than -x, so that "never down" is 0 and not -0.)
    down: 0 - Math.expm1(procs.reduce((a, p) => a + Math.log1p(-p.down), 0)),
    failureRate: procs.reduce((a, p) => a + p.failureRate, 0),
  };
}
