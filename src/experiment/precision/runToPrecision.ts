/** Adaptive runs (`--precision`): batches of replications until every requested signal is precise enough, or a cap stops it. */
import type { Scenario } from '../../scenario/Scenario.js';
import { aggregate, type CostModel } from '../aggregate.js';
import type { ReplicationDigest } from '../Digest.js';
import { runTasks } from '../pool.js';
import type { Trace } from '../../model/Trace.js';
import type { PrecisionSignal, StopReason, Summary } from '../Summary.js';
import { relativeHalfWidth } from './relativeHalfWidth.js';

export interface PrecisionTarget {
  /** The relative 95% half-width wanted on each requested signal's unavailability, in (0, 1). */
  readonly relative: number;
  /** Signal names, looked up in every cluster and among the global signals. */
  readonly signals: readonly string[];
  readonly maxReplications: number;
  readonly maxEpisodes: number;
  /** A wall-clock cap in seconds, checked between batches. */
  readonly maxSeconds?: number;
}

/** Where an adaptive run stands after a batch, for progress lines. */
export interface PrecisionProgress {
  readonly batches: number;
  readonly replications: number;
  readonly episodes: number;
  /** The least precise requested signal: its name and relative half-width (Infinity before any outage). */
  readonly worst: { readonly key: string; readonly relativeHalfWidth: number };
}

export interface PrecisionRunOptions {
  readonly costModel: CostModel;
  readonly target: PrecisionTarget;
  readonly jobs: number;
  readonly traceReplication?: number;
  readonly onBatch?: (p: PrecisionProgress) => void;
  /** The clock, in seconds (tests pass their own). */
  readonly now?: () => number;
}

export interface PrecisionRunResult {
  readonly summary: Summary;
  readonly digests: readonly ReplicationDigest[];
  readonly trace?: Trace;
}

/**
 * Runs batches of replications (0..n-1 with n the scenario's count, then as many more as the
 * interval projects: see nextBatch) and stops after the first batch at which every requested
 * signal's relative half-width is at most the target, or when a cap is reached. The rule looks only at whole batches, whose results do not depend on
 * threads, so a run gives the same bytes with any --jobs. A wall-clock cap (--max-time) is the one
 * exception: where it stops depends on the machine, and the JSON says it stopped there.
 */
export async function runToPrecision(s: Scenario, options: PrecisionRunOptions): Promise<PrecisionRunResult> {
  const { target, jobs } = options;
  const now = options.now ?? (() => performance.now() / 1000);
  const start = now();
  const digests: ReplicationDigest[] = [];
  let trace: Trace | undefined;
  let batches = 0;
  let next = s.replications;
  for (;;) {
    const first = digests.length;
    const count = Math.min(next, target.maxReplications - first);
    const reps = Array.from({ length: count }, (_, i) => first + i);
    const task = { scenario: s, replications: reps, ...(options.traceReplication !== undefined ? { traceReplication: options.traceReplication } : {}) };
    const [result] = await runTasks([task], jobs);
    digests.push(...result!.digests);
    if (result!.trace) trace = result!.trace;
    batches++;
    const summary = aggregate(s, digests, options.costModel);
    const signals = precisionSignals(summary, target);
    const worst = worstOf(signals);
    options.onBatch?.({ batches, replications: digests.length, episodes: 0, worst });
    const stop: StopReason | undefined = signals.every((x) => x.reached)
      ? 'precision'
      : digests.length >= target.maxReplications
        ? 'max-replications'
        : target.maxSeconds !== undefined && now() - start >= target.maxSeconds
          ? 'max-time'
          : undefined;
    next = nextBatch(s.replications, digests.length, signals, target.relative);
    if (stop) {
      const precision = { target: target.relative, reached: stop === 'precision', stoppedBy: stop, batches, episodes: 0, signals };
      return { summary: { ...summary, precision }, digests, ...(trace ? { trace } : {}) };
    }
  }
}

/**
 * How many replications the next batch runs: what the least precise signal's interval projects is
 * still needed (the half-width shrinks as 1/sqrt(n)), with a tenth more for luck, at least the
 * scenario's own count and at most as many as have run (so the total at most doubles, and an
 * early, noisy projection cannot send the run far past what it needs). A pure function of
 * results, so the batches are the same on any machine.
 */
export function nextBatch(first: number, done: number, signals: readonly PrecisionSignal[], relative: number): number {
  let worst = 0;
  for (const x of signals) if (!x.reached) worst = Math.max(worst, x.relativeHalfWidth ?? Infinity);
  const needed = Number.isFinite(worst) ? Math.ceil(done * (worst / relative) ** 2 * 1.1) - done : Infinity;
  return Math.max(first, Math.min(done, needed));
}

/** Every requested signal that exists, per cluster then global, with its precision against the target. */
export function precisionSignals(summary: Summary, target: PrecisionTarget): PrecisionSignal[] {
  const out: PrecisionSignal[] = [];
  const places = [...Object.entries(summary.clusters).map(([name, c]) => [name, c.signals] as const), ['global', summary.global.signals] as const];
  for (const [cluster, signals] of places) {
    for (const name of target.signals) {
      const s = signals[name];
      if (!s) continue;
      const rhw = relativeHalfWidth(s);
      out.push({
        cluster,
        signal: name,
        method: s.method,
        relativeHalfWidth: Number.isFinite(rhw) ? round4(rhw) : null,
        reached: rhw <= target.relative,
      });
    }
  }
  return out;
}

function worstOf(signals: readonly PrecisionSignal[]): PrecisionProgress['worst'] {
  let worst = { key: '', relativeHalfWidth: -1 };
  for (const x of signals) {
    const r = x.relativeHalfWidth ?? Infinity;
    if (r > worst.relativeHalfWidth) worst = { key: `${x.cluster}/${x.signal}`, relativeHalfWidth: r };
  }
  return worst;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
