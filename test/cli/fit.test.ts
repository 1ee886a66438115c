/**
 * `kubesim fit` through the real CLI: the shipped samples, --json, --into (comments kept, the
 * file replaced whole or left alone), --out, bad input (exit 2, one line naming file and line,
 * nothing written), and the round trip fit -> scenario -> run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { FAMILIES } from '../../src/fit/families/index.js';
import { createStream } from '../../src/kernel/index.js';
import { kubesimInProcess } from './inProcess.js';

const TMP = mkdtempSync(join(tmpdir(), 'kubesim-fit-'));
const SAMPLE = 'scenarios/fit/incidents.csv';
const PROMETHEUS = 'scenarios/fit/etcd-up.json';
const WINDOW = ['--window-start', '2025-01-01T00:00:00Z', '--window-end', '2026-01-01T00:00:00Z'];
const DAY = 86400;

let seq = 0;
function file(name: string, text: string): string {
  const dir = join(TMP, `case-${seq++}`);
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A scenario in which only etcd fails at random, with comments to keep. */
const SCENARIO = `# A single host; only its etcd member fails.
apiVersion: kubesim/v1
kind: Scenario
metadata:
  name: fit-round-trip
spec:
  horizon: 1y
  replications: 4
  seed: 3
  failures:
    etcd: { mttf: 30d, mttr: 1h }   # a guess, to be replaced
  clusters:
    - name: dev
      model: single-server
`;

interface FitDoc {
  readonly roles: Record<string, { availability: number | null; timeToFailure: { status: string; fits?: { ks: { pValue: number } }[] } }>;
  readonly failures: Record<string, unknown>;
  readonly sources: { window: { from: string } }[];
}

describe('kubesim fit on the shipped samples', () => {
  it('should fit the CSV sample, say the window and print a failures: block, and refuse the load balancer for lack of events', async () => {
    const r = await kubesimInProcess(['fit', SAMPLE, ...WINDOW, '--bootstrap', '20']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('window 2025-01-01T00:00:00Z to 2026-01-01T00:00:00Z (given by --window-start/--window-end)');
    expect(r.stdout).toMatch(/^failures:$/m);
    expect(r.stdout).toMatch(/loadBalancer \(1 component\)\n {2}time to failure: \d failures?, \d censored: not fitted, at least 10 failures are needed/);
  });

  it('should fit the Prometheus sample by its job label', async () => {
    const r = await kubesimInProcess(['fit', PROMETHEUS, '--json', '--bootstrap', '0']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as FitDoc;
    expect(Object.keys(doc.failures)).toEqual(['etcd']);
    expect(doc.sources[0]!.window.from).toBe('samples');
  });

  it('should print the same JSON for the same seed, and other p-values for another seed', async () => {
    const a = await kubesimInProcess(['fit', SAMPLE, '--json', '--bootstrap', '30']);
    const b = await kubesimInProcess(['fit', SAMPLE, '--json', '--bootstrap', '30']);
    const c = await kubesimInProcess(['fit', SAMPLE, '--json', '--bootstrap', '30', '--seed', '7']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const p = (s: string) => (JSON.parse(s) as FitDoc).roles['etcd']!.timeToFailure.fits!.map((f) => f.ks.pValue);
    expect(p(c.stdout)).not.toEqual(p(a.stdout));
  });
});

describe('kubesim fit --into and --out', () => {
  it('should write the fitted failures into the scenario, keeping its comments, and leave a valid scenario', async () => {
    const scenario = file('s.yaml', SCENARIO);
    const r = await kubesimInProcess(['fit', SAMPLE, ...WINDOW, '--bootstrap', '0', '--into', scenario]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(scenario, 'utf8');
    expect(text).toContain('# A single host; only its etcd member fails.');
    expect(text).toContain('# a guess, to be replaced');
    expect(text).toMatch(/^ {4}etcd: \{ mttf: /m);
    expect(text).toMatch(/^ {4}worker: \{ mttf: /m);
    expect(text).not.toContain('mttf: 30d');
    expect((await kubesimInProcess(['validate', scenario])).code).toBe(0);
    // Only the scenario is left in its folder: no temporary file.
    expect(readdirSync(join(scenario, '..'))).toEqual(['s.yaml']);
  });

  it('should write an offline HTML report with a CDF and a Q-Q chart per fitted role and kind', async () => {
    const out = join(TMP, 'report');
    const r = await kubesimInProcess(['fit', SAMPLE, '--bootstrap', '0', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const id of ['cdf-etcd-ttf', 'qq-etcd-ttf', 'cdf-worker-ttr', 'qq-controlPlane-ttr']) expect(html).toContain(`data-chart="${id}"`);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'))).toHaveProperty('failures');
  });
});

const BAD: readonly [what: string, name: string, text: string, message: RegExp][] = [
  ['an empty file', 'empty.csv', '', /empty\.csv: the file is empty/],
  ['a malformed row', 'rows.csv', 'component,start,end\nprod/etcd-1,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z\n\nprod/etcd-1,yesterday,2025-01-01T02:00:00Z\n', /rows\.csv:4: start: expected an RFC 3339 time/],
  ['a row with too few fields', 'short.csv', 'component,start,end\nprod/etcd-1,2025-01-01T00:00:00Z\n', /short\.csv:2: expected 3 fields/],
  ['an end before the start', 'end.csv', 'component,start,end\nprod/etcd-1,2025-01-02T00:00:00Z,2025-01-01T00:00:00Z\n', /end\.csv:2: the outage ends .* no later than it starts/],
  [
    'overlapping outages of one component',
    'overlap.csv',
    'component,start,duration\nprod/etcd-1,2025-01-01T00:00:00Z,2h\nprod/etcd-2,2025-01-01T00:30:00Z,1h\nprod/etcd-1,2025-01-01T01:00:00Z,1h\n',
    /overlap\.csv:4: this outage of "prod\/etcd-1" overlaps the one on line 2 \(one component is down once at a time/,
  ],
  ['a bad duration', 'duration.csv', 'role,start,duration\netcd,2025-01-01T00:00:00Z,soon\n', /duration\.csv:2: duration: expected a duration/],
  ['an unknown role', 'role.csv', 'role,start,end\ndatabase,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z\n', /role\.csv:2: role "database": not a kubesim role .* --map database=<role>/],
  ['a Prometheus error', 'error.json', '{"status":"error","errorType":"bad_data","error":"parse error"}', /error\.json: the Prometheus query failed \(status "error": bad_data: parse error\)/],
  ['a Prometheus value other than 0 or 1', 'value.json', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"etcd"},"values":[[1,"1"],[2,"0.5"]]}]}}', /value\.json: data\.result\[0\]\.values\[1\]: expected \[unixSeconds, "0" or "1"\]/],
  ['JSON that does not parse', 'broken.json', '{"status":', /broken\.json: not valid JSON/],
  [
    'a sample nested 100,000 deep (the message must not stringify it)',
    'deep.json',
    `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"etcd"},"values":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}}`,
    /deep\.json: data\.result\[0\]\.values\[0\]: expected \[unixSeconds, "0" or "1"\], found a list of 1 holding lists or objects/,
  ],
  [
    'Prometheus timestamps no date can print (60 samples, enough to fit: the refusal must come before the fit)',
    'huge.json',
    JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'etcd', instance: 'a' }, values: Array.from({ length: 60 }, (_, i) => [(1 + 3 * i) * 1e290, String(i % 2)]) }] } }),
    /^kubesim: .*huge\.json: data\.result\[0\]\.values\[0\]\[0\]: expected a time in Unix seconds \(not milliseconds\) from 0 to below 100000000000 \(the year 5138\), found 1e\+290$/,
  ],
  [
    'Prometheus timestamps in milliseconds',
    'ms.json',
    JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'etcd', instance: 'a' }, values: Array.from({ length: 60 }, (_, i) => [1748736000000 + 1000 * (1 + 3 * i), String(i % 2)]) }] } }),
    /ms\.json: data\.result\[0\]\.values\[0\]\[0\]: expected a time in Unix seconds \(not milliseconds\)/,
  ],
  ['a Prometheus file that is an array', 'array.json', '[1,2,3]', /array\.json: expected the JSON object of a Prometheus range query, with status and data .*found an array$/],
  ['a row with too many fields', 'long.csv', 'component,start,end\nprod/etcd-1,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,x\n', /long\.csv:2: expected 3 fields as in the header, found 4/],
  ['a header naming a column twice', 'twice.csv', 'component,start,start,end\nprod/etcd-1,2025-01-01T00:00:00Z,2025-01-01T00:30:00Z,2025-01-01T01:00:00Z\n', /twice\.csv:1: the start column is given twice/],
  ['too few events', 'few.csv', 'component,start,end\nprod/etcd-1,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z\n', /too few events to fit any role: .*at least 10/],
];

describe('kubesim fit on bad input', () => {
  it.each(BAD)('should refuse %s with exit 2 and one line, writing nothing', async (_, name, text, message) => {
    const records = file(name, text);
    const scenario = file('s.yaml', SCENARIO);
    const out = join(TMP, `out-${seq++}`);
    const r = await kubesimInProcess(['fit', records, '--into', scenario, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^kubesim: /);
    expect(lines[0]).toMatch(message);
    expect(readFileSync(scenario, 'utf8')).toBe(SCENARIO);
    expect(readdirSync(join(scenario, '..'))).toEqual(['s.yaml']);
    expect(existsSync(out)).toBe(false);
  });

  it('should refuse a fit past the work budget before fitting, with the estimate and the bootstrap samples that would fit', async () => {
    // The shipped sample is small; a budget of 1e5 stands in for a 16 MiB file under the default 1e9.
    const r = await kubesimInProcess(['fit', SAMPLE, '--max-work', '1e5']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^kubesim: this fit is too big: [\d,]+ periods with 200 bootstrap samples, about [\d.e,]+ units of work \(\d+ s on one core\), past the budget of 100,000; use fewer bootstrap samples \(--bootstrap \d+\) or fewer records, or raise the budget with --max-work [\d.e]+ \(docs\/limits\.md\)\n$/);
    const suggested = /--bootstrap (\d+)/.exec(r.stderr)![1]!;
    const ok = await kubesimInProcess(['fit', SAMPLE, '--max-work', '1e5', '--bootstrap', suggested, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await kubesimInProcess(['fit', SAMPLE, '--max-work', 'lots']);
    expect([bad.code, bad.stderr]).toEqual([2, 'kubesim: --max-work: expected a number of events of at least 1, like 5e9, found "lots"\n']);
  });

  it('should refuse --into a file that is not a valid scenario, leaving it as it was', async () => {
    const scenario = file('bad.yaml', 'apiVersion: kubesim/v1\nkind: Scenario\nspec: {}\n');
    const r = await kubesimInProcess(['fit', SAMPLE, '--bootstrap', '0', '--into', scenario]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubesim: .*bad\.yaml/);
    expect(readFileSync(scenario, 'utf8')).toBe('apiVersion: kubesim/v1\nkind: Scenario\nspec: {}\n');
  });
});

/** Outages of `members` etcd members over `years`, drawn from a Weibull life and a lognormal repair. */
function etcdRecords(members: number, years: number): string {
  const rng = createStream(5, 'test/fit/round-trip');
  const rows = ['component,start,end'];
  const end = years * 365 * DAY;
  for (let m = 1; m <= members; m++) {
    let t = 0;
    for (;;) {
      t += FAMILIES.weibull.sample({ shape: 1.5, scale: 10 * DAY }, rng);
      const back = t + FAMILIES.lognormal.sample({ median: 7200, sigma: 0.5 }, rng);
      if (back >= end) break;
      rows.push(`etcd-${m},${Math.round(t)},${Math.round(back)}`);
      t = back;
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('the round trip: fit, then run the scenario it wrote', () => {
  it('should simulate the etcd member at the availability mttf / (mttf + mttr) of the fit', async () => {
    const records = file('etcd.csv', etcdRecords(3, 3));
    const scenario = file('s.yaml', SCENARIO);
    const fit = await kubesimInProcess(['fit', records, '--json', '--bootstrap', '0', '--window-start', '0', '--window-end', String(3 * 365 * DAY), '--into', scenario]);
    expect(fit.code, fit.stderr).toBe(0);
    const expected = (JSON.parse(fit.stdout) as FitDoc).roles['etcd']!.availability!;
    const run = await kubesimInProcess(['run', scenario, '--json', '--jobs', '1', '--horizon', '10y', '--replications', '8']);
    expect(run.code, run.stderr).toBe(0);
    const signal = (JSON.parse(run.stdout) as Summary).clusters['dev']!.signals['etcdQuorum']!;
    // The member alone holds quorum: its availability is the signal's.
    expect(expected).toBeGreaterThanOrEqual(signal.availability.ci95![0]);
    expect(expected).toBeLessThanOrEqual(signal.availability.ci95![1]);
    expect(Math.abs(1 - signal.availability.mean - (1 - expected)) / (1 - expected)).toBeLessThan(0.05);
  });
});
