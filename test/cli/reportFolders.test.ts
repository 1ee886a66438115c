/** Report folders and output paths through the real CLI: refused up front (exit 2, one line, nothing run), umask modes, lab --out. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, kubesim, ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const scenario = fixture('three-members.yaml');
const root = mkdtempSync(join(tmpdir(), 'kubesim-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder under root. */
function place(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of the fixture with another metadata.name. */
function named(dir: string, file: string, name: string): string {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(scenario, 'utf8').replace('name: three-members', `name: ${name}`));
  return path;
}

/** Refused as bad input: exit 2, one line on stderr matching `message`, nothing on stdout, no stack trace. */
function expectRefused(r: ReturnType<typeof kubesim>, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

// --replications 1000000 on a 20000 h horizon would run for minutes: a refusal that comes back at
// once shows that the check ran before any simulation.
const HUGE = ['--replications', '1000000'];
const SMALL = ['--replications', '2', '--horizon', '100h', '--jobs', '1'];

describe('duplicate report folders', () => {
  it('should refuse two scenarios with the same name writing one --out folder, naming both inputs', async () => {
    const dir = place('dup');
    const a = named(dir, 'a.yaml', 'same');
    const b = named(dir, 'b.yaml', 'same');
    const r = await kubesimInProcess(['run', a, b, '--out', join(dir, 'out'), ...HUGE]);
    expectRefused(r, /^kubesim: .*a\.yaml and .*b\.yaml would both write .*out\/same: give the scenarios different metadata\.name/);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('should refuse names that differ only in case, and the default folders too', async () => {
    const dir = place('case');
    const a = named(dir, 'a.yaml', 'Prod');
    const b = named(dir, 'b.yaml', 'prod');
    expectRefused(await kubesimInProcess(['run', a, b, '--out', join(dir, 'out'), ...HUGE]), /out\/Prod and .*out\/prod \(the same folder where case does not count\)/);
    expectRefused(await kubesimInProcess(['run', a, a, ...HUGE], { cwd: dir }), /^kubesim: .*a\.yaml and .*a\.yaml would both write reports\/Prod:/);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });
});

describe('folders that are not ours to replace', () => {
  it('should never rename the current folder away, even when it is empty', async () => {
    const dir = place('empty-cwd');
    expectRefused(await kubesimInProcess(['run', scenario, '--out', '.', ...HUGE], { cwd: dir }), /is the current folder or holds it: refusing to replace it/);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('should refuse a home-like folder and leave it as it was', async () => {
    const home = place('home');
    writeFileSync(join(home, '.bashrc'), 'mine');
    expectRefused(await kubesimInProcess(['run', scenario, '--out', home, ...HUGE]), /home is not a kubesim report folder \(not empty, no \.kubesim-report\): refusing to replace it$/);
    expect(readdirSync(home)).toEqual(['.bashrc']);
  });
});

describe('output paths checked before any work', () => {
  const dir = place('paths');
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'mine\n');

  const cases: { why: string; args: string[]; message: RegExp }[] = [
    { why: 'run --out under a file', args: ['run', scenario, '--out', join(file, 'sub'), ...HUGE], message: /notes\.txt\/sub: .*notes\.txt is a file, not a folder/ },
    { why: 'run --out in /proc', args: ['run', scenario, '--out', '/proc/self/x', ...HUGE], message: /^kubesim: \/proc\/self\/x: is inside \/proc, a system folder/ },
    { why: 'compare --out under a file', args: ['compare', scenario, scenario, '--out', join(file, 'sub'), ...HUGE], message: /notes\.txt is a file, not a folder/ },
    { why: 'a shard --out under a file', args: ['run', scenario, '--shard', '1/2', '--out', join(file, 'x'), ...HUGE], message: /notes\.txt is a file, not a folder/ },
    { why: 'a sweep shard --out in /sys', args: ['sweep', scenario, '--set', 'etcd.members=1,3', '--shard', '1/2', '--out', '/sys/x', ...HUGE], message: /is inside \/sys/ },
    { why: 'lab --out over a file that is not a lab page', args: ['lab', '--out', file], message: /^kubesim: lab --out .*notes\.txt: exists and is not a quorum lab page written by kubesim: refusing to replace it$/ },
    { why: 'lab --out a folder', args: ['lab', '--out', dir], message: /^kubesim: lab --out .*paths: is a folder; give a file name, e\.g\. --out .*paths\/index\.html$/ },
    { why: 'fit --out under a file', args: ['fit', 'scenarios/fit/incidents.csv', '--out', join(file, 'sub')], message: /notes\.txt is a file, not a folder/ },
    { why: 'fit --out a folder that is not a report', args: ['fit', 'scenarios/fit/incidents.csv', '--out', dir], message: /paths is not a kubesim report folder \(not empty, no \.kubesim-report\): refusing to replace it$/ },
    { why: 'fit --into a file that is not a scenario', args: ['fit', 'scenarios/fit/incidents.csv', '--into', file], message: /^kubesim: .*notes\.txt/ },
  ];
  for (const c of cases) {
    it(`should refuse ${c.why} (exit 2, one line)`, async () => {
      expectRefused(await kubesimInProcess(c.args), c.message);
      expect(readFileSync(file, 'utf8')).toBe('mine\n');
      expect(readdirSync(dir)).toEqual(['notes.txt']);
    });
  }

  it.skipIf(process.getuid?.() === 0)('should refuse a parent folder it may not write in', async () => {
    const locked = place('locked');
    spawnSync('chmod', ['555', locked]);
    expectRefused(await kubesimInProcess(['run', scenario, '--out', join(locked, 'r'), ...HUGE]), /cannot write in .*locked \(permission denied\)/);
  });

  it('should replace a lab page it wrote, and only that', async () => {
    const page = join(dir, 'lab.html');
    expect((await kubesimInProcess(['lab', '--out', page])).code).toBe(0);
    const again = await kubesimInProcess(['lab', '--out', page]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toMatch(/<title>Quorum lab/);
    expect(readdirSync(dir).sort()).toEqual(['lab.html', 'notes.txt']);
    rmSync(page);
  });
});

describe('names too long for the file system, refused before any work', () => {
  const NAME_REFUSED = /^kubesim: .*long\.yaml:\d+: metadata\.name: expected a name of at most 128 bytes \(UTF-8\), since it names the report folder and files \(docs\/names\.md\), found "x{60}…" \((240|300) characters\), (240|300) bytes$/;

  it.each([
    ['validate', []],
    ['run', HUGE],
    ['run --shard', ['--shard', '1/3', ...HUGE]],
    ['sweep', ['--set', 'etcd.members=1,3', ...HUGE]],
    ['sweep --shard', ['--set', 'etcd.members=1,3', '--shard', '1/2', ...HUGE]],
  ] as const)('should refuse a metadata.name of 240 and 300 bytes in %s, naming the file and the limit', async (command, rest) => {
    for (const n of [240, 300]) {
      const dir = place(`long-${command.replace(/\W/g, '')}-${n}`);
      const file = named(dir, 'long.yaml', 'x'.repeat(n));
      expectRefused(await kubesimInProcess([command.split(' ')[0]!, file, ...(command === 'validate' ? [] : ['--out', join(dir, 'out')]), ...rest]), NAME_REFUSED);
      expect(readdirSync(dir)).toEqual(['long.yaml']);
    }
  });

  it('should refuse an --out with a name the file system cannot hold, or none for its temporary sibling', async () => {
    const dir = place('long-out');
    const long = (n: number, c = 'y') => join(dir, c.repeat(n));
    expectRefused(await kubesimInProcess(['run', scenario, '--out', long(300), ...HUGE]), /: the name "y{60}…" \(300 characters\) is 300 bytes long, above 229 \(the file system's 255 less 26 for the temporary name written beside it\): choose a shorter output path$/);
    expectRefused(await kubesimInProcess(['run', scenario, '--out', long(240), ...HUGE]), /is 240 bytes long, above 229/);
    expectRefused(await kubesimInProcess(['run', scenario, '--out', join(long(256), 'r'), ...HUGE]), /is 256 bytes long, above 255 \(the file system's limit\)/);
    expectRefused(await kubesimInProcess(['run', scenario, '--shard', '1/2', '--out', long(256), ...HUGE]), /is 256 bytes long, above 255/);
    expectRefused(await kubesimInProcess(['lab', '--out', `${long(115, 'é')}.html`]), /is 235 bytes long, above 229/);
    expect(readdirSync(dir)).toEqual([]);
    const ok = await kubesimInProcess(['run', scenario, '--out', long(229), ...SMALL]);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('a shard\'s partial file', () => {
  // three-members.yaml's name: its shards write three-members.shard-i-of-n.json.
  const file = (dir: string, shard: string) => join(dir, `three-members.shard-${shard.replace('/', '-of-')}.json`);

  it('should refuse, before running, a user\'s file where the partial file goes, and leave it as it was', async () => {
    const dir = place('shard-user-file');
    writeFileSync(file(dir, '1/3'), 'precious\n');
    expectRefused(await kubesimInProcess(['run', scenario, '--shard', '1/3', '--out', dir, ...HUGE]), /^kubesim: --out .*shard-user-file: .*three-members\.shard-1-of-3\.json exists and is not a partial result written by kubesim: refusing to replace it; choose another --out$/);
    expectRefused(await kubesimInProcess(['sweep', scenario, '--set', 'etcd.members=1,3', '--shard', '1/3', '--out', dir, ...HUGE]), /three-members\.shard-1-of-3\.json exists and is not a partial result written by kubesim/);
    expect(readFileSync(file(dir, '1/3'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['three-members.shard-1-of-3.json']);
  });

  it('should refuse, before running, a folder where the partial file goes', async () => {
    const dir = place('shard-folder');
    mkdirSync(file(dir, '1/2'));
    expectRefused(await kubesimInProcess(['run', scenario, '--shard', '1/2', '--out', dir, ...HUGE]), /three-members\.shard-1-of-2\.json is a folder, not a partial result file: refusing to replace it/);
    expect(statSync(file(dir, '1/2')).isDirectory()).toBe(true);
  });

  it('should replace its own partial file when a shard runs again, also a damaged one', async () => {
    const dir = place('shard-again');
    expect((await kubesimInProcess(['run', scenario, '--shard', '1/2', '--out', dir, ...SMALL])).code).toBe(0);
    const first = readFileSync(file(dir, '1/2'), 'utf8');
    writeFileSync(file(dir, '1/2'), first.slice(0, 100));
    const again = await kubesimInProcess(['run', scenario, '--shard', '1/2', '--out', dir, ...SMALL]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(file(dir, '1/2'), 'utf8')).toBe(first);
  });
});

describe('merge', () => {
  it('should check its report folders before summarising: two scenarios of one name, an --out under a file', async () => {
    const dir = place('merge');
    const a = named(dir, 'a.yaml', 'same');
    const b = named(dir, 'b.yaml', 'same');
    const shards = join(dir, 'shards');
    // A shard writes one partial file, so the clash shows only when merge would write the reports.
    const shard = kubesim(['run', a, b, '--shard', '1/1', '--out', shards, ...SMALL]);
    expect(shard.code, shard.stderr).toBe(0);
    expectRefused(await kubesimInProcess(['merge', shards, '--out', join(dir, 'out')]), /^kubesim: .*a\.yaml and .*b\.yaml would both write .*out\/same:/);
    const single = join(dir, 'single');
    expect(kubesim(['run', a, '--shard', '1/1', '--out', single, ...SMALL]).code).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expectRefused(await kubesimInProcess(['merge', single, '--out', join(dir, 'notes.txt', 'r')]), /notes\.txt is a file, not a folder/);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'notes.txt', 'shards', 'single']);
  });
});

describe('permissions', () => {
  it('should take folder and file modes from the umask, and write distinct names side by side', () => {
    const dir = place('umask');
    const out = place('umask/out');
    const main = join(ROOT, 'dist', 'cli', 'main.js');
    const files = [named(dir, 'a.yaml', 'one'), named(dir, 'b.yaml', 'two')];
    const r = spawnSync('sh', ['-c', 'umask 027 && exec "$0" "$@"', process.execPath, main, 'run', ...files, '--out', out, ...SMALL], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['one', 'two']);
    for (const folder of [join(out, 'one'), join(out, 'two', 'charts')]) expect(statSync(folder).mode & 0o777).toBe(0o750);
    for (const f of [join(out, 'one', 'index.html'), join(out, 'two', '.kubesim-report')]) expect(statSync(f).mode & 0o777).toBe(0o640);
  });
});
