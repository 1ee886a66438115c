/**
 * Names that are JavaScript built-ins (`__proto__`, `constructor`, `toString`...) through the real
 * CLI (issue 12, item 5): every command runs to its full output and every name is in it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const SCENARIO = fixture('builtin-names.yaml');
const FEDERATION = fixture('builtin-names-federation.yaml');
const CLUSTERS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];
const TENANTS = ['__proto__', 'constructor', 'valueOf'];
const FAST = ['--replications', '2', '--jobs', '1'];

type Doc = Record<string, unknown>;
const keys = (o: unknown): string[] => Object.keys(o as Doc);
const at = (o: unknown, key: string): unknown => (Object.hasOwn(o as Doc, key) ? (o as Doc)[key] : undefined);
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'kubesim-names-'));

describe('names that are JavaScript built-ins', () => {
  it('should validate them', async () => {
    const r = await kubesimInProcess(['validate', SCENARIO, FEDERATION]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('builtin-names.yaml: ok (6 clusters, 4 scripted faults)');
  });

  it('should run to a full report with every cluster and tenant in the summary, the page and the charts', async () => {
    const out = join(tempDir(), 'report');
    const r = await kubesimInProcess(['run', SCENARIO, ...FAST, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    for (const f of ['index.html', 'summary.md', 'summary.json', 'signals.csv', 'charts/availability.svg', 'charts/timeline.svg', 'charts/cost.svg']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Doc;
    expect(doc['scenario']).toBe('constructor');
    expect(keys(doc['clusters'])).toEqual(CLUSTERS);
    const proto = at(doc['clusters'], '__proto__');
    expect(keys(at(proto, 'tenants'))).toEqual(TENANTS);
    expect(keys(at(proto, 'signals'))).toEqual(expect.arrayContaining(TENANTS.map((t) => `tenant:${t}`)));
    // Each cluster has its own numbers, not Object.prototype's.
    for (const c of CLUSTERS) expect(at(at(at(doc['clusters'], c), 'signals'), 'apiWrite'), c).toMatchObject({ availability: { mean: expect.any(Number) } });
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    const svg = readFileSync(join(out, 'charts/availability.svg'), 'utf8');
    for (const c of CLUSTERS) {
      // Markdown escapes the underscores of __proto__.
      expect(md, c).toContain(`| ${c.replace(/_/g, '\\_')} |`);
      expect(r.stdout, c).toMatch(new RegExp(`^${c} \\(`, 'm'));
      // A chart title shows the name (vega gets it with a zero-width space, invisible).
      expect(svg, c).toContain(c);
    }
    expect(readFileSync(join(out, 'signals.csv'), 'utf8')).toContain('__proto__,tenant:constructor');
  });

  it('should print the same summary with --json, and the same after sharding and merging', async () => {
    const direct = await kubesimInProcess(['run', SCENARIO, ...FAST, '--json']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(keys(JSON.parse(direct.stdout).clusters)).toEqual(CLUSTERS);
    const dir = tempDir();
    for (const shard of ['1/2', '2/2']) {
      const r = kubesim(['run', SCENARIO, ...FAST, '--shard', shard, '--out', dir]);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await kubesimInProcess(['merge', dir, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(direct.stdout);
  });

  it('should compare scenarios whose clusters share no name (constructor on one side only)', async () => {
    const out = join(tempDir(), 'cmp');
    const r = await kubesimInProcess(['compare', SCENARIO, FEDERATION, ...FAST, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // A row per cluster, each priced from its own (built-in named) cluster summary.
    expect(r.stdout).toMatch(/^constructor · __proto__\s+__proto__\/apiWrite .* 10 +\$2,098\.75 /m);
    expect(r.stdout).toMatch(/^__proto__ · __proto__\s+__proto__\/apiWrite .* 7 +\$1,266\.55 /m);
    const docs = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { label: string; summary: Doc }[];
    expect(keys(docs[0]!.summary['clusters'])).toEqual(CLUSTERS);
    expect(keys(docs[1]!.summary['clusters'])).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(existsSync(join(out, 'charts/availability.svg'))).toBe(true);
  });

  it('should keep the global signals that read a host cluster named __proto__', async () => {
    const r = await kubesimInProcess(['run', FEDERATION, ...FAST, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { clusters: Doc; global: { signals: Doc } };
    expect(keys(doc.clusters)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(keys(doc.global.signals)).toEqual(['service', 'configPush']);
  });

  it('should explain a run, naming the clusters and the failure domain', async () => {
    const r = await kubesimInProcess(['explain', SCENARIO, '--from', '7d23h', '--to', '8d1h', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const steps = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { clusters: { name: string }[]; happened: string[] });
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]!.clusters.map((c) => c.name)).toEqual(CLUSTERS);
    expect(steps.flatMap((s) => s.happened).join('\n')).toContain('isPrototypeOf');
    const text = await kubesimInProcess(['explain', SCENARIO, '--from', '7d23h', '--to', '8d1h', '--ascii', '--width', '80']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('[__proto__]');
  });

  it('should give the analytic answer beside the simulation for every cluster', async () => {
    const r = await kubesimInProcess(['analytic', SCENARIO, '--ignore-faults', ...FAST, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { signals: { cluster: string; signal: string }[] };
    expect([...new Set(doc.signals.map((s) => s.cluster))]).toEqual(CLUSTERS);
  });

  it('should sweep, with the clusters in every point and the recommendation', async () => {
    const out = join(tempDir(), 'sweep');
    const r = await kubesimInProcess(['sweep', FEDERATION, '--set', 'workers.nodes=3,4', '--slo', 'apiWrite=50', ...FAST, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Recommendation at workers.nodes=3: workers.nodes=3,');
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { points: { summary: Doc; etcd: Doc }[] };
    for (const p of doc.points) {
      expect(keys(p.summary['clusters'])).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
      expect(keys(p.etcd)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    }
  });
});
