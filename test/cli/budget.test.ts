/** Bounded work through the real CLI: event storms refused at validation, work past the budget refused with its estimate, before anything runs. */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-budget-'));
function file(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}
const header = (name: string, spec: string) => `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: ${name} }
spec:
${spec}`;

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('bounded work', () => {
  it.each([
    ['1ms with a repair of 0', '{ mttf: 1ms, mttr: { fixed: 0s } }', '"1ms"'],
    ['1e-300 s', '{ mttf: 1e-300, mttr: 1e-300 }', '1e-300'],
  ])('refuses an etcd mttf of %s at validation: an event storm', async (_, failures, found) => {
    const f = file('storm.yaml', header('storm', `  horizon: 1h\n  failures:\n    etcd: ${failures}\n  clusters:\n    - { name: prod, model: multi-master }\n`));
    for (const args of [['validate', f], ['run', f, '--no-report']]) {
      const r = await kubesimInProcess(args);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toEqual([`kubesim: ${f}:7: spec.failures.etcd.mttf: expected a time to failure with a mean of at least 1 s, found ${found} (failures faster than that are an event storm, not a failure model)`]);
    }
  });

  it('refuses a run past the budget with its estimate and the flag that allows it; --max-work lets it run', async () => {
    const f = file('busy.yaml', header('busy', `  horizon: 30d\n  replications: 4\n  failures:\n    worker: { mttf: 1h, mttr: 10m }\n  clusters:\n    - { name: prod, model: multi-master, workers: { nodes: 20 } }\n`));
    const out = join(dir, 'busy-report');
    const r = await kubesimInProcess(['run', f, '--out', out, '--max-work', '1e5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = oneLine(r.stderr);
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/^kubesim: this run is too big: about [\d.,e]+ events over 4 replications, about [\d.,e]+ units of work \(.+ on one core\), past the budget of 100,000; .* raise the budget with --max-work [\d.e]+ \(docs\/limits\.md\)$/);
    expect(existsSync(out)).toBe(false);
    const allowed = /--max-work ([\d.e]+)/.exec(line[0]!)![1]!;
    const ok = await kubesimInProcess(['run', f, '--no-report', '--json', '--max-work', allowed]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).replications).toBe(4);
  });

  it.each(['0', 'lots', '1e999'])('refuses --max-work %j in one line', async (value) => {
    const r = await kubesimInProcess(['run', 'scenarios/single-server.yaml', '--no-report', '--max-work', value]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([`kubesim: --max-work: expected a number of events of at least 1, like 5e9, found "${value}"`]);
  });

  it('refuses a million replications by their memory, and a million-year horizon by its events', async () => {
    const reps = await kubesimInProcess(['run', 'scenarios/quorum-loss-demo.yaml', '--replications', '1000000', '--no-report']);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toMatch(/^kubesim: this run would need about [\d.]+ GB of memory \(.*the results of 1,000,000 replications\), past the limit of 4\.0 GB; .*\n$/);
    const horizon = await kubesimInProcess(['run', 'scenarios/default.yaml', '--horizon', '1000000y', '--no-report']);
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toMatch(/^kubesim: this run is too big: about [\d.]+e\d+ events over 50 replications/);
  });

  it('refuses 200 clusters of 5,000 workers by memory, before building them', () => {
    const clusters = Array.from({ length: 200 }, (_, i) => `    - { name: c${i}, model: multi-master, workers: { nodes: 5000 } }`).join('\n');
    const f = file('c200.yaml', header('c200', `  horizon: 1d\n  replications: 1\n  clusters:\n${clusters}\n`));
    const r = kubesim(['run', f, '--no-report', '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubesim: this run would need about 15\.\d GB of memory \(a world of 1,00\d,\d00 components per thread on 2 threads, and the results of 1 replication\)/);
  });

  it('refuses more than 1000 clusters in the file, and a sweep grid of more than 10,000 points', async () => {
    const clusters = Array.from({ length: 1001 }, (_, i) => `    - { name: c${i}, model: single-server }`).join('\n');
    const f = file('c1001.yaml', header('c1001', `  clusters:\n${clusters}\n`));
    const r = await kubesimInProcess(['validate', f]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([`kubesim: ${f}:5: spec.clusters: expected a list of at least 1 and at most 1000 items, found a list of 1001 items`]);
    const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',');
    const sweep = await kubesimInProcess(['sweep', 'scenarios/default.yaml', '--set', `workers.nodes=${values(101)}`, '--set', `seed=${values(100)}`]);
    expect(sweep.code).toBe(2);
    expect(oneLine(sweep.stderr)).toEqual(['kubesim: --set: the grid has 10,100 points (101 × 100), more than the 10,000 a sweep may have; sweep fewer values, or split the grid over several sweeps (docs/limits.md)']);
  });

  it('explain and compare check the budget too', async () => {
    const f = file('long.yaml', header('long', `  horizon: 100y\n  failures:\n    worker: { mttf: 1h, mttr: 10m }\n  clusters:\n    - { name: prod, model: multi-master, workers: { nodes: 100 } }\n`));
    const explain = await kubesimInProcess(['explain', f, '--max-work', '1e6']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toMatch(/^kubesim: this run is too big: about [\d.]+e\d+ events over 1 replication,/);
    const compare = await kubesimInProcess(['compare', f, 'scenarios/single-server.yaml', '--no-report', '--max-work', '1e6']);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(/^kubesim: this run is too big/);
  });
});
