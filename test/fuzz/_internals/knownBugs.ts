/**
 * Bugs found and not yet fixed: a violation that matches one of these is
 * counted as known rather than failing the fuzz target. Each entry cites its symptom; remove an
 * entry once its fix is merged, and the fuzzer holds the fix from then on.
 */
import type { FuzzCase } from './FuzzCase.js';
import type { Violation } from './oracle.js';

export interface KnownBug {
  readonly id: string;
  /** The symptom as a user sees it, and where the issue lists it. */
  readonly symptom: string;
  readonly matches: (c: FuzzCase, v: Violation) => boolean;
}

// Every bug the first runs found (control characters and long values echoed, prototype names,
// subnormal durations and wide lognormals ending in exit 1, no work budget) is fixed: the list is
// empty, and the fuzzer holds the fixes. Add an entry only for a bug filed and not yet fixed.
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** The known bug a violation is, if any. */
export function knownBug(c: FuzzCase, v: Violation): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.matches(c, v));
}
