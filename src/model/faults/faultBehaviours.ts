/** What each kind of scripted fault does to the world, keyed by the scenario layer's registry of kinds. */
import type { Fault, FaultKind, FaultOf } from '../../scenario/Scenario.js';
import type { FaultBehaviour, FaultContext } from './FaultContext.js';
import { recordFault } from './FaultContext.js';
import { startCrash } from './startCrash.js';
import { startFreeze } from './startFreeze.js';
import { startOutage } from './startOutage.js';
import { startPartition } from './startPartition.js';
import { startRollingUpgrade } from './startRollingUpgrade.js';
import { startTenantIncident } from './startTenantIncident.js';

/**
 * One behaviour per kind of src/scenario/faults/faultKinds.ts: a kind added there without a
 * behaviour here does not compile (the mapped type requires every key).
 */
export const FAULT_BEHAVIOURS: { readonly [K in FaultKind]: FaultBehaviour<FaultOf<K>> } = {
  crash: startCrash,
  freeze: startFreeze,
  outage: startOutage,
  partition: startPartition,
  rollingUpgrade: startRollingUpgrade,
  runaway: startTenantIncident,
  compromise: startTenantIncident,
  rollout: (w, f) => {
    recordFault(w, f, `rollout of ${f.bad ? 'bad ' : ''}version ${f.version}`);
    w.federation?.rollout(f.version, f.bad);
    return true;
  },
};

/** Starts a fault now (its `at`); each one schedules its own end. False: it found nothing to act on. */
export function startFault(w: FaultContext, f: Fault): boolean {
  // TypeScript cannot tie FAULT_BEHAVIOURS[f.kind] to f through the union: the table's type does.
  return (FAULT_BEHAVIOURS[f.kind] as FaultBehaviour<Fault>)(w, f);
}
