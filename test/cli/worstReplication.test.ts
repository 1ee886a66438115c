/** The worst replication per signal: named in the summary, narrated by `explain --replication worst --signal S`. */
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const FILE = 'scenarios/default.yaml';

const r = await kubesimInProcess(['run', FILE, '--json', '--jobs', '1', '--replications', '6']);
const summary = JSON.parse(r.stdout) as Summary;
const csv = await kubesimInProcess(['run', FILE, '--jobs', '1', '--replications', '6', '--out', 'test-output/worst-replication']);

describe('the worst replication', () => {

  it('should be the replication with the most downtime of the signal, as signals.csv lists them', async () => {
    expect(r.code, r.stderr).toBe(0);
    expect(csv.code, csv.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync('test-output/worst-replication/signals.csv', 'utf8').trim().split('\n');
    const head = lines[0]!.split(',');
    const col = (name: string) => head.indexOf(name);
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const signal of ['etcdQuorum', 'apiWrite', 'workloads']) {
      const mine = rows.filter((x) => x[col('cluster')] === 'prod' && x[col('signal')] === signal);
      expect(mine).toHaveLength(6);
      const down = mine.map((x) => Number(x[col('downSeconds')]));
      const max = Math.max(...down);
      const w = summary.clusters['prod']!.signals[signal]!.worstReplication;
      if (max === 0) {
        expect(w).toBeNull();
        continue;
      }
      // By hand: the first replication whose downtime is the largest.
      expect(w!.replication).toBe(Number(mine[down.indexOf(max)]![col('replication')]));
      expect(w!.downSeconds).toBeCloseTo(max, 3);
    }
  });

  it('should be what explain --replication worst narrates, the same as naming it', async () => {
    const plain = await kubesimInProcess(['explain', FILE, '--replication', 'worst', '--signal', 'prod/apiWrite', '--jobs', '1']);
    expect(plain.code, plain.stderr).toBe(0);
    const line = plain.stdout.split('\n')[1]!;
    expect(line).toMatch(/^the worst of 50 replications for prod\/apiWrite: replication (\d+), down .* in \d+ outage\(s\)$/);
    const k = Number(/replication (\d+),/.exec(line)![1]);
    expect(plain.stdout.split('\n')[0]).toContain(`replication ${k} (seed 42)`);
    // The signal alone means the first cluster that has it; --jobs does not change the pick; both tell the steps that move it.
    const picked = kubesim(['explain', FILE, '--replication', 'worst', '--signal', 'apiWrite', '--jobs', '2', '--json']);
    const named = await kubesimInProcess(['explain', FILE, '--replication', String(k), '--signal', 'prod/apiWrite', '--json']);
    expect(picked.code, picked.stderr).toBe(0);
    expect(picked.stdout).toBe(named.stdout);
  });

  it('should refuse a signal the scenario does not have, with worst or without, before any work', async () => {
    for (const args of [
      ['--replication', 'worst', '--signal', 'apiWrit'],
      ['--replication', 'worst', '--signal', 'nope/apiWrite'],
      ['--signal', 'apiWrit'],
    ]) {
      const x = await kubesimInProcess(['explain', FILE, ...args]);
      expect(x.code, args.join(' ')).toBe(2);
      expect(x.stderr.trim().split('\n')).toHaveLength(1);
      expect(x.stderr).toMatch(/^kubesim: --signal: /);
    }
  });
});
