import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allReplications, shardRange, shardReplicationCounts, shardReplications } from '../../src/experiment/shard.js';
import { runs } from '../runs.js';

describe('shardReplications', () => {
  it('should deal items like cards: item k to shard (k mod n) + 1', () => {
    // Items: task 0 has replications 0..3 (items 0..3), task 1 has 0..2 (items 4..6).
    expect(shardReplications([4, 3], { index: 1, count: 3 })).toEqual([[0, 3], [2]]);
    expect(shardReplications([4, 3], { index: 2, count: 3 })).toEqual([[1], [0]]);
    expect(shardReplications([4, 3], { index: 3, count: 3 })).toEqual([[2], [1]]);
  });

  it('should give every (task, replication) pair to exactly one shard, in replication order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }), fc.integer({ min: 1, max: 12 }), (counts, n) => {
        const slices = Array.from({ length: n }, (_, i) => shardReplications(counts, { index: i + 1, count: n }));
        counts.forEach((_, t) => {
          const got = slices.flatMap((s) => s[t]!).sort((a, b) => a - b);
          expect(got).toEqual(allReplications(counts)[t]);
          for (const s of slices) expect([...s[t]!]).toEqual([...s[t]!].sort((a, b) => a - b));
        });
        // Balanced: shard sizes differ by at most one item.
        const sizes = slices.map((s) => s.reduce((a, r) => a + r.length, 0));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('should refuse a shard outside 1..n (a programming error: the CLI checks the flag first)', () => {
    expect(() => shardReplications([3], { index: 0, count: 2 })).toThrow(/1 <= index <= count/);
    expect(() => shardReplications([3], { index: 3, count: 2 })).toThrow(/1 <= index <= count/);
  });
});

describe('shardReplicationCounts', () => {
  it("should count, for every shard and task, exactly the replications shardReplications lists", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 12 }), (counts, n) => {
        for (let i = 1; i <= n; i++) {
          expect(shardReplicationCounts(counts, { index: i, count: n })).toEqual(shardReplications(counts, { index: i, count: n }).map((r) => r.length));
        }
      }),
    );
  });

  it('should count a trillion replications without listing them', () => {
    expect(shardReplicationCounts([1e12, 3], { index: 2, count: 4 })).toEqual([250_000_000_000, 1]);
  });
});

describe('shardRange', () => {
  it('should cut 10 items into contiguous blocks of 3, 3 and 4, in shard order', () => {
    expect([1, 2, 3].map((index) => shardRange(10, { index, count: 3 }))).toEqual([
      { first: 0, size: 3 },
      { first: 3, size: 3 },
      { first: 6, size: 4 },
    ]);
  });

  it('should give every item to exactly one shard, blocks differing in size by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 64 }), (count, n) => {
        const blocks = Array.from({ length: n }, (_, i) => shardRange(count, { index: i + 1, count: n }));
        let next = 0;
        for (const b of blocks) {
          expect(b.first).toBe(next);
          next += b.size;
        }
        expect(next).toBe(count);
        const sizes = blocks.map((b) => b.size);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs(200) },
    );
  });
});
