import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GAP_COLUMNS, RESULT_COLUMNS, parseCsv, toCsv } from '../../calibrate/csv.mjs';
import { CASES } from '../../calibrate/flags.mjs';
import { summarize } from '../../calibrate/stats.mjs';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../calibrate/${name}`, import.meta.url)), 'utf8');

describe('toCsv and parseCsv', () => {
  it('should read back what they write, quotes, commas and missing numbers included', () => {
    // Arrange
    const rows = [
      { a: 'AMD EPYC, 2 cores', b: 1.23456789, c: 'said "timed out"' },
      { a: 'plain', b: NaN, c: 'x\ny' },
    ];
    // Act
    const back = parseCsv(toCsv(['a', 'b', 'c'], rows));
    // Assert: numbers keep 4 decimals; NaN is an empty cell.
    expect(back.columns).toEqual(['a', 'b', 'c']);
    expect(back.rows).toEqual([
      { a: 'AMD EPYC, 2 cores', b: '1.2346', c: 'said "timed out"' },
      { a: 'plain', b: '', c: 'x\ny' },
    ]);
  });
});

describe('the committed calibration results', () => {
  const results = parseCsv(read('results.csv'));
  const gaps = parseCsv(read('etcd-gaps.csv'));

  it('should have the expected columns', () => {
    expect(results.columns).toEqual([...RESULT_COLUMNS]);
    expect(gaps.columns).toEqual([...GAP_COLUMNS]);
  });

  it('should hold a real etcd row for each size and case, with its version, date, machine and timings', () => {
    for (const members of ['3', '5']) {
      for (const name of CASES) {
        const row = results.rows.find((r) => r.source === 'etcd' && r.members === members && r.case === name);
        expect(row, `etcd n=${members} ${name}`).toBeDefined();
        expect(row!.etcd_version).toMatch(/^3\.4\.\d+$/);
        expect(Number.isNaN(Date.parse(row!.date ?? ''))).toBe(false);
        expect(row!.machine).toMatch(/cores, Linux /);
        expect([row!.pre_vote, row!.heartbeat_ms, row!.election_timeout_ms]).toEqual(['false', '100', '1000']);
      }
    }
  });

  it("should recompute each etcd row's statistics from the raw rounds", () => {
    for (const row of results.rows.filter((r) => r.source === 'etcd')) {
      // Arrange: the round gaps of this size and case; a censored round measured nothing.
      const rounds = gaps.rows.filter((g) => g.members === row.members && g.case === row.case);
      const values = rounds.map((g) => (g.censored === 'true' ? NaN : Number(g.gap_s)));
      // Act
      const s = summarize(values);
      // Assert: both files keep 4 decimals, so the recomputed figures agree to about 1e-4.
      expect(s.rounds, `${row.members} ${row.case}`).toBe(Number(row.rounds));
      expect(s.median).toBeCloseTo(Number(row.median_s), 3);
      expect(s.p90).toBeCloseTo(Number(row.p90_s), 3);
      expect(s.max).toBeCloseTo(Number(row.max_s), 3);
      expect(s.shareOver2s).toBeCloseTo(Number(row.share_over_2s), 3);
    }
  });
});
