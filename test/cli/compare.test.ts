/** `kubesim compare` and `kubesim models` through the real CLI. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubesimInProcess } from './inProcess.js';

describe('kubesim compare', () => {
  it('should report scenarios side by side with the measured properties and write the page', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kubesim-compare-')), 'cmp');
    const r = await kubesimInProcess(['compare', 'scenarios/single-server.yaml', 'scenarios/multi-master.yaml', '--replications', '3', '--horizon', '30d', '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/single-server\s+dev\/apiWrite/);
    expect(r.stdout).toMatch(/no \(losing dev\/cp-1 stops the API\)/);
    // multi-master.yaml holds two independent clusters: a row each, with its own hosts and cost,
    // and each judged on its own API; each has one load balancer, a single point of failure.
    expect(r.stdout).toMatch(/^multi-master · stacked\s+stacked\/apiWrite .* 34 +\$8,756\.35 .*no \(losing stacked\/lb stops the API: a single load balancer is a single point of failure\)$/m);
    expect(r.stdout).toMatch(/^multi-master · external\s+external\/apiWrite .* 37 +\$9,172\.45 .*no \(losing external\/lb stops the API: a single load balancer is a single point of failure\)$/m);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Measured by simulation');
    expect(html).toContain('multi-master · external');
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toMatch(/^\| multi-master · stacked \| multi-master \| 34 \| \$8,756\.35 \| stacked\/apiWrite \|/m);
    // The properties table judges the whole file by every cluster in it.
    expect(md).toContain("no (losing stacked/lb stops stacked's API: a single load balancer is a single point of failure)");
    for (const f of ['summary.json', 'summary.md', 'signals.csv']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('should run each scenario to --precision and say what each reached, under the table and in the JSON', async () => {
    const args = ['compare', 'scenarios/single-server.yaml', 'scenarios/multi-master.yaml', '--replications', '3', '--horizon', '30d', '--precision', '40%', '--signals', 'apiWrite', '--max-replications', '12', '--no-report', '--jobs', '1'];
    const r = await kubesimInProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^single-server: Precision ±40%: (reached by every requested signal|NOT reached; --max-replications stopped the run first)/m);
    expect(r.stdout).toMatch(/^multi-master: Precision ±40%: /m);
    const docs = JSON.parse((await kubesimInProcess([...args, '--json'])).stdout) as { label: string; summary: { replications: number; precision: { target: number } } }[];
    for (const d of docs) {
      expect(d.summary.precision.target).toBe(0.4);
      expect(d.summary.replications).toBeLessThanOrEqual(12);
    }
  });

  it('should refuse a single scenario with exit 2', async () => {
    const r = await kubesimInProcess(['compare', 'scenarios/single-server.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubesim: compare: expected at least two scenario files, found 1\n');
  });
});

describe('kubesim models', () => {
  it('should measure the seed\'s properties of each model', async () => {
    const r = await kubesimInProcess(['models', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { model: string; highlyAvailable: string; replicatedConfig: string; namespaceIsolation: string }[];
    const by = Object.fromEntries(rows.map((x) => [x.model, x]));
    expect(Object.keys(by)).toEqual(['single-server', 'multi-tenant', 'multi-master', 'multi-cluster', 'federation']);
    expect(by['single-server']!.highlyAvailable).toMatch(/^no/);
    expect(by['single-server']!.replicatedConfig).toMatch(/^no/);
    expect(by['multi-master']!.replicatedConfig).toMatch(/^within the cluster/);
    expect(by['multi-master']!.highlyAvailable).toMatch(/^yes/);
    expect(by['multi-cluster']!.highlyAvailable).toMatch(/^yes/);
    expect(by['federation']!.replicatedConfig).toMatch(/^across clusters/);
    expect(by['multi-tenant']!.namespaceIsolation).toMatch(/^yes/);
  });

  it('should print the properties side by side, then each model with its reasons', async () => {
    const r = await kubesimInProcess(['models']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^model\s+highly available\s+replicated config\s+namespace isolation$/);
    expect(lines[1]).toMatch(/^single-server\s+no\s+no\s+n\/a$/);
    expect(lines[5]).toMatch(/^federation\s+yes\s+across clusters\s+n\/a$/);
    expect(r.stdout).toMatch(/^multi-master: several control-plane nodes/m);
  });
});
