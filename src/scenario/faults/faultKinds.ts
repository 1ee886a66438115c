/** The registry of scripted fault kinds: the one list every parser, schema, report and behaviour derives from. */
import { compromise } from './compromise.js';
import { crash } from './crash.js';
import { freeze } from './freeze.js';
import type { FaultBase, FaultDefinition } from './FaultDefinition.js';
import { outage } from './outage.js';
import { partition } from './partition.js';
import { rollingUpgrade } from './rollingUpgrade.js';
import { rollout } from './rollout.js';
import { runaway } from './runaway.js';

/**
 * Every kind, by the key that names it in a scenario, in the order messages and the schema list
 * them. To add a kind: write its definition beside these, add it here, and give it a behaviour
 * in src/model/faults/faultBehaviours.ts (which does not compile until it has one).
 */
export const FAULT_KINDS = { crash, freeze, outage, partition, rollingUpgrade, runaway, compromise, rollout } as const;

export type FaultKind = keyof typeof FAULT_KINDS;

/** The fault a definition reads. */
type FaultOfDefinition<D> = D extends FaultDefinition<infer F> ? F : never;

/** The fault of kind K. */
export type FaultOf<K extends FaultKind> = FaultOfDefinition<(typeof FAULT_KINDS)[K]>;

/** A scripted fault: what happens, when, for how long, and the user's name for it when it has one. */
export type Fault = FaultOf<FaultKind> & { readonly name?: string };

// Each definition reads faults whose `kind` is its own key: a definition filed under the wrong
// key does not compile.
const kindsMatchKeys: { readonly [K in FaultKind]: FaultDefinition<FaultBase & { readonly kind: K }> } = FAULT_KINDS;
void kindsMatchKeys;

/** The kinds, in registry order. */
export const FAULT_KIND_NAMES = Object.keys(FAULT_KINDS) as FaultKind[];

/**
 * The definition of a fault's own kind. TypeScript cannot tie `FAULT_KINDS[f.kind]` to `f`
 * through a union, so the one cast that says so lives here.
 */
export function faultDefinition<F extends Fault>(f: F): FaultDefinition<F> {
  return FAULT_KINDS[f.kind] as unknown as FaultDefinition<F>;
}
