/**
 * Bugs of issue 12 that other branches are fixing: a violation that matches one of these is
 * counted as known rather than failing the fuzz target. Each entry cites its symptom; remove an
 * entry once its fix is merged, and the fuzzer holds the fix from then on.
 */
import type { FuzzCase } from './FuzzCase.js';
import { RAW_CONTROL, type Violation } from './oracle.js';
import { PROTOTYPE_NAMES } from './hostileValues.js';

export interface KnownBug {
  readonly id: string;
  /** The symptom as a user sees it, and where the issue lists it. */
  readonly symptom: string;
  readonly matches: (c: FuzzCase, v: Violation) => boolean;
}

/** Everything the user typed: the files' text and the arguments. */
const input = (c: FuzzCase) => [...c.files.map((f) => f.content), ...c.args].join('\n');
const hasControl = (c: FuzzCase) => RAW_CONTROL.test(input(c));
// A 250-character stretch of one line: only a pasted value makes one (spaces included: "prod prod ...").
const hasLongValue = (c: FuzzCase) => /[^\n]{250,}/.test(input(c)) || c.args.some((a) => a.length > 250);
const hasPrototypeName = (c: FuzzCase) => PROTOTYPE_NAMES.some((n) => input(c).includes(n));

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'control-chars-echoed',
    symptom: 'issue 12 item 6: control and bidi characters of names and flag values reach stdout/stderr raw (ESC, BEL, C1, U+202E)',
    matches: (c, v) => v.kind === 'control-chars' && hasControl(c),
  },
  {
    id: 'long-values-echoed',
    symptom: 'issue 12 item 10: error lines echo a 5,000-character value whole',
    matches: (c, v) => v.kind === 'long-line' && hasLongValue(c),
  },
  {
    id: 'prototype-names',
    symptom: 'issue 12 item 5: a cluster, tenant or workload named constructor/toString/valueOf crashes the report ("Operator not defined"), __proto__ vanishes from the summary',
    matches: (c, v) => (v.kind === 'exit-1' || v.kind === 'lost-name') && hasPrototypeName(c),
  },
  {
    id: 'tiny-durations-exit-1',
    symptom: 'issue 12 item 1: a subnormal duration (etcd mttf 1e-320, 5e-324) ends in exit 1 instead of a refusal',
    matches: (c, v) => v.kind === 'exit-1' && /\b\d(\.\d+)?e-3[0-2]\d\b/.test(input(c)),
  },
  {
    id: 'lognormal-wide-sigma-exit-1',
    symptom: 'brief: a lognormal repair with sigma 8 (or wider) ends in exit 1 at run time',
    matches: (c, v) => v.kind === 'exit-1' && /sigma["']?:\s*(8|20|50)\b/.test(input(c)),
  },
  {
    id: 'no-work-budget',
    symptom: 'issue 12 items 2 and 9: nothing bounds the work before a run; a huge value (a horizon of 10^40 s pasted as a flag) runs until killed',
    matches: (c, v) => v.kind === 'timeout' && hasLongValue(c),
  },
];

/** The known bug a violation is, if any. */
export function knownBug(c: FuzzCase, v: Violation): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.matches(c, v));
}
