/** Adaptive runs (`--precision`): batches until every requested signal is precise enough, or a cap stops it; rare outages go to the rare-event method. */
import type { Trace } from '../../model/Trace.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { nameRecordOf, ownEntry } from '../../scenario/nameRecord.js';
import { aggregate, type CostModel } from '../aggregate.js';
import type { ReplicationDigest } from '../Digest.js';
import { exactAvailabilities, exactValue } from '../exactValues.js';
import { runEpisodeBatch, runTasks, WorkerPool } from '../pool.js';
import type { EpisodeDigest } from '../rare/EpisodeDigest.js';
import { rareEventSupport } from '../rare/rareEventSupport.js';
import { rareSignalSummaries } from '../rare/rareSummary.js';
import type { PrecisionSignal, SignalSummary, StopReason, Summary } from '../Summary.js';
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
  /** false keeps every signal with the naive method (--no-rare-events); default true. */
  readonly rareEvents?: boolean;
}

/** Where an adaptive run stands after a batch, for progress lines. */
export interface PrecisionProgress {
  readonly batches: number;
  readonly replications: number;
  readonly episodes: number;
  /** The least precise requested signal: its name and relative half-width (Infinity before any outage). */
  readonly worst: { readonly key: string; readonly relativeHalfWidth: number };
}

/** Where the batches' results come from: simulated now, or read from the shards of a sharded run. */
export interface WorkSource {
  replications(first: number, count: number): Promise<{ readonly digests: readonly ReplicationDigest[]; readonly trace?: Trace }>;
  episodes(first: number, count: number): Promise<readonly EpisodeDigest[]>;
  /** Ends what the source holds (worker threads). */
  close?(): Promise<void>;
}

export interface PrecisionRunOptions {
  readonly costModel: CostModel;
  readonly target: PrecisionTarget;
  readonly jobs: number;
  readonly traceReplication?: number;
  readonly onBatch?: (p: PrecisionProgress) => void;
  /** The clock, in seconds (tests pass their own). */
  readonly now?: () => number;
  /** Default: simulate each batch on `jobs` threads. */
  readonly source?: WorkSource;
}

/** Simulates each batch on `jobs` worker threads, the same threads from batch to batch. */
export function simulatedWork(s: Scenario, jobs: number, traceReplication?: number): WorkSource {
  const pool = jobs > 1 ? new WorkerPool(jobs) : undefined;
  return {
    async replications(first, count) {
      const reps = Array.from({ length: count }, (_, i) => first + i);
      const [result] = await runTasks([{ scenario: s, replications: reps, ...(traceReplication !== undefined ? { traceReplication } : {}) }], jobs, undefined, pool);
      return result!;
    },
    episodes: (first, count) => runEpisodeBatch(s, first, count, jobs, {}, pool),
    close: async () => pool?.close(),
  };
}

export interface PrecisionRunResult {
  readonly summary: Summary;
  readonly digests: readonly ReplicationDigest[];
  readonly episodes: readonly EpisodeDigest[];
  readonly trace?: Trace;
}

/**
 * What an adaptive run may ask for at most: replications 0 .. maxReplications - 1, and episodes
 * 0 .. maxEpisodes - 1 when the rare-event method can take over a requested signal. A shard of a
 * sharded adaptive run computes its share of all of it up front, and `kubesim merge` replays the
 * serial rule over the whole, keeping exactly what a serial run would have.
 */
export function precisionWork(s: Scenario, target: PrecisionTarget): { readonly replications: number; readonly episodes: number } {
  return { replications: target.maxReplications, episodes: mayUseRareEvents(s, target) ? target.maxEpisodes : 0 };
}

/** Whether the rare-event method can take over any requested signal of this scenario. */
export function mayUseRareEvents(s: Scenario, target: PrecisionTarget): boolean {
  if (target.rareEvents === false) return false;
  const support = rareEventSupport(s);
  return support.ok && support.setup.signals.some((x) => target.signals.includes(x.signal));
}

/** Batches read from what the shards recorded (replications in order, episodes in order). */
export function recordedWork(digests: readonly ReplicationDigest[], episodes: readonly EpisodeDigest[], trace?: Trace): WorkSource {
  const slice = <T>(all: readonly T[], first: number, count: number, what: string): readonly T[] => {
    if (first + count > all.length) throw new Error(`recordedWork: ${what} ${first}..${first + count - 1} asked, ${all.length} recorded`);
    return all.slice(first, first + count);
  };
  return {
    replications: async (first, count) => ({ digests: slice(digests, first, count, 'replications'), ...(first === 0 && trace ? { trace } : {}) }),
    episodes: async (first, count) => slice(episodes, first, count, 'episodes'),
  };
}

/** Episodes in the first rare-event batch: enough for a first interval at 1e-7 (docs/rare-events.md). */
export const FIRST_EPISODE_BATCH = 2000;

/**
 * First batches of replications (0..n-1 with n the scenario's count, then as many more as the
 * interval projects: see nextBatch), until every requested signal that stays with the naive method
 * has a relative half-width at most the target. After the first batch, a requested signal whose
 * outages are too rare for that (none or fewer than 10 seen, or more replications projected than
 * --max-replications allows) moves to the rare-event method where it applies: batches of
 * episodes, sized the same way, until it is precise enough. Caps stop either phase first.
 *
 * Every rule looks only at whole batches, whose results do not depend on threads, so a run gives
 * the same bytes with any --jobs. A wall-clock cap (--max-time) is the one exception: where it
 * stops depends on the machine, and the JSON says it stopped there.
 */
export async function runToPrecision(s: Scenario, options: PrecisionRunOptions): Promise<PrecisionRunResult> {
  const source = options.source ?? simulatedWork(s, options.jobs, options.traceReplication);
  try {
    return await adaptiveRun(s, options, source);
  } finally {
    await source.close?.();
  }
}

async function adaptiveRun(s: Scenario, options: PrecisionRunOptions, source: WorkSource): Promise<PrecisionRunResult> {
  const { target } = options;
  const now = options.now ?? (() => performance.now() / 1000);
  const start = now();
  const outOfTime = () => target.maxSeconds !== undefined && now() - start >= target.maxSeconds;
  const digests: ReplicationDigest[] = [];
  let trace: Trace | undefined;
  let batches = 0;
  let episodes: EpisodeDigest[] = [];
  let rare = new Set<string>();
  let next = s.replications;
  let stop: StopReason | undefined;
  let summary: Summary;
  // Naive phase.
  for (;;) {
    const first = digests.length;
    const count = Math.min(next, target.maxReplications - first);
    const result = await source.replications(first, count);
    digests.push(...result.digests);
    if (result.trace) trace = result.trace;
    batches++;
    summary = aggregate(s, digests, options.costModel);
    if (batches === 1) rare = rareCandidates(s, summary, target);
    const naive = precisionSignals(summary, target).filter((x) => !rare.has(keyOf(x)));
    options.onBatch?.({ batches, replications: digests.length, episodes: 0, worst: worstOf(naive) });
    stop = naive.every((x) => x.reached) ? 'precision' : digests.length >= target.maxReplications ? 'max-replications' : outOfTime() ? 'max-time' : undefined;
    if (stop) break;
    next = nextBatch(s.replications, digests.length, naive, target.relative);
  }
  // Rare-event phase, for the signals moved to it (a cap that stopped the naive phase stops this one too, but --max-replications).
  if (rare.size > 0 && (stop === 'precision' || stop === 'max-replications')) {
    const naive = summary;
    const naiveStop = stop;
    let size = FIRST_EPISODE_BATCH;
    for (;;) {
      const count = Math.min(size, target.maxEpisodes - episodes.length);
      episodes = episodes.concat(await source.episodes(episodes.length, count));
      summary = withRare(s, naive, episodes, rare);
      const signals = precisionSignals(summary, target).filter((x) => rare.has(keyOf(x)));
      options.onBatch?.({ batches, replications: digests.length, episodes: episodes.length, worst: worstOf(signals) });
      const reached = signals.every((x) => x.reached);
      stop = reached ? naiveStop : episodes.length >= target.maxEpisodes ? 'max-episodes' : outOfTime() ? 'max-time' : undefined;
      if (stop) break;
      size = nextBatch(FIRST_EPISODE_BATCH, episodes.length, signals, target.relative);
    }
  }
  const signals = precisionSignals(summary, target);
  const precision = { target: target.relative, reached: signals.every((x) => x.reached), stoppedBy: stop, batches, episodes: episodes.length, signals };
  return { summary: { ...summary, precision }, digests, episodes, ...(trace ? { trace } : {}) };
}

/**
 * The requested signals the rare-event method should take over after the first batch: those it
 * covers in this scenario that have not reached the target and rest on too few outages (their
 * own, or etcdQuorum's for a signal that needs the quorum), or project more replications than the
 * cap allows.
 */
function rareCandidates(s: Scenario, summary: Summary, target: PrecisionTarget): Set<string> {
  if (target.rareEvents === false) return new Set();
  const support = rareEventSupport(s);
  if (!support.ok) return new Set();
  const covered = new Set(support.setup.signals.map(keyOf));
  const out = new Set<string>();
  for (const x of precisionSignals(summary, target)) {
    if (x.reached || !covered.has(keyOf(x))) continue;
    const s1 = signalOf(summary, x.cluster, x.signal)!;
    const rhw = x.relativeHalfWidth ?? Infinity;
    const projected = summary.replications * (rhw / target.relative) ** 2;
    if (s1.trust.level === 'no-outages' || s1.trust.level === 'few-outages' || projected > target.maxReplications) out.add(keyOf(x));
  }
  return out;
}

/** The summary with the rare-event estimates in place of the naive ones for `rare` signals, each with its exact value where known. */
function withRare(s: Scenario, summary: Summary, episodes: readonly EpisodeDigest[], rare: ReadonlySet<string>): Summary {
  const estimates = rareSignalSummaries(s, episodes).signals;
  const exact = exactAvailabilities(s);
  const replace = (cluster: string, signals: Readonly<Record<string, SignalSummary>>): Record<string, SignalSummary> =>
    nameRecordOf(
      Object.entries(signals).map(([name, naive]) => {
        const e = ownEntry(ownEntry(estimates, cluster), name);
        if (!rare.has(`${cluster}/${name}`) || !e) return [name, naive];
        return [name, { ...e, exact: exactValue(exact.get(`${cluster}\u0000${name}`), e.availability.ci95) }];
      }),
    );
  return {
    ...summary,
    clusters: nameRecordOf(Object.entries(summary.clusters).map(([name, c]) => [name, { ...c, signals: replace(name, c.signals) }])),
    global: { ...summary.global, signals: replace('global', summary.global.signals) },
  };
}

/**
 * How many the next batch runs: what the least precise signal's interval projects is still needed
 * (the half-width shrinks as 1/sqrt(n)), with a tenth more for luck, at least the first batch's
 * count and at most as many as have run (so the total at most doubles, and an early, noisy
 * projection cannot send the run far past what it needs). A pure function of results, so the
 * batches are the same on any machine.
 */
export function nextBatch(first: number, done: number, signals: readonly PrecisionSignal[], relative: number): number {
  let worst = 0;
  for (const x of signals) if (!x.reached) worst = Math.max(worst, x.relativeHalfWidth ?? Infinity);
  const needed = Number.isFinite(worst) ? Math.ceil(done * (worst / relative) ** 2 * 1.1) - done : Infinity;
  return Math.max(first, Math.min(done, needed));
}

/** Every requested signal that exists, per cluster then global, with its precision against the target and whether it reached it, trusted. */
export function precisionSignals(summary: Summary, target: PrecisionTarget): PrecisionSignal[] {
  const out: PrecisionSignal[] = [];
  const places = [...Object.entries(summary.clusters).map(([name, c]) => [name, c.signals] as const), ['global', summary.global.signals] as const];
  for (const [cluster, signals] of places) {
    for (const name of target.signals) {
      const s = ownEntry(signals, name);
      if (!s) continue;
      const rhw = relativeHalfWidth(s);
      out.push({
        cluster,
        signal: name,
        method: s.method,
        relativeHalfWidth: Number.isFinite(rhw) ? round4(rhw) : null,
        // Precise and trusted: an interval from a handful of outages, or one a few of them
        // dominate, can be narrow by luck (docs/statistics.md, the trust verdict).
        reached: rhw <= target.relative && s.trust.level === 'ok',
      });
    }
  }
  return out;
}

function signalOf(summary: Summary, cluster: string, signal: string): SignalSummary | undefined {
  return cluster === 'global' ? ownEntry(summary.global.signals, signal) : ownEntry(ownEntry(summary.clusters, cluster)?.signals, signal);
}

function keyOf(x: { readonly cluster: string; readonly signal: string }): string {
  return `${x.cluster}/${x.signal}`;
}

function worstOf(signals: readonly PrecisionSignal[]): PrecisionProgress['worst'] {
  let worst = { key: '', relativeHalfWidth: -1 };
  for (const x of signals) {
    const r = x.relativeHalfWidth ?? Infinity;
    if (r > worst.relativeHalfWidth) worst = { key: keyOf(x), relativeHalfWidth: r };
  }
  return worst;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
