import { describe, expect, it } from 'vitest';
import { FAULT_BEHAVIOURS } from '../../../src/model/faults/faultBehaviours.js';
import type { FaultBehaviour } from '../../../src/model/faults/FaultContext.js';
import { FAULT_KIND_NAMES, FAULT_KINDS, type FaultKind, type FaultOf } from '../../../src/scenario/index.js';

// Type-level checks, run by `npx tsc -p tsconfig.test.json` (the first step of `npm test`): each
// expect-error directive below fails the type-check if the line under it ever compiles.

type BehaviourTable = { readonly [K in FaultKind]: FaultBehaviour<FaultOf<K>> };
const { rollout: _left, ...withoutRollout } = FAULT_BEHAVIOURS;

// @ts-expect-error a behaviour table that forgets a kind does not compile
const missingKind: BehaviourTable = withoutRollout;

// @ts-expect-error a behaviour filed under another kind does not compile (a crash is not a partition)
const wrongKind: BehaviourTable = { ...FAULT_BEHAVIOURS, crash: FAULT_BEHAVIOURS.partition };

/** Code outside the registries that handles each kind must end on a `never`: here one kind is left over. */
function forgetful(kind: FaultKind): string {
  if (kind !== 'rollout') return kind;
  // @ts-expect-error 'rollout' is left over, so it is not assignable to never: the build fails
  const never: never = kind;
  return never;
}

describe('the registries of fault kinds', () => {
  it('should give every kind of the scenario registry a behaviour in the model, and no more', () => {
    // Assert
    expect(Object.keys(FAULT_BEHAVIOURS).sort()).toEqual([...FAULT_KIND_NAMES].sort());
    expect(FAULT_KIND_NAMES).toEqual(Object.keys(FAULT_KINDS));
  });

  it('should keep the type-level checks of this file alive', () => {
    // The tables above exist at run time too; what matters is that they type-check as annotated.
    expect(Object.keys(missingKind)).not.toContain('rollout');
    expect(wrongKind.crash).toBe(FAULT_BEHAVIOURS.partition);
    expect(forgetful('crash')).toBe('crash');
  });
});
