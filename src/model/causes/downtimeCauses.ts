/** The causes a signal's downtime is attributed to, with their ids and the keys reports show (docs/downtime-by-cause.md). */
import { formatDuration } from '../../kernel/index.js';
import type { Fault, Scenario } from '../../scenario/Scenario.js';
import { faultDefinition } from '../../scenario/faults/faultKinds.js';
import { processSpecs, type RandomCause } from '../FailureProcesses.js';
import type { Topology } from '../Topology.js';

/** The random causes in the order reports list them, with their keys. */
const RANDOM_KEYS: readonly (readonly [RandomCause, string])[] = [
  ['etcd', 'random etcd failure'],
  ['controlPlane', 'random control-plane failure'],
  ['worker', 'random worker failure'],
  ['loadBalancer', 'random load-balancer failure'],
  ['datacenter', 'random datacenter outage'],
  ['domain', 'random failure-domain outage'],
];

/** The mechanisms that keep a signal down after every cause has ended. */
export type Mechanism = 'election' | 'lease' | 'rescheduling';

const MECHANISM_KEYS: readonly (readonly [Mechanism, string])[] = [
  ['election', 'leader election'],
  ['lease', 'lease handover'],
  ['rescheduling', 'eviction and rescheduling'],
];

/**
 * Ids 0..faults-1 are the scripted faults, in scenario order; then the random causes the
 * scenario has; then the three mechanisms. `keys[id]` names each.
 */
export interface DowntimeCauses {
  readonly keys: readonly string[];
  /** The id of each random cause the scenario has (absent: it has no such process). */
  readonly random: Readonly<Partial<Record<RandomCause, number>>>;
  readonly mechanism: Readonly<Record<Mechanism, number>>;
}

/** A fault's key: `fault <name>` when named, else `fault <n>: <description>` (n 1-based, in scenario order). */
export function faultCauseKey(f: Fault, index: number): string {
  return f.name !== undefined ? `fault ${f.name}` : `fault ${index + 1}: ${faultDefinition(f).describe(f, formatDuration)}`;
}

export function downtimeCauses(s: Scenario, topology: Topology): DowntimeCauses {
  const keys = s.faults.map(faultCauseKey);
  const present = new Set(processSpecs(s, topology).map((p) => p.category));
  const random: Partial<Record<RandomCause, number>> = {};
  for (const [cause, key] of RANDOM_KEYS) {
    if (!present.has(cause)) continue;
    random[cause] = keys.length;
    keys.push(key);
  }
  const mechanism = {} as Record<Mechanism, number>;
  for (const [m, key] of MECHANISM_KEYS) {
    mechanism[m] = keys.length;
    keys.push(key);
  }
  return { keys, random, mechanism };
}
