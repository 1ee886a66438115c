/** `kubesim run --shard i/n` and the partial result file every sharded command writes. */
import { join } from 'node:path';
import { KUBESIM_VERSION } from '../../experiment/version.js';
import type { ReplicationDigest } from '../../experiment/Digest.js';
import { PARTIAL_FORMAT, partialChecksum, type Job, type PartialResult, type PrecisionJob, type RunJob } from '../../experiment/partial/index.js';
import { runEpisodeBatch, runTasks } from '../../experiment/pool.js';
import { mayUseRareEvents, precisionWork, type PrecisionTarget } from '../../experiment/precision/runToPrecision.js';
import type { EpisodeDigest } from '../../experiment/rare/EpisodeDigest.js';
import { shardRange, shardReplications, type Shard } from '../../experiment/shard.js';
import type { Trace } from '../../model/Trace.js';
import { parseScenario } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { InputError } from '../errors.js';
import { readScenarioSources } from '../stdinInput.js';
import { checkShardCount } from '../flags.js';
import { checkOutputFolder } from '../outputPaths.js';
import { applyOverrides, parseOverrides } from '../overrides.js';
import { checkPrecisionSignals, type PrecisionFlags } from '../precisionFlags.js';
import { checkPartialTarget, partialFileName, partialJson, writePartialFile } from '../partialFiles.js';
import { progress } from '../progress.js';
import { TRACE_REPLICATION } from '../reportFiles.js';
import { checkWork, type BudgetFlags } from '../workBudget.js';
import { reportFolderName, type OverrideFlags } from '../scenarioInput.js';
import { quoteName } from '../../kernel/quoteValue.js';

/** The scenarios of a run job, as `run` loads them: what a shard runs and what `merge` rebuilds. */
export function runScenariosOf(job: RunJob): Scenario[] {
  return job.scenarios.map((src) => applyOverrides(parseScenario(src.text, src.file), job.overrides));
}

/**
 * Runs this shard's slice of every scenario's replications (replication 0 of each is traced, as
 * `run` does, by whichever shard owns it) and writes the partial result.
 */
export async function runShard(
  files: readonly string[],
  flags: OverrideFlags & PrecisionFlags & BudgetFlags & { readonly out?: string; readonly json?: boolean },
  shard: Shard,
  jobs: number,
  target?: PrecisionTarget,
): Promise<void> {
  const overrides = parseOverrides(flags);
  const precision = target ? shardedPrecision(target, flags) : undefined;
  const job: RunJob = { command: 'run', scenarios: readScenarioSources(files), overrides, ...(precision ? { precision } : {}) };
  const scenarios = runScenariosOf(job);
  if (precision) {
    for (const s of scenarios) {
      checkPrecisionSignals(precision, s);
      checkShardedPrecision(precision, s, flags);
    }
  }
  const work = scenarios.map((s) => (precision ? precisionWork(s, precision) : { replications: s.replications, episodes: 0 }));
  checkShardCount(shard, work.reduce((n, w) => n + w.replications, 0), 'replications');
  const reps = shardReplications(
    work.map((w) => w.replications),
    shard,
  );
  const name = reportFolderName(scenarios[0]!.name) + (scenarios.length > 1 ? `-and-${scenarios.length - 1}-more` : '');
  checkShardOut(name, shard, flags);
  checkWork(scenarios.map((scenario, i) => ({ scenario, replications: reps[i]!.length })), jobs, flags);
  const bar = progress(`${name} shard ${shard.index}/${shard.count}`);
  const results = await runTasks(
    scenarios.map((scenario, i) => ({ scenario, replications: reps[i]!, traceReplication: TRACE_REPLICATION })),
    jobs,
    (d, t) => bar.update(d, t),
  );
  bar.done();
  const episodes = await shardEpisodes(scenarios, work, shard, jobs);
  const traces = results.flatMap((r, task) => (r.trace ? [{ task, trace: r.trace }] : []));
  await writeShardResult(
    name,
    job,
    shard,
    results.map((r) => r.digests),
    traces,
    flags,
    episodes,
  );
}

/**
 * A sharded adaptive run: every shard runs its share of the caps up front, and merge stops where
 * a serial run would (docs/precision.md). So the caps must be given, not left at their large
 * defaults, and a wall-clock cap, which would make the result depend on the machine, is refused.
 */
export function shardedPrecision(target: PrecisionTarget, flags: PrecisionFlags): PrecisionJob {
  if (flags.maxTime !== undefined) throw new InputError('--max-time: not with --shard (where it stops would depend on each machine); give --max-replications and --max-episodes');
  if (flags.maxReplications === undefined) {
    throw new InputError('--precision with --shard: give --max-replications (each shard runs its share of it up front; merge keeps what a serial run would)');
  }
  const { maxSeconds: _, ...job } = target;
  return job;
}

/** The rare-event cap too, when the rare-event method could take over one of the scenario's requested signals. */
export function checkShardedPrecision(target: PrecisionJob, s: Scenario, flags: PrecisionFlags): void {
  if (flags.maxEpisodes === undefined && mayUseRareEvents(s, target)) {
    throw new InputError(`--precision with --shard: give --max-episodes too (${quoteName(s.name)} may move signals to the rare-event method, whose episodes each shard runs its share of up front), or --no-rare-events`);
  }
}

/** This shard's block of each task's episodes. */
export async function shardEpisodes(scenarios: readonly Scenario[], work: readonly { readonly episodes: number }[], shard: Shard, jobs: number): Promise<EpisodeDigest[][]> {
  const out: EpisodeDigest[][] = [];
  for (const [i, s] of scenarios.entries()) {
    const { first, size } = shardRange(work[i]!.episodes, shard);
    out.push(size > 0 ? await runEpisodeBatch(s, first, size, jobs) : []);
  }
  return out;
}

/** Where a shard's partial file goes: --out, else reports/<name>-shards; none with --json alone. */
function shardOutDir(name: string, flags: { readonly out?: string; readonly json?: boolean }): string | undefined {
  return flags.out ?? (flags.json ? undefined : join('reports', `${reportFolderName(name)}-shards`));
}

/**
 * Refuses, before the shard runs, a partial-file folder that cannot be written (outputPaths.ts)
 * and a partial file path that holds something kubesim may not replace (partialFiles.ts).
 */
export function checkShardOut(name: string, shard: Shard, flags: { readonly out?: string; readonly json?: boolean; readonly output?: string }): void {
  if (flags.output === 'yaml') throw new InputError('-o yaml: a shard prints its partial result as JSON, the format merge reads: give -o json');
  const dir = shardOutDir(name, flags);
  if (dir === undefined) return;
  checkOutputFolder(dir);
  checkPartialTarget(join(dir, partialFileName(reportFolderName(name), shard)), flags.out);
}

/**
 * Writes `<out>/<name>.shard-i-of-n.json` (default out: reports/<name>-shards). With --json the
 * partial goes to stdout instead, and to a file only when --out is given.
 */
export async function writeShardResult(
  name: string,
  job: Job,
  shard: Shard,
  digests: readonly (readonly ReplicationDigest[])[],
  traces: readonly { readonly task: number; readonly trace: Trace }[],
  flags: { readonly out?: string; readonly json?: boolean },
  episodes: readonly (readonly EpisodeDigest[])[] = digests.map(() => []),
): Promise<void> {
  const content = { format: PARTIAL_FORMAT, kubesim: KUBESIM_VERSION, shard, job, digests, traces, episodes } as const;
  const partial: PartialResult = { ...content, checksum: partialChecksum(content) };
  const dir = shardOutDir(name, flags);
  const file = dir === undefined ? undefined : join(dir, partialFileName(reportFolderName(name), shard));
  if (file !== undefined) await writePartialFile(file, partial, flags.out);
  if (flags.json) {
    process.stdout.write(`${partialJson(partial)}\n`);
    return;
  }
  const done = digests.reduce((a, d) => a + d.length, 0);
  const episodeCount = episodes.reduce((a, e) => a + e.length, 0);
  const what = `${done} replications${episodeCount > 0 ? ` and ${episodeCount} rare-event episodes` : ''}`;
  process.stdout.write(`Shard ${shard.index}/${shard.count} of ${name}: ${what} written to ${file}\n`);
  process.stdout.write(`When all ${shard.count} shards are done: kubesim merge ${dir}\n`);
}
