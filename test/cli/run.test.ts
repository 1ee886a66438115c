/** `kubesim run` end to end: the JSON contract, determinism, the closed form, and bad input. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kubesim, ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const scenario = fixture('three-members.yaml');

describe('kubesim --version', () => {
  it("should print package.json's version, the one home of the number", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await kubesimInProcess(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(JSON.parse((await kubesimInProcess(['run', scenario, '--json', '--replications', '2'])).stdout).kubesim).toBe(version);
  });
});

describe('kubesim run --json', () => {
  it('should print the summary document in the contract shape and nothing else', async () => {
    const r = await kubesimInProcess(['run', scenario, '--json', '--replications', '5']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kubesim: '0.1.0', scenario: 'three-members', seed: 3, replications: 5, horizonSeconds: 20000 * 3600 });
    const q = doc.clusters.prod.signals.etcdQuorum;
    expect(q.availability.mean).toBeGreaterThan(0.99);
    expect(q.availability.ci95).toHaveLength(2);
    // The per-year figures follow from the availability and from each other (a 365-day year).
    expect(q.downtimeSecondsPerYear).toBeCloseTo((1 - q.availability.mean) * 365 * 86_400, 3);
    expect(q.meanOutageSeconds).toBeCloseTo(q.downtimeSecondsPerYear / q.outagesPerYear, 3);
    expect(q.nines).toBeCloseTo(-Math.log10(1 - q.availability.mean), 4);
    // 3 control-plane and 3 etcd hosts at 0.19 an hour, a load balancer at 0.025, 730 hours a month.
    expect(doc.clusters.prod.cost).toEqual({ currency: 'USD', perMonth: 850.45, byRole: { controlPlane: 416.1, etcd: 416.1, loadBalancer: 18.25 } });
    expect(doc.global).toEqual({ signals: {} });
  });

  it('should give byte-identical output for the same scenario and seed, twice, serial or threaded', async () => {
    const a = await kubesimInProcess(['run', scenario, '--json', '--jobs', '1', '--replications', '12']);
    const b = await kubesimInProcess(['run', scenario, '--json', '--jobs', '1', '--replications', '12']);
    const c = await kubesimInProcess(['run', scenario, '--json', '--jobs', '2', '--replications', '12']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('should give different output for a different seed', async () => {
    const a = await kubesimInProcess(['run', scenario, '--json', '--replications', '3']);
    const b = await kubesimInProcess(['run', scenario, '--json', '--replications', '3', '--seed', '4']);
    expect(b.stdout).not.toBe(a.stdout);
  });

  it('should contain 3a^2 - 2a^3 (a = 100/101) in the etcdQuorum 95% CI', async () => {
    const doc = JSON.parse((await kubesimInProcess(['run', scenario, '--json'])).stdout);
    const a = 100 / 101;
    const exact = 3 * a * a - 2 * a ** 3;
    const [lo, hi] = doc.clusters.prod.signals.etcdQuorum.availability.ci95;
    expect(lo).toBeLessThanOrEqual(exact);
    expect(hi).toBeGreaterThanOrEqual(exact);
  });
});

describe('kubesim run: bad input is one line and exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bad-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const base = (horizon: string) => `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: bad }
spec:
  horizon: ${horizon}
  clusters:
    - { name: prod, model: multi-master }
`;

  const cases: { why: string; args: () => string[]; message: RegExp }[] = [
    { why: 'a missing file', args: () => ['run', join(dir, 'nope.yaml')], message: /nope\.yaml: cannot read the file/ },
    {
      why: 'an unknown unit',
      args: () => ['run', write('parsecs.yaml', base('5 parsecs'))],
      message: /parsecs\.yaml:5: spec\.horizon: .*found "5 parsecs"/,
    },
    {
      why: 'a negative duration',
      args: () => ['run', write('negative.yaml', base('-3h'))],
      message: /negative\.yaml:5: spec\.horizon: expected a positive duration.*found "-3h"/,
    },
    { why: 'a bad --replications', args: () => ['run', scenario, '--replications', 'many'], message: /^kubesim: --replications: expected a whole number .*found "many"$/ },
    { why: 'a bad --horizon', args: () => ['run', scenario, '--horizon', '5 parsecs'], message: /^kubesim: --horizon: .*"5 parsecs"$/ },
    { why: 'an unknown flag', args: () => ['run', scenario, '--replicatons', '3'], message: /unknown option '--replicatons'/ },
    { why: '--precision 0', args: () => ['run', scenario, '--precision', '0'], message: /^kubesim: --precision: expected a relative 95% half-width above 0 and below 100%, like 10% or 0\.1, found "0"$/ },
    { why: '--precision -5%', args: () => ['run', scenario, '--precision=-5%'], message: /^kubesim: --precision: .*found "-5%"$/ },
    { why: '--precision 150%', args: () => ['run', scenario, '--precision', '150%'], message: /^kubesim: --precision: .*found "150%"$/ },
    { why: '--precision lots', args: () => ['run', scenario, '--precision', 'lots'], message: /^kubesim: --precision: .*found "lots"$/ },
    { why: 'a cap of 0', args: () => ['run', scenario, '--precision', '10%', '--max-replications', '0'], message: /^kubesim: --max-replications: expected a whole number at least 1, found "0"$/ },
    { why: 'a cap without --precision', args: () => ['run', scenario, '--max-time', '1m'], message: /^kubesim: --max-time: only with --precision/ },
    { why: 'a signal the scenario lacks', args: () => ['run', scenario, '--precision', '10%', '--signals', 'workloads'], message: /^kubesim: --signals: 'three-members' has no signal 'workloads' \(its signals: etcdQuorum, apiWrite, apiRead and scheduling\)$/ },
  ];
  for (const c of cases) {
    it(`should reject ${c.why}`, async () => {
      const out = join(dir, `out-${c.why.replace(/\W+/g, '-')}`);
      const r = await kubesimInProcess([...c.args(), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(readdirSync(dir)).not.toContain(out.split('/').pop());
    });
  }

  it('should refuse an --out that is a file, or a folder of something else, before running anything', async () => {
    const file = write('a-file', 'mine\n');
    const folder = join(dir, 'photos');
    mkdirSync(folder);
    writeFileSync(join(folder, 'cat.jpg'), 'meow');
    for (const [args, message] of [
      [['run', scenario, '--out', file], /^kubesim: .*a-file exists and is not a folder: choose another --out$/],
      [['run', scenario, '--out', folder], /^kubesim: .*photos is not a kubesim report folder \(not empty, no \.kubesim-report\): refusing to replace it$/],
      [['compare', scenario, scenario, '--out', file], /a-file exists and is not a folder/],
      [['sweep', scenario, '--set', 'etcd.members=1,3', '--out', folder], /photos is not a kubesim report folder/],
    ] as const) {
      const r = await kubesimInProcess([...args, '--replications', '1000000']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    }
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(readdirSync(folder)).toEqual(['cat.jpg']);
  });
});

describe('kubesim run --precision', () => {
  it('should stop at the first batch that reaches the target and say so in the JSON, the same bytes with any --jobs', async () => {
    const args = ['run', scenario, '--json', '--replications', '4', '--horizon', '2000h', '--precision', '20%', '--signals', 'etcdQuorum,apiWrite', '--no-rare-events'];
    const a = await kubesimInProcess([...args, '--jobs', '1']);
    const b = kubesim([...args, '--jobs', '2']);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe(''); // no progress line when stderr is not a terminal
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.precision).toMatchObject({ target: 0.2, reached: true, stoppedBy: 'precision', episodes: 0 });
    // Batches grow from the scenario's 4 by at most doubling: more than 4 in all, fewer than 4 * 2^batches.
    expect(doc.replications).toBeGreaterThan(4);
    expect(doc.replications).toBeLessThanOrEqual(4 * 2 ** (doc.precision.batches - 1));
    for (const x of doc.precision.signals) expect(x.relativeHalfWidth).toBeLessThanOrEqual(0.2);
  });

  it('should switch rare quorum losses to importance sampling, with the same bytes on any --jobs, the exact value beside', async () => {
    // 5 members at 30d / 6h: a year of 4 replications sees no quorum loss (exact unavailability 5.6e-6).
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-rare-'));
    const file = join(dir, 'five.yaml');
    writeFileSync(
      file,
      readFileSync(scenario, 'utf8').replace('members: 3', 'members: 5').replace('{ mttf: 100h, mttr: 1h }', '{ mttf: 30d, mttr: 6h }'),
    );
    const args = (jobs: string) => ['run', file, '--json', '--replications', '4', '--horizon', '1y', '--precision', '30%', '--signals', 'etcdQuorum', '--jobs', jobs];
    const a = await kubesimInProcess(args('1'));
    const b = kubesim(args('2'));
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    const q = doc.clusters.prod.signals.etcdQuorum;
    expect(q.method).toBe('importance-sampling');
    expect(q.exact.withinCi).toBe(true);
    expect(doc.precision).toMatchObject({ reached: true, stoppedBy: 'precision', batches: 1 });
    expect(doc.precision.episodes).toBeGreaterThan(0);
  });

  it('should exit 0 and say which cap stopped it first', async () => {
    const r = await kubesimInProcess(['run', scenario, '--json', '--replications', '3', '--horizon', '2000h', '--precision', '0.1%', '--max-replications', '7', '--signals', 'etcdQuorum', '--no-rare-events']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.replications).toBe(7);
    expect(doc.precision).toMatchObject({ reached: false, stoppedBy: 'max-replications', batches: 3 }); // 3 + 3 + 1
  });
});
