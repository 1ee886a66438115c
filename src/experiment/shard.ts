/** Slicing a piece of work into n shards: which replications of which task each shard runs. */

/**
 * The most shards a run may be cut into (`--shard i/n`, and files `merge` reads): ten thousand
 * machines is already far past any cluster a sweep is spread over, and the bound keeps a merge's
 * bookkeeping (and its messages) small whatever a file claims.
 */
export const MAX_SHARDS = 10_000;

/** Shard `index` of `count`, numbered from 1 as on the command line (`--shard 2/4`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The replications of each task that `shard` runs, given each task's replication count. Work
 * items are numbered task by task, replication by replication (item k), and item k goes to
 * shard (k mod count) + 1: dealt like cards, so every shard gets a fair share of every task
 * (sweep points differ a lot in cost) and the slices depend on nothing but the counts. Every
 * item lands in exactly one shard; a shard may get none when there are fewer items than shards.
 */
export function shardReplications(replicationCounts: readonly number[], shard: Shard): number[][] {
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.count) {
    throw new Error(`shardReplications: expected 1 <= index <= count, got ${shard.index}/${shard.count}`);
  }
  let k = 0;
  return replicationCounts.map((n) => {
    const mine: number[] = [];
    for (let r = 0; r < n; r++, k++) if (k % shard.count === shard.index - 1) mine.push(r);
    return mine;
  });
}

/**
 * How many replications of each task `shard` runs: the lengths of shardReplications' lists,
 * counted without listing them (O(tasks)), so that a merge can check a file's claim before
 * allocating anything per replication.
 */
export function shardReplicationCounts(replicationCounts: readonly number[], shard: Shard): number[] {
  const j = shard.index - 1;
  // Items k in [0, m) with k mod count = j.
  const upTo = (m: number): number => (m <= j ? 0 : Math.floor((m - j - 1) / shard.count) + 1);
  let k = 0;
  return replicationCounts.map((n) => {
    const mine = upTo(k + n) - upTo(k);
    k += n;
    return mine;
  });
}

/** Every replication of every task: the work of an unsharded run. */
export function allReplications(replicationCounts: readonly number[]): number[][] {
  return replicationCounts.map((n) => Array.from({ length: n }, (_, r) => r));
}

/**
 * The contiguous block of `count` items (rare-event episodes, which cost about the same each)
 * that `shard` runs: [first, first + size), the blocks in shard order, sizes differing by at most 1.
 */
export function shardRange(count: number, shard: Shard): { readonly first: number; readonly size: number } {
  const first = Math.floor(((shard.index - 1) * count) / shard.count);
  return { first, size: Math.floor((shard.index * count) / shard.count) - first };
}
