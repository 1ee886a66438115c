/** Checks that partial results are the complete set of shards of one run, and gathers their digests per task. */
import { isDeepStrictEqual } from 'node:util';
import type { ReplicationDigest } from '../Digest.js';
import type { EpisodeDigest } from '../rare/EpisodeDigest.js';
import { shardRange, shardReplicationCounts, shardReplications } from '../shard.js';
import type { Job, PartialResult, ScenarioSource } from './PartialResult.js';

/** A partial result and the name it goes by in messages (its file). */
export interface NamedPartial {
  readonly name: string;
  readonly partial: PartialResult;
}

export type ShardSetCheck = { readonly ok: true; readonly job: Job } | { readonly ok: false; readonly message: string };

/**
 * The partials must come from one kubesim version, describe the same job (same scenario texts,
 * overrides, swept values and objectives) and the same shard count, and hold every shard
 * exactly once. The first difference found is the message (one line, naming both files).
 */
export function checkShardSet(parts: readonly NamedPartial[], version: string): ShardSetCheck {
  const first = parts[0];
  if (first === undefined) return { ok: false, message: 'no partial results to merge' };
  for (const { name, partial } of parts) {
    if (partial.kubesim !== version) {
      return { ok: false, message: `${name} was written by kubesim ${partial.kubesim}, this is kubesim ${version}: merge with the version that ran the shards` };
    }
  }
  for (const { name, partial } of parts.slice(1)) {
    const diff = jobDifference(partial.job, first.partial.job);
    if (diff !== undefined) return { ok: false, message: `${name} is not a shard of the same run as ${first.name}: ${diff}` };
    if (partial.shard.count !== first.partial.shard.count) {
      return { ok: false, message: `${name} is shard ${partial.shard.index}/${partial.shard.count} but ${first.name} is shard ${first.partial.shard.index}/${first.partial.shard.count}: different shard counts` };
    }
  }
  const count = first.partial.shard.count;
  const seen = new Map<number, string>();
  for (const { name, partial } of parts) {
    const other = seen.get(partial.shard.index);
    if (other !== undefined) return { ok: false, message: `shard ${partial.shard.index}/${count} is given twice (${other} and ${name})` };
    seen.set(partial.shard.index, name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const have = [...seen.keys()].sort((a, b) => a - b);
    return { ok: false, message: `incomplete set of shards: missing ${listed(missing, count)} (have ${listed(have, count)})` };
  }
  return { ok: true, job: first.partial.job };
}

/** Shards as `1/4, 3/4`, the first ten only (a set may miss thousands): one line stays one line. */
function listed(shards: readonly number[], count: number): string {
  const shown = shards.slice(0, 10).map((i) => `${i}/${count}`);
  return shards.length > 10 ? `${shown.join(', ')} and ${shards.length - 10} more` : shown.join(', ');
}

/** What differs between two jobs, in words; undefined when they are the same. */
export function jobDifference(a: Job, b: Job): string | undefined {
  if (a.command !== b.command) return `one is from kubesim ${a.command}, the other from kubesim ${b.command}`;
  const [filesA, filesB] = [sourcesOf(a), sourcesOf(b)];
  if (filesA.length !== filesB.length) return `different numbers of scenarios (${filesA.length} and ${filesB.length})`;
  for (let i = 0; i < filesA.length; i++) {
    if (filesA[i]!.text !== filesB[i]!.text) return `different scenarios (${filesA[i]!.file} and ${filesB[i]!.file} differ)`;
  }
  for (const key of ['seed', 'replications', 'horizon'] as const) {
    const [x, y] = [a.overrides[key], b.overrides[key]];
    if (x !== y) return `different ${key === 'seed' ? 'seeds' : key} (${x ?? 'from the file'} and ${y ?? 'from the file'})`;
  }
  if (a.overrides.ignoreFaults !== b.overrides.ignoreFaults) return 'one ignores the scripted faults (--ignore-faults), the other does not';
  if (a.command === 'sweep' && b.command === 'sweep') {
    if (!isDeepStrictEqual(a.parameters, b.parameters)) return 'different --set values';
    if (!isDeepStrictEqual(a.objectives, b.objectives)) return 'different objectives (--slo, --max-write-p99)';
  }
  if (!isDeepStrictEqual(a.precision, b.precision)) return 'different --precision settings';
  if (!isDeepStrictEqual(a, b)) return 'different job descriptions';
  return undefined;
}

function sourcesOf(j: Job): readonly ScenarioSource[] {
  return j.command === 'run' ? j.scenarios : [j.scenario];
}

/**
 * Each task's digests from every shard, sorted by replication, after checking that each shard
 * holds exactly the replications its slice assigns (so a damaged or hand-edited file cannot
 * double-count or drop one). `counts` is each task's replication count, from the rebuilt job.
 */
export function gatherDigests(parts: readonly NamedPartial[], counts: readonly number[]): { ok: true; digests: ReplicationDigest[][] } | { ok: false; message: string } {
  const out: ReplicationDigest[][] = counts.map(() => []);
  for (const { name, partial } of parts) {
    if (partial.digests.length !== counts.length) return { ok: false, message: `${name} holds ${partial.digests.length} tasks, expected ${counts.length}` };
    // Counted first: the lists below are as long as the job says, and a forged job may say a billion.
    const sizes = shardReplicationCounts(counts, partial.shard);
    const short = sizes.findIndex((n, t) => n !== partial.digests[t]!.length);
    if (short >= 0) return { ok: false, message: `${name} holds ${partial.digests[short]!.length} replications of task ${short + 1}, but shard ${partial.shard.index}/${partial.shard.count} of the job has ${sizes[short]}` };
    const expected = shardReplications(counts, partial.shard);
    for (let t = 0; t < counts.length; t++) {
      const got = partial.digests[t]!.map((d) => d.replication).sort((x, y) => x - y);
      if (!isDeepStrictEqual(got, expected[t])) return { ok: false, message: `${name} does not hold the replications of shard ${partial.shard.index}/${partial.shard.count} (task ${t + 1})` };
      out[t]!.push(...partial.digests[t]!);
    }
  }
  for (const d of out) d.sort((x, y) => x.replication - y.replication);
  return { ok: true, digests: out };
}

/**
 * Each task's rare-event episodes from every shard, in episode order, after checking that each
 * shard holds exactly its block (shardRange). `counts` is each task's episode count.
 */
export function gatherEpisodes(parts: readonly NamedPartial[], counts: readonly number[]): { ok: true; episodes: EpisodeDigest[][] } | { ok: false; message: string } {
  const out: EpisodeDigest[][] = counts.map(() => []);
  for (const { name, partial } of parts) {
    if (partial.episodes.length !== counts.length) return { ok: false, message: `${name} holds episodes of ${partial.episodes.length} tasks, expected ${counts.length}` };
    for (let t = 0; t < counts.length; t++) {
      const { first, size } = shardRange(counts[t]!, partial.shard);
      if (size !== partial.episodes[t]!.length) return { ok: false, message: `${name} holds ${partial.episodes[t]!.length} episodes of task ${t + 1}, but shard ${partial.shard.index}/${partial.shard.count} of the job has ${size}` };
      const got = partial.episodes[t]!.map((e) => e.episode).sort((x, y) => x - y);
      if (!isDeepStrictEqual(got, Array.from({ length: size }, (_, i) => first + i))) {
        return { ok: false, message: `${name} does not hold the episodes of shard ${partial.shard.index}/${partial.shard.count} (task ${t + 1})` };
      }
      out[t]!.push(...partial.episodes[t]!);
    }
  }
  for (const e of out) e.sort((x, y) => x.episode - y.episode);
  return { ok: true, episodes: out };
}
