/**
 * kubesim against the real etcd 3.4 measured by `npm run calibrate` (issue 11's acceptance): the
 * leader-kill write gap's median and p90 within 25% of the real ones for 3 and 5 members, the
 * share of gaps over 2 s within a factor of 2, 5 members faster than 3; and the committed
 * kubesim rows are what the current model gives. Reads the committed CSVs, runs the model (the
 * built one: `npm test` builds first); no etcd here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../calibrate/csv.mjs';
import { kubesimGaps } from '../../calibrate/kubesimSide.mjs';
import { summarize, type GapSummary } from '../../calibrate/stats.mjs';

const ROOT = new URL('../../calibrate/', import.meta.url);
const realGaps = parseCsv(readFileSync(new URL('etcd-gaps.csv', ROOT), 'utf8')).rows;
const results = parseCsv(readFileSync(new URL('results.csv', ROOT), 'utf8')).rows;

function real(members: number, caseName: string): GapSummary {
  const gaps = realGaps.filter((r) => Number(r.members) === members && r.case === caseName && r.censored !== 'true').map((r) => Number(r.gap_s));
  return summarize(gaps);
}

/** The committed row's replications: kubesim's rows are computed over this many. */
function committed(members: number, caseName: string): Record<string, string> {
  const row = results.find((r) => r.source === 'kubesim' && Number(r.members) === members && r.case === caseName);
  if (row === undefined) throw new Error(`calibrate/results.csv has no kubesim row for ${caseName}, ${members} members`);
  return row;
}

const model = new Map<string, GapSummary>();
async function simulated(members: number, caseName: string): Promise<GapSummary> {
  const key = `${caseName}-${members}`;
  if (!model.has(key)) model.set(key, summarize((await kubesimGaps(caseName, members, Number(committed(members, caseName).rounds))).gaps));
  return model.get(key)!;
}

describe('kubesim against a real etcd 3.4 (calibrate/etcd-gaps.csv)', () => {
  it.each([3, 5])('should have measured at least 40 leader kills with %s members', (members) => {
    expect(real(members, 'leader-kill').rounds).toBeGreaterThanOrEqual(40);
  });

  it.each([3, 5])('should give a leader-kill median and p90 within 25%% of the real ones, %s members', async (members) => {
    const r = real(members, 'leader-kill');
    const k = await simulated(members, 'leader-kill');
    expect(Math.abs(k.median / r.median - 1)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(k.p90 / r.p90 - 1)).toBeLessThanOrEqual(0.25);
  });

  it.each([3, 5])('should give a share of leader-kill gaps over 2 s within a factor of 2 of the real one, %s members', async (members) => {
    const r = real(members, 'leader-kill');
    const k = await simulated(members, 'leader-kill');
    expect(r.shareOver2s).toBeGreaterThan(0);
    expect(k.shareOver2s).toBeGreaterThanOrEqual(r.shareOver2s / 2);
    expect(k.shareOver2s).toBeLessThanOrEqual(r.shareOver2s * 2);
  });

  it('should elect faster with 5 members than with 3, as the real etcd does', async () => {
    expect(real(5, 'leader-kill').median).toBeLessThan(real(3, 'leader-kill').median);
    expect((await simulated(5, 'leader-kill')).median).toBeLessThan((await simulated(3, 'leader-kill')).median);
  });

  it.each(['leader-kill', 'follower-kill', 'majority-down', 'leader-freeze'].flatMap((c) => [3, 5].map((n) => [c, n] as const)))(
    'should commit the kubesim row of %s (%s members) that the current model gives (rerun `npm run calibrate -- --skip-etcd` after a model change)',
    async (caseName, members) => {
      const row = committed(members, caseName);
      const k = await simulated(members, caseName);
      expect([Number(row.median_s), Number(row.p90_s), Number(row.max_s), Number(row.share_over_2s)]).toEqual(
        [k.median, k.p90, k.max, k.shareOver2s].map((x) => Math.round(x * 1e4) / 1e4),
      );
    },
  );
});
