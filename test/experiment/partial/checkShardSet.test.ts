import { describe, expect, it } from 'vitest';
import { checkShardSet, gatherDigests, gatherEpisodes, PARTIAL_FORMAT, type NamedPartial, type PartialResult, type SweepJob } from '../../../src/experiment/partial/index.js';
import type { ReplicationDigest } from '../../../src/experiment/Digest.js';
import { shardRange, shardReplications } from '../../../src/experiment/shard.js';
import type { EpisodeDigest } from '../../../src/experiment/rare/EpisodeDigest.js';

const JOB: SweepJob = {
  command: 'sweep',
  scenario: { file: 's.yaml', text: 'spec: {}' },
  overrides: { seed: 42 },
  parameters: [{ path: 'etcd.members', values: [1, 3] }],
  objectives: { availability: [], maxWriteP99Ms: null },
};

const digest = (replication: number): ReplicationDigest => ({ replication, signals: [], replicaFraction: [], tenants: [], badVersionReach: null, events: 0 });

/** Shard i of n of a job with two tasks of `reps` replications, holding exactly its slice. */
function part(index: number, count: number, job: PartialResult['job'] = JOB, version = '0.1.0', reps = 5): NamedPartial {
  const slices = shardReplications([reps, reps], { index, count });
  return {
    name: `s.shard-${index}-of-${count}.json`,
    partial: { format: PARTIAL_FORMAT, kubesim: version, shard: { index, count }, job, digests: slices.map((r) => r.map(digest)), traces: [], episodes: [[], []], checksum: 'sha256:' },
  };
}

describe('checkShardSet', () => {
  it('should accept every shard once, in any order', () => {
    expect(checkShardSet([part(3, 3), part(1, 3), part(2, 3)], '0.1.0')).toEqual({ ok: true, job: JOB });
  });

  const refusals: { why: string; parts: NamedPartial[]; message: string }[] = [
    { why: 'a missing shard', parts: [part(1, 3), part(3, 3)], message: 'incomplete set of shards: missing 2/3 (have 1/3, 3/3)' },
    { why: 'a shard given twice', parts: [part(1, 2), part(1, 2), part(2, 2)], message: 'shard 1/2 is given twice (s.shard-1-of-2.json and s.shard-1-of-2.json)' },
    {
      why: 'another seed',
      parts: [part(1, 2), part(2, 2, { ...JOB, overrides: { seed: 7 } })],
      message: 's.shard-2-of-2.json is not a shard of the same run as s.shard-1-of-2.json: different seeds (7 and 42)',
    },
    {
      why: 'another scenario',
      parts: [part(1, 2), part(2, 2, { ...JOB, scenario: { file: 't.yaml', text: 'spec: { x: 1 }' } })],
      message: 's.shard-2-of-2.json is not a shard of the same run as s.shard-1-of-2.json: different scenarios (t.yaml and s.yaml differ)',
    },
    {
      why: 'other swept values',
      parts: [part(1, 2), part(2, 2, { ...JOB, parameters: [{ path: 'etcd.members', values: [1, 5] }] })],
      message: 's.shard-2-of-2.json is not a shard of the same run as s.shard-1-of-2.json: different --set values',
    },
    {
      why: 'another shard count',
      parts: [part(1, 2), part(2, 3)],
      message: 's.shard-2-of-3.json is shard 2/3 but s.shard-1-of-2.json is shard 1/2: different shard counts',
    },
    {
      why: 'another kubesim version',
      parts: [part(1, 1, JOB, '0.0.9')],
      message: 's.shard-1-of-1.json was written by kubesim 0.0.9, this is kubesim 0.1.0: merge with the version that ran the shards',
    },
    {
      why: 'a run and a sweep',
      parts: [part(1, 2), part(2, 2, { command: 'run', scenarios: [JOB.scenario], overrides: {} })],
      message: 's.shard-2-of-2.json is not a shard of the same run as s.shard-1-of-2.json: one is from kubesim run, the other from kubesim sweep',
    },
  ];
  for (const r of refusals) {
    it(`should refuse ${r.why} with one line`, () => {
      expect(checkShardSet(r.parts, '0.1.0')).toEqual({ ok: false, message: r.message });
    });
  }
});

describe('gatherDigests', () => {
  it('should put every task back together in replication order', () => {
    const g = gatherDigests([part(2, 3), part(1, 3), part(3, 3)], [5, 5]);
    expect(g.ok && g.digests.map((d) => d.map((x) => x.replication))).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 4],
    ]);
  });

  it('should refuse a shard that does not hold exactly its slice (a damaged or edited file)', () => {
    const bad = part(1, 2);
    const edited: NamedPartial = { name: bad.name, partial: { ...bad.partial, digests: [bad.partial.digests[0]!.slice(1), bad.partial.digests[1]!] } };
    expect(gatherDigests([edited, part(2, 2)], [5, 5])).toEqual({ ok: false, message: 's.shard-1-of-2.json holds 2 replications of task 1, but shard 1/2 of the job has 3' });
    const renumbered: NamedPartial = { name: bad.name, partial: { ...bad.partial, digests: [bad.partial.digests[0]!.map((d, i) => (i === 0 ? { ...d, replication: 1 } : d)), bad.partial.digests[1]!] } };
    expect(gatherDigests([renumbered, part(2, 2)], [5, 5])).toEqual({ ok: false, message: 's.shard-1-of-2.json does not hold the replications of shard 1/2 (task 1)' });
  });

  it('should refuse a job claiming a trillion replications by counting, before listing them', () => {
    // Listing a trillion replication numbers would crash V8 (the forged-partial defect); counting them is O(tasks).
    expect(gatherDigests([part(1, 2), part(2, 2)], [1e12, 5])).toEqual({ ok: false, message: 's.shard-1-of-2.json holds 3 replications of task 1, but shard 1/2 of the job has 500000000000' });
  });
});

describe('gatherEpisodes', () => {
  const episode = (k: number) => ({ episode: k }) as unknown as EpisodeDigest;
  /** Shard i of n holding its block of `counts[t]` episodes per task (or what `edit` makes of it). */
  const withEpisodes = (index: number, count: number, counts: number[], edit = (e: number[]) => e): NamedPartial => {
    const p = part(index, count);
    const episodes = counts.map((n) => {
      const { first, size } = shardRange(n, { index, count });
      return edit(Array.from({ length: size }, (_, i) => first + i)).map(episode);
    });
    return { ...p, partial: { ...p.partial, episodes } };
  };

  it("should put every shard's block back in episode order", () => {
    const g = gatherEpisodes([withEpisodes(2, 3, [10, 0]), withEpisodes(1, 3, [10, 0]), withEpisodes(3, 3, [10, 0])], [10, 0]);
    expect(g.ok && g.episodes.map((t) => t.map((e) => e.episode))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], []]);
  });

  it('should refuse a shard that lacks an episode of its block, or holds one of another', () => {
    const dropped = gatherEpisodes([withEpisodes(1, 2, [10, 0], (e) => e.slice(1)), withEpisodes(2, 2, [10, 0])], [10, 0]);
    expect(dropped).toEqual({ ok: false, message: 's.shard-1-of-2.json holds 4 episodes of task 1, but shard 1/2 of the job has 5' });
    const huge = gatherEpisodes([withEpisodes(1, 2, [10, 0]), withEpisodes(2, 2, [10, 0])], [1e12, 0]);
    expect(huge).toEqual({ ok: false, message: 's.shard-1-of-2.json holds 5 episodes of task 1, but shard 1/2 of the job has 500000000000' });
    const stray = gatherEpisodes([withEpisodes(1, 2, [10, 0], (e) => [...e, 7]), withEpisodes(2, 2, [10, 0])], [10, 0]);
    expect(stray.ok).toBe(false);
  });
});
