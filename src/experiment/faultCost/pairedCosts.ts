/** What a fault cost, from the digests of paired runs: per replication, then its mean and 95% interval (docs/fault-cost.md). */
import { YEAR } from '../../kernel/index.js';
import { nameRecord } from '../../scenario/nameRecord.js';
import type { ReplicationDigest } from '../Digest.js';
import { estimate } from '../statistics.js';
import type { FaultCost, FaultCostSignal, FaultCostTrust } from './FaultCost.js';
import type { FaultVariant } from './faultVariants.js';

/**
 * Fewer replications than this where the fault changed a signal and its interval is rough: the
 * Student t interval assumes the differences are roughly normal, which a handful cannot show
 * (the same threshold as trust.ts's FEW_OUTAGES, for the same reason).
 */
export const FEW_DIFFERENCES = 10;

/**
 * Each replication's downtime of `cluster`/`signal` in `whole` minus that in `without`, in
 * seconds over the horizon, in replication order. Both runs must hold the same replications:
 * on common random numbers a replication is compared with itself, not with another.
 */
export function pairedDifferences(whole: readonly ReplicationDigest[], without: readonly ReplicationDigest[], cluster: string, signal: string): number[] {
  const a = byReplication(whole);
  const b = byReplication(without);
  if (a.length !== b.length || a.some((d, i) => d.replication !== b[i]!.replication)) {
    throw new Error('pairedDifferences: the paired runs must hold the same replications');
  }
  return a.map((d, i) => downOf(d, cluster, signal) - downOf(b[i]!, cluster, signal));
}

/** The fault's cost to every signal the whole run reports, from the whole run's digests and those without it. */
export function faultCostOf(variant: FaultVariant, whole: readonly ReplicationDigest[], without: readonly ReplicationDigest[], horizon: number): FaultCost {
  const perSignal = nameRecord<Record<string, FaultCostSignal>>();
  const first = byReplication(whole)[0];
  for (const { cluster, signal } of first?.signals ?? []) {
    const row = (perSignal[cluster] ??= nameRecord<FaultCostSignal>());
    row[signal] = signalCost(pairedDifferences(whole, without, cluster, signal), horizon);
  }
  return { key: variant.key, name: variant.name, index: variant.index, description: variant.description, perSignal };
}

/** The mean paired difference per year and its Student t 95% interval (statistics.ts), with how far to trust it. */
export function signalCost(differences: readonly number[], horizon: number): FaultCostSignal {
  const perYear = differences.map((d) => (d / horizon) * YEAR);
  const e = estimate(perYear);
  return {
    downtimeSecondsPerYear: round4(e.mean),
    ci95: e.ci95 === null ? null : [round4(e.ci95[0]), round4(e.ci95[1])],
    trust: costTrust(differences),
  };
}

function costTrust(differences: readonly number[]): FaultCostTrust {
  const n = differences.length;
  const differing = differences.filter((d) => d !== 0).length;
  if (n < 2) return { level: 'single-replication', differing, reason: 'only one replication: there is no spread to estimate a confidence interval from' };
  if (differing === 0) return { level: 'ok', differing, reason: `the fault changed this signal's downtime in none of ${n} replications` };
  if (differing < FEW_DIFFERENCES) {
    const which = differing === n ? `only ${n} replications, each changed by the fault` : `the fault changed this signal's downtime in only ${differing} of ${n} replications`;
    return { level: 'few-differences', differing, reason: `${which} (fewer than ${FEW_DIFFERENCES}): the interval is rough` };
  }
  return { level: 'ok', differing, reason: `the fault changed this signal's downtime in ${differing} of ${n} replications` };
}

function byReplication(digests: readonly ReplicationDigest[]): ReplicationDigest[] {
  return [...digests].sort((x, y) => x.replication - y.replication);
}

/** A signal's downtime in one replication; a signal the replication does not report was never down. */
function downOf(d: ReplicationDigest, cluster: string, signal: string): number {
  return d.signals.find((x) => x.cluster === cluster && x.signal === signal)?.downSeconds ?? 0;
}

/** Rounds to 4 decimals, as the summary's other figures (stable JSON). */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
