/** What each scripted fault cost: the summary's `faultCost` section (docs/fault-cost.md), part of the JSON contract. */

/**
 * How far a fault's cost can be trusted:
 * - ok: the paired differences come from enough replications where the fault changed something;
 * - few-differences: the fault changed this signal's downtime in fewer than FEW_DIFFERENCES
 *   replications, so the Student t interval rests on a handful of values and is rough;
 * - single-replication: one replication, no spread to estimate an interval from (ci95 is null).
 */
export type FaultCostTrustLevel = 'ok' | 'few-differences' | 'single-replication';

export interface FaultCostTrust {
  readonly level: FaultCostTrustLevel;
  /** Replications in which the fault changed this signal's downtime (the paired difference is not 0). */
  readonly differing: number;
  /** One sentence for people: why this level. */
  readonly reason: string;
}

/** What one fault cost one signal: the mean paired difference of downtime, per year, with its 95% CI. */
export interface FaultCostSignal {
  /** Mean over replications of (downtime with every fault − downtime without this one), per year; negative when removing the fault made things worse. */
  readonly downtimeSecondsPerYear: number;
  /** Student t 95% interval of the paired differences, per year; null with one replication. */
  readonly ci95: readonly [number, number] | null;
  readonly trust: FaultCostTrust;
}

/** One fault (or every fault together) and what it cost each signal. */
export interface FaultCost {
  /** The fault's name, or `faults[i]` (its place in spec.faults) when it has none; `all` for the faults together. */
  readonly key: string;
  /** The user's name for the fault; null when it has none (and for all of them together). */
  readonly name: string | null;
  /** Its 0-based index in spec.faults; null for all of them together. */
  readonly index: number | null;
  /** One line saying what the fault does ("crash prod/etcd-1 for 2h"), or "all 3 scripted faults together". */
  readonly description: string;
  /** By cluster name (and `global`), then by signal name: the same keys as the summary's signals. */
  readonly perSignal: Readonly<Record<string, Readonly<Record<string, FaultCostSignal>>>>;
}

/** The `faultCost` section of a run's summary (`run --fault-cost`). */
export interface FaultCostSummary {
  /** Replications each paired run made: the run's own, on the same seeds and named random streams. */
  readonly replications: number;
  /** One entry per scripted fault, in scenario order: the whole scenario against it without that fault. */
  readonly faults: readonly FaultCost[];
  /** With two faults or more: the whole scenario against it without any (random failures only); null otherwise. */
  readonly together: FaultCost | null;
}
