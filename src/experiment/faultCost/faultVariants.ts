/** The scenarios a fault-cost run pairs with the whole one: each without one of its scripted faults, and without all of them. */
import { formatDuration } from '../../kernel/index.js';
import { faultDefinition } from '../../scenario/faults/faultKinds.js';
import type { Fault, Scenario } from '../../scenario/Scenario.js';

/** One paired run: what it leaves out, and the scenario that leaves it out. */
export interface FaultVariant {
  readonly key: string;
  readonly name: string | null;
  readonly index: number | null;
  readonly description: string;
  readonly scenario: Scenario;
}

/** The key reports use for the fault at `index`: its name, else its place in spec.faults. */
export function faultKey(f: Fault, index: number): string {
  return f.name ?? `faults[${index}]`;
}

/**
 * One variant per fault (the scenario without it), then, with two faults or more, one without
 * any. Only `faults` changes: the seed, the name and every component stay, so each variant's
 * random streams are named and seeded as the whole scenario's are (src/kernel/RandomStreams.ts:
 * a stream depends on the seed and its name alone) and its random failures are the same ones.
 */
export function faultVariants(s: Scenario): FaultVariant[] {
  const one = s.faults.map((f, i) => ({
    key: faultKey(f, i),
    name: f.name ?? null,
    index: i,
    description: faultDefinition(f).describe(f, formatDuration),
    scenario: { ...s, faults: s.faults.filter((_, j) => j !== i) },
  }));
  if (s.faults.length < 2) return one;
  return [...one, { key: 'all', name: null, index: null, description: s.faults.length === 2 ? 'both scripted faults together' : `all ${s.faults.length} scripted faults together`, scenario: { ...s, faults: [] } }];
}

/** How many runs a fault-cost run makes in all, the whole scenario's included: what the work estimate multiplies by. */
export function faultCostRuns(s: Scenario): number {
  return 1 + s.faults.length + (s.faults.length >= 2 ? 1 : 0);
}
