/** `kubesim sweep` and `kubesim merge` through the built CLI (dist/, built before the suite): in-process, --jobs 2 and shards spawned. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-sweep-'));
const scenario = join(dir, 'sizing.yaml');
writeFileSync(
  scenario,
  `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: sizing, description: A small etcd sizing sweep for tests. }
spec:
  horizon: 60d
  replications: 6
  seed: 5
  datacenters: [{ name: dc-a }, { name: dc-b }, { name: dc-c }]
  failures:
    etcd: { mttf: 10d, mttr: 6h }
    loadBalancer: { mttf: 1y, mttr: 10m }
  clusters:
    - name: prod
      model: multi-master
      etcd: { members: 3, topology: external }
      workers: { nodes: 20 }
`,
);
const GRID = [scenario, '--set', 'etcd.members=1,3,5', '--set', 'workers.nodes=100,1000', '--slo', 'apiWrite=99.9', '--max-write-p99', '100ms'];

/** Every file of a report folder, by relative path. */
function files(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    out[path.slice(folder.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('kubesim sweep: serial, threads and shards agree', () => {
  const out = (name: string) => join(dir, name);
  beforeAll(async () => {
    const serial = await kubesimInProcess(['sweep', ...GRID, '--jobs', '1', '--out', out('serial')]);
    expect(serial.code, serial.stderr).toBe(0);
    const threads = kubesim(['sweep', ...GRID, '--jobs', '2', '--out', out('threads')]);
    expect(threads.code, threads.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const r = kubesim(['sweep', ...GRID, '--jobs', '1', '--shard', `${i}/3`, '--out', out('shards')]);
      expect(r.code, r.stderr).toBe(0);
    }
    const m = await kubesimInProcess(['merge', out('shards'), '--out', out('merged')]);
    expect(m.code, m.stderr).toBe(0);
  }, 240_000);

  it('should give byte-identical summary.json serially, with --jobs 2 and from 3 merged shards', () => {
    const serial = readFileSync(join(out('serial'), 'summary.json'), 'utf8');
    expect(readFileSync(join(out('threads'), 'summary.json'), 'utf8')).toBe(serial);
    expect(readFileSync(join(out('merged'), 'summary.json'), 'utf8')).toBe(serial);
  });

  it('should give the same whole report folder after a merge', () => {
    expect(files(out('merged'))).toEqual(files(out('serial')));
  });

  it('should hold one entry per grid point, first parameter varying slowest, with the same seed at each', () => {
    const doc = JSON.parse(readFileSync(join(out('serial'), 'summary.json'), 'utf8'));
    expect(doc.kind).toBe('sweep');
    expect(doc.points.map((p: { label: string }) => p.label)).toEqual([
      'etcd.members=1, workers.nodes=100',
      'etcd.members=1, workers.nodes=1000',
      'etcd.members=3, workers.nodes=100',
      'etcd.members=3, workers.nodes=1000',
      'etcd.members=5, workers.nodes=100',
      'etcd.members=5, workers.nodes=1000',
    ]);
    expect(new Set(doc.points.map((p: { summary: { seed: number } }) => p.summary.seed))).toEqual(new Set([5]));
    expect(doc.points[2].etcd.prod).toMatchObject({ members: 3, failuresTolerated: 1, datacenters: 3 });
    expect(doc.points[2].verdict.checks.map((c: { kind: string }) => c.kind)).toEqual(['availability', 'writeP99']);
    expect(doc.given).toEqual(['workers.nodes']);
    expect(doc.recommendations.map((g: { label: string }) => g.label)).toEqual(['workers.nodes=100', 'workers.nodes=1000']);
  });

  it('should write the CSV, the Markdown and the charts beside the page', () => {
    const names = Object.keys(files(out('serial'))).sort();
    expect(names).toEqual(
      expect.arrayContaining(['index.html', 'summary.md', 'summary.json', 'points.csv', 'charts/write-latency.svg', 'charts/availability-by-size.vl.json', 'charts/cost-vs-availability-1.svg']),
    );
    const csv = readFileSync(join(out('serial'), 'points.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^etcd\.members,workers\.nodes,cluster,members,failuresTolerated,writesPerSecond,/);
    expect(csv.filter((l) => l !== '')).toHaveLength(7);
  });
});

describe('kubesim sweep: output', () => {
  it('should print the table and write no report with --no-report, as run does', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kubesim-sweep-noreport-'));
    const r = await kubesimInProcess(['sweep', scenario, '--set', 'etcd.members=1,3', '--replications', '2', '--jobs', '1', '--no-report'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/etcd\.members/);
    expect(r.stdout).not.toMatch(/Report:/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('should print only the summary JSON with --json', async () => {
    const r = await kubesimInProcess(['sweep', scenario, '--set', 'etcd.members=1,3', '--replications', '2', '--jobs', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.points).toHaveLength(2);
    expect(r.stderr).toBe('');
  });

  it('should print the grid and the cheapest configuration that meets the objectives', async () => {
    const r = await kubesimInProcess(['sweep', scenario, '--set', 'etcd.members=1,3,5', '--replications', '4', '--jobs', '1', '--slo', 'etcdQuorum=99', '--out', join(dir, 'table')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/etcd\.members\s+Tolerates\s+etcdQuorum\s+Trust\s+95% CI\s+Method\s+Nines\s+Write p99/);
    expect(r.stdout).toMatch(/Recommendation: etcd\.members=3, \$[\d,.]+ per month: the cheapest of the 2 of 3 configurations that meet etcdQuorum >= 99%\./);
    expect(r.stdout).toMatch(/^★ 3 /m);
  });

  it('should say when no configuration meets the objectives, and which objective fails where', async () => {
    const r = await kubesimInProcess(['sweep', scenario, '--set', 'etcd.members=1,3', '--replications', '2', '--jobs', '1', '--max-write-p99', '1ms', '--out', join(dir, 'none')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No configuration of the 2 meets write p99 <= 1 ms\./);
    expect(r.stdout).toMatch(/Closest: etcd\.members=1, which misses write p99 <= 1 ms: prod write p99 [\d.]+ ms\./);
  });

  it('should sweep spec.etcdLoad as load: a recommendation for each pod lifetime, and saturation at high churn', async () => {
    const args = ['--set', 'etcd.members=1,3,5', '--set', 'etcdLoad.podLifetime=1d,10m', '--set', 'workers.nodes=5000', '--max-write-p99', '100ms'];
    const r = await kubesimInProcess(['sweep', scenario, ...args, '--replications', '2', '--horizon', '7d', '--jobs', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      given: string[];
      points: { label: string; etcd: { prod: { write: { kind: string } } } }[];
      recommendations: { label: string; recommendation: { kind: string; label?: string } }[];
      assumptions: { etcd: { load: { podLifetime: number } } };
    };
    expect(doc.given).toEqual(['etcdLoad.podLifetime', 'workers.nodes']);
    const kinds = Object.fromEntries(doc.points.map((p) => [p.label, p.etcd.prod.write.kind]));
    // 5,000 workers whose pods live 10 minutes offer ~4,500 writes/s: more than 3 or 5 members commit.
    expect(kinds).toEqual({
      'etcd.members=1, etcdLoad.podLifetime=1d, workers.nodes=5000': 'ok',
      'etcd.members=1, etcdLoad.podLifetime=10m, workers.nodes=5000': 'ok',
      'etcd.members=3, etcdLoad.podLifetime=1d, workers.nodes=5000': 'ok',
      'etcd.members=3, etcdLoad.podLifetime=10m, workers.nodes=5000': 'saturated',
      'etcd.members=5, etcdLoad.podLifetime=1d, workers.nodes=5000': 'ok',
      'etcd.members=5, etcdLoad.podLifetime=10m, workers.nodes=5000': 'saturated',
    });
    expect(doc.recommendations.map((g) => g.label)).toEqual(['etcdLoad.podLifetime=1d, workers.nodes=5000', 'etcdLoad.podLifetime=10m, workers.nodes=5000']);
    expect(doc.assumptions.etcd.load.podLifetime).toBe(86_400);
  });
});

describe('kubesim sweep: bad input is one line and exit 2', () => {
  const cases: { why: string; args: string[]; message: string }[] = [
    { why: 'an unknown path', args: ['--set', 'etcd.membrs=1,3'], message: "--set: etcd.membrs: unknown field 'membrs' in spec.clusters[*].etcd; did you mean 'members'?" },
    { why: 'a non-numeric value', args: ['--set', 'etcd.members=three'], message: '--set etcd.members=three: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found "three"' },
    { why: 'an empty list', args: ['--set', 'etcd.members='], message: '--set: expected path=value[,value...] like etcd.members=3,5, found "etcd.members="' },
    { why: 'an empty value in a list', args: ['--set', 'etcd.members=1,,3'], message: '--set: expected path=value[,value...] like etcd.members=3,5, found "etcd.members=1,,3"' },
    { why: 'a missing =', args: ['--set', 'etcd.members'], message: '--set: expected path=value[,value...] like etcd.members=3,5, found "etcd.members"' },
    { why: 'no --set at all', args: [], message: 'sweep: give at least one --set path=v1,v2,... (e.g. --set etcd.members=1,3,5)' },
    { why: 'a path given twice', args: ['--set', 'etcd.members=1', '--set', 'etcd.members=3'], message: '--set etcd.members: the path is given twice; put every value in one list (--set etcd.members=a,b,c)' },
    { why: 'a repeated value', args: ['--set', 'etcd.members=3,3'], message: '--set etcd.members=3,3: the value 3 is given twice' },
    { why: 'an unknown SLO signal', args: ['--set', 'etcd.members=1', '--slo', 'apiWrit=99.9'], message: "--slo: 'sizing' has no signal 'apiWrit'; did you mean 'apiWrite'? (its signals: etcdQuorum, apiWrite, apiRead and scheduling)" },
    { why: 'an SLO above 100%', args: ['--set', 'etcd.members=1', '--slo', 'apiWrite=101'], message: '--slo: expected signal=percent with a percent above 0 and at most 100, like apiWrite=99.99, found "apiWrite=101"' },
    { why: 'a latency without unit', args: ['--set', 'etcd.members=1', '--max-write-p99', '100'], message: '--max-write-p99: expected a duration with its unit, like 100ms or 0.5s, found "100"' },
    { why: 'a bad shard', args: ['--set', 'etcd.members=1', '--shard', '4/3'], message: '--shard: expected i/n with 1 <= i <= n (e.g. 2/4), found "4/3"' },
    { why: 'a flag and a --set on one field', args: ['--set', 'horizon=30d,60d', '--horizon', '1d'], message: '--horizon and --set horizon both set the horizon: give one of them' },
    { why: '--precision 150%', args: ['--set', 'etcd.members=1', '--precision', '150%'], message: '--precision: expected a relative 95% half-width above 0 and below 100%, like 10% or 0.1, found "150%"' },
    { why: '--precision with --shard but no --max-replications', args: ['--set', 'etcd.members=1', '--precision', '10%', '--shard', '1/2'], message: '--precision with --shard: give --max-replications (each shard runs its share of it up front; merge keeps what a serial run would)' },
    { why: '--precision with --shard and --max-time', args: ['--set', 'etcd.members=1', '--precision', '10%', '--shard', '1/2', '--max-replications', '10', '--max-time', '1m'], message: '--max-time: not with --shard (where it stops would depend on each machine); give --max-replications and --max-episodes' },
    { why: '--precision with --shard but no --max-episodes where rare events apply', args: ['--set', 'etcd.members=3', '--precision', '10%', '--shard', '1/2', '--max-replications', '10'], message: "--precision with --shard: give --max-episodes too ('sizing' may move signals to the rare-event method, whose episodes each shard runs its share of up front), or --no-rare-events" },
    { why: 'a --precision signal the scenario lacks', args: ['--set', 'etcd.members=1', '--precision', '10%', '--signals', 'service'], message: "--signals: 'sizing' has no signal 'service' (its signals: etcdQuorum, apiWrite, apiRead and scheduling)" },
    {
      why: 'a value of 25,001 characters, echoed cut as any value over 60 characters',
      args: ['--set', `etcd.members=${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
      message: `--set etcd.members="${'{a: '.repeat(15)}…" (25,001 characters): spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found "${'{a: '.repeat(15)}…" (25,001 characters)`,
    },
    {
      why: 'a long value given twice, echoed cut',
      args: ['--set', `etcd.members=${'9'.repeat(100)},${'9'.repeat(100)}`],
      message: `--set "etcd.members=${'9'.repeat(47)}…" (214 characters): the value 1e+100 is given twice`,
    },
  ];
  for (const c of cases) {
    it(`should refuse ${c.why}`, async () => {
      const r = await kubesimInProcess(['sweep', scenario, ...c.args, '--replications', '1', '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kubesim: ${c.message}\n`);
      expect(r.stdout).toBe('');
    });
  }
});

describe('kubesim sweep: every point is validated with all its --set values together', () => {
  const SIZING = 'scenarios/etcd-sizing.yaml';
  const QUICK = ['--replications', '2', '--horizon', '1d', '--jobs', '1', '--json'];
  const STACKED_5_OVER_3 =
    'spec.clusters[0].etcd.members: stacked etcd runs member i on control-plane node i, so members + learners (5 + 0) must not exceed controlPlane.nodes (3); add control-plane nodes or use etcd.topology: external';
  const MIXED = ['--set', 'etcd.topology=stacked,external', '--set', 'etcd.members=3,5'];
  const REFUSED = [
    `kubesim: sweep point etcd.topology=stacked, etcd.members=5: ${STACKED_5_OVER_3}`,
    'kubesim: sweep: 1 of 4 points is invalid and nothing ran: a sweep runs every point of its grid or none; drop the values that cannot go together, split the grid over several sweeps, or also --set controlPlane.nodes=...',
    '',
  ].join('\n');

  // args, labels, why: etcd-sizing.yaml has 3 control-plane nodes and 5 external members, so stacked alone is invalid.
  const valid: [string[], string[], string][] = [
    [['--set', 'etcd.members=3', '--set', 'etcd.topology=stacked,external'], ['etcd.members=3, etcd.topology=stacked', 'etcd.members=3, etcd.topology=external'], '3 members fit 3 nodes stacked'],
    [
      ['--set', 'controlPlane.nodes=5', '--set', 'etcd.topology=stacked', '--set', 'etcd.members=3,5'],
      ['controlPlane.nodes=5, etcd.topology=stacked, etcd.members=3', 'controlPlane.nodes=5, etcd.topology=stacked, etcd.members=5'],
      '5 nodes hold 3 or 5 stacked members',
    ],
  ];
  for (const [args, labels, why] of valid) {
    it(`should run a grid whose every point is valid (${why})`, async () => {
      const r = await kubesimInProcess(['sweep', SIZING, ...args, ...QUICK]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).points.map((p: { label: string }) => p.label)).toEqual(labels);
    });
  }

  it('should refuse a grid with an impossible combination, naming it, before anything runs or is written', async () => {
    const out = join(dir, 'mixed');
    const r = await kubesimInProcess(['sweep', SIZING, ...MIXED, '--replications', '2', '--horizon', '1d', '--jobs', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(REFUSED);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('should refuse the same grid identically in every shard, writing no partial result', () => {
    for (const i of [1, 2]) {
      const out = join(dir, 'mixed-shards');
      const r = kubesim(['sweep', SIZING, ...MIXED, '--replications', '2', '--horizon', '1d', '--jobs', '1', '--shard', `${i}/2`, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(REFUSED);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('kubesim sweep --precision', () => {
  it('should run every point to the target on the --slo signal, with the same bytes on any --jobs', async () => {
    const args = ['sweep', scenario, '--set', 'etcd.members=1,3', '--slo', 'etcdQuorum=99', '--precision', '30%', '--horizon', '2000h', '--replications', '4', '--json'];
    const a = await kubesimInProcess([...args, '--jobs', '1']);
    const b = kubesim([...args, '--jobs', '2']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    for (const p of doc.points) {
      expect(p.summary.precision).toMatchObject({ target: 0.3, reached: true, stoppedBy: 'precision' });
      expect(p.summary.precision.signals.map((x: { signal: string }) => x.signal)).toEqual(['etcdQuorum']);
    }
  });
});

describe('kubesim run --shard and merge', () => {
  it('should merge 3 shards of a run into the report a single run writes, byte for byte', async () => {
    const single = await kubesimInProcess(['run', scenario, '--replications', '5', '--jobs', '1', '--out', join(dir, 'run-single')]);
    expect(single.code, single.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const r = kubesim(['run', scenario, '--replications', '5', '--shard', `${i}/3`, '--out', join(dir, 'run-shards')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Shard ${i}/3 of sizing:`);
    }
    const m = await kubesimInProcess(['merge', ...[1, 2, 3].map((i) => join(dir, 'run-shards', `sizing.shard-${i}-of-3.json`)), '--out', join(dir, 'run-merged')]);
    expect(m.code, m.stderr).toBe(0);
    expect(files(join(dir, 'run-merged'))).toEqual(files(join(dir, 'run-single')));
  });

  it('should merge the shards of an adaptive run (--precision) into what a serial run gives, byte for byte, rare-event episodes included', async () => {
    // 5 members failing monthly: no quorum loss in 4 replications of a year, so the rare-event
    // method takes etcdQuorum over; each shard runs its share of both caps, merge stops where serial does.
    const five = join(dir, 'five.yaml');
    writeFileSync(five, readFileSync(fixture('three-members.yaml'), 'utf8').replace('members: 3', 'members: 5').replace('{ mttf: 100h, mttr: 1h }', '{ mttf: 30d, mttr: 6h }'));
    const flags = ['--replications', '4', '--horizon', '1y', '--precision', '30%', '--signals', 'etcdQuorum', '--max-replications', '24', '--max-episodes', '8000'];
    const single = await kubesimInProcess(['run', five, ...flags, '--jobs', '1', '--out', join(dir, 'adaptive-single')]);
    expect(single.code, single.stderr).toBe(0);
    for (const i of [1, 2]) {
      const r = kubesim(['run', five, ...flags, '--shard', `${i}/2`, '--jobs', '1', '--out', join(dir, 'adaptive-shards')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Shard ${i}/2 of three-members: 12 replications and 4000 rare-event episodes written`);
    }
    const m = await kubesimInProcess(['merge', join(dir, 'adaptive-shards'), '--out', join(dir, 'adaptive-merged')]);
    expect(m.code, m.stderr).toBe(0);
    expect(files(join(dir, 'adaptive-merged'))).toEqual(files(join(dir, 'adaptive-single')));
    const summary = JSON.parse(readFileSync(join(dir, 'adaptive-merged', 'summary.json'), 'utf8'));
    expect(summary.clusters.prod.signals.etcdQuorum.method).toBe('importance-sampling');
    expect(summary.precision).toMatchObject({ reached: true, stoppedBy: 'precision' });

    // A hand-edited target is refused in one line that names the file and the field.
    const edited = join(dir, 'adaptive-edited.shard-1-of-2.json');
    const doc = JSON.parse(readFileSync(join(dir, 'adaptive-shards', 'three-members.shard-1-of-2.json'), 'utf8'));
    doc.job.precision.maxEpisodes = 0;
    writeFileSync(edited, JSON.stringify(doc));
    const bad = await kubesimInProcess(['merge', edited]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`kubesim: merge: ${edited}: job.precision.maxEpisodes: expected a whole number at least 1, found 0\n`);
  });

  it('should refuse an incomplete set and shards of another seed, in one line with exit 2', async () => {
    const shards = join(dir, 'refuse');
    for (const [i, seed] of [
      [1, '5'],
      [3, '5'],
    ] as const) {
      expect(kubesim(['run', scenario, '--replications', '3', '--seed', seed, '--shard', `${i}/3`, '--out', shards]).code).toBe(0);
    }
    const missing = await kubesimInProcess(['merge', shards]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('kubesim: merge: incomplete set of shards: missing 2/3 (have 1/3, 3/3)\n');

    const other = join(dir, 'other-seed');
    expect(kubesim(['run', scenario, '--replications', '3', '--seed', '6', '--shard', '2/3', '--out', other]).code).toBe(0);
    const mixed = await kubesimInProcess(['merge', shards, join(other, 'sizing.shard-2-of-3.json')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(`kubesim: merge: ${join(other, 'sizing.shard-2-of-3.json')} is not a shard of the same run as ${join(shards, 'sizing.shard-1-of-3.json')}: different seeds (6 and 5)\n`);

    const notPartial = await kubesimInProcess(['merge', scenario]);
    expect(notPartial.code).toBe(2);
    expect(notPartial.stderr).toBe(`kubesim: merge: ${scenario}: not a kubesim partial result (invalid JSON)\n`);

    // A shard written by a kubesim whose partial files lack the episodes of adaptive runs.
    const oldFormat = join(dir, 'old-format.shard-1-of-3.json');
    writeFileSync(oldFormat, readFileSync(join(shards, 'sizing.shard-1-of-3.json'), 'utf8').replace('"kubesim/partial-v5"', '"kubesim/partial-v3"'));
    const old = await kubesimInProcess(['merge', oldFormat]);
    expect(old.code).toBe(2);
    expect(old.stderr).toBe(`kubesim: merge: ${oldFormat}: is in format kubesim/partial-v3, but this kubesim reads kubesim/partial-v5: run the shards again with this version\n`);
  });
});
