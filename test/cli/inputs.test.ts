/** Scenario files through the real CLI: only regular files, a size and a nesting limit, strict UTF-8, safe echoes, one seed range, simulable means. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubesimInProcess } from './inProcess.js';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const dir = mkdtempSync(join(tmpdir(), 'kubesim-inputs-'));

/** A small scenario: one multi-master cluster, an hour, two replications. */
function scenario(name: string, { failures = '', seed = '7', horizon = '1h', cluster = 'prod' } = {}): string {
  return [
    'apiVersion: kubesim/v1',
    'kind: Scenario',
    `metadata: { name: ${JSON.stringify(name)} }`,
    'spec:',
    `  horizon: ${horizon}`,
    '  replications: 2',
    `  seed: ${seed}`,
    ...(failures ? ['  failures:', `    ${failures}`] : []),
    `  clusters: [{ name: ${JSON.stringify(cluster)}, model: multi-master }]`,
    '',
  ].join('\n');
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every command that reads a scenario, with the flags that keep it small. */
const COMMANDS: readonly [string, (f: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['run', (f) => ['run', f, '--no-report', '--jobs', '1']],
  ['compare', (f) => ['compare', f, f, '--no-report', '--jobs', '1']],
  ['sweep', (f) => ['sweep', f, '--set', 'etcd.members=1,3', '--jobs', '1', '--json']],
  ['analytic', (f) => ['analytic', f, '--jobs', '1']],
  ['explain', (f) => ['explain', f]],
];

describe('scenario files that are not regular files', () => {
  let server: Server;
  const socket = join(dir, 'kubesim.sock');
  const fifo = join(dir, 'pipe.yaml');

  beforeAll(async () => {
    execFileSync('mkfifo', [fifo]);
    server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('should refuse a device, a named pipe, a socket and a directory, at once, one line each, with exit 2', async () => {
    const cases = [
      ['/dev/zero', 'a character device'],
      ['/dev/urandom', 'a character device'],
      [fifo, 'a named pipe'],
      [socket, 'a socket'],
      [dir, 'a directory'],
    ];
    const r = await kubesimInProcess(['validate', ...cases.map(([path]) => path!)]);
    expect(r.code).toBe(2);
    // A socket cannot be opened at all on Linux (ENXIO): that says the same in other words.
    const socketLine = new RegExp(`^kubesim: ${socket}: cannot read the file: it is (a socket|a socket or a device), not a regular file$`);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(cases.length);
    cases.forEach(([path, kind], k) => {
      if (path === socket) expect(lines[k]).toMatch(socketLine);
      else expect(lines[k]).toBe(`kubesim: ${path}: cannot read the file: it is ${kind}, not a regular file`);
    });
  });

  it.each(COMMANDS)('should refuse a named pipe in %s without waiting for a writer', async (_, args) => {
    const r = await kubesimInProcess(args(fifo));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: ${fifo}: cannot read the file: it is a named pipe, not a regular file\n`);
  });
});

describe('scenario files that are too large, too deep or not text', () => {
  it('should refuse a file above 4 MiB, saying its size and the limit, and accept one of exactly 4 MiB', async () => {
    const text = scenario('padded');
    const big = file('big.yaml', `${text}# ${'x'.repeat(4 * 1024 * 1024 - text.length - 2)}\n`);
    const padded = file('padded.yaml', `${text}# ${'x'.repeat(4 * 1024 * 1024 - text.length - 3)}\n`);
    const r = await kubesimInProcess(['validate', big, padded]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: ${big}: the file is 4,194,305 bytes (4.0 MiB), above the limit of 4,194,304 bytes (4.0 MiB) for a scenario\n`);
    expect(r.stdout).toBe(`${padded}: ok (1 cluster, 0 scripted faults)\n`);
  });

  it.each(COMMANDS.filter(([c]) => ['validate', 'run', 'sweep'].includes(c)))('should refuse JSON nested 1,000,000 deep in %s with exit 2 and the line, not a stack overflow', async (_, args) => {
    const deep = file('deep.json', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    const r = await kubesimInProcess(args(deep));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: ${deep}:1: nested deeper than the limit of 64 levels (65 here); a scenario needs about 8\n`);
  });

  it.each(COMMANDS.filter(([c]) => ['validate', 'run'].includes(c)))('should refuse a repeated key among 40,000 keys of one JSON mapping in %s with its line and column, not after minutes', async (_, args) => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `"k${i}": 1`).join(',\n');
    const many = file('many-keys.json', `{"apiVersion": "kubesim/v1", "spec": {\n${keys},\n"k5": 2}}\n`);
    const r = await kubesimInProcess(args(many));
    expect([r.code, r.stderr]).toEqual([2, `kubesim: ${many}:40002: invalid YAML at column 1: Map keys must be unique\n`]);
  });

  it('should refuse bytes that are not UTF-8, and NUL bytes, saying where', async () => {
    const latin1 = file('latin1.yaml', Buffer.concat([Buffer.from(scenario('caf')), Buffer.from([0x23, 0x20, 0xe9, 0x0a])]));
    const nul = file('nul.yaml', `${scenario('nul')}# \u0000\n`);
    const r = await kubesimInProcess(['validate', latin1, nul]);
    expect(r.code).toBe(2);
    const at = scenario('caf').length + 3;
    expect(r.stderr).toBe(
      `kubesim: ${latin1}: the file is not valid UTF-8 text (byte ${at}): a scenario is YAML or JSON text\n` +
        `kubesim: ${nul}: the file holds a NUL byte (character ${scenario('nul').length + 3}): a scenario is YAML or JSON text, not binary data\n`,
    );
  });
});

describe('values echoed in error lines', () => {
  it('should refuse control and bidi characters in cluster and scenario names and never print them raw', async () => {
    const cases = [
      // [name, how it is shown, what it is]
      ['demo\u001b[31mred', '\\u{1b}', 'an ESC sequence'],
      ['demo\u0007', '\\u{7}', 'a BEL'],
      ['demo\u009b2J', '\\u{9b}', 'a C1 CSI'],
      ['demo\u202eevil', '\\u{202e}', 'a right-to-left override'],
      ['demo\u061c', '\\u{61c}', 'an Arabic letter mark'],
    ];
    const files = cases.flatMap(([name], k) => [file(`cluster-name-${k}.yaml`, scenario('ok', { cluster: name! })), file(`scenario-name-${k}.yaml`, scenario(name!))]);
    const r = await kubesimInProcess(['validate', ...files]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => {
      // Two files per case: the name as a cluster's, then as the scenario's.
      expect(line, cases[i >> 1]![2]).toContain(`found "demo${cases[i >> 1]![1]}`);
      expect(line).toMatch(/expected a name without .*control or bidirectional characters/);
    });
    expect(UNSAFE.test(r.stderr), JSON.stringify(r.stderr)).toBe(false);
  });

  it.each(COMMANDS.filter(([c]) => ['run', 'compare', 'explain'].includes(c)))('should refuse such names in %s before running, printing them escaped', async (command, args) => {
    const f = file(`names-${command}.yaml`, scenario('demo\u202eevil', { cluster: 'prod\u001b[2J' }));
    const r = await kubesimInProcess(args(f));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('found "demo\\u{202e}evil"');
    expect(r.stderr).toContain('found "prod\\u{1b}[2J"');
    expect(UNSAFE.test(r.stderr), JSON.stringify(r.stderr)).toBe(false);
  });

  it('should cut a 5,000-character value, or a 1,000-character field name (the longest implicit key YAML takes), to 60 characters with its length', async () => {
    const value = file('long.yaml', scenario('long').replace('model: multi-master', `model: ${'m'.repeat(5000)}`));
    const key = file('long-key.yaml', scenario('long').replace('  replications: 2', `  ${'k'.repeat(1000)}: 2\n  replications: 2`));
    const r = await kubesimInProcess(['validate', value, key]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`found "${'m'.repeat(60)}…" (5,000 characters)`);
    expect(lines[1]).toContain(`unknown field '${'k'.repeat(60)}…' (1,000 characters)`);
    for (const line of lines) expect(line.length).toBeLessThan(500);
  });

  it('should escape and cut a flag value too', async () => {
    const r = await kubesimInProcess(['run', 'x.yaml', '--replications', `\u001b]0;${'9'.repeat(100)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: --replications: expected a whole number from 1 to 1000000, found "\\u{1b}]0;${'9'.repeat(56)}…" (104 characters)\n`);
  });
});

describe('seeds', () => {
  const busy = "etcd: { mttf: 2h, mttr: 30m }";

  it('should accept the same range, 0 to 2^53-1, in the file and in --seed, worded alike', async () => {
    const negative = file('negative-seed.yaml', scenario('s', { seed: '-1' }));
    const over = file('over-seed.yaml', scenario('s', { seed: '9007199254740992' }));
    const max = file('max-seed.yaml', scenario('s', { seed: '9007199254740991' }));
    const r = await kubesimInProcess(['validate', negative, over, max]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `kubesim: ${negative}:7: spec.seed: expected a whole number from 0 to 9007199254740991, found -1\n` +
        `kubesim: ${over}:7: spec.seed: expected a whole number from 0 to 9007199254740991, found 9007199254740992\n`,
    );
    expect(r.stdout).toBe(`${max}: ok (1 cluster, 0 scripted faults)\n`);
    for (const bad of ['-1', '9007199254740992', '1e3']) {
      const r = await kubesimInProcess(['run', 'x.yaml', '--seed', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kubesim: --seed: expected a whole number from 0 to 9007199254740991, found "${bad}"\n`);
    }
  });

  it('should repeat a run exactly for a seed above 2^32, and tell it apart from the seed with the same low 32 bits', async () => {
    const f = file('busy.yaml', scenario('busy', { failures: busy, horizon: '3d' }));
    const run = (seed: string) => kubesimInProcess(['run', f, '--no-report', '--json', '--jobs', '1', '--seed', seed]);
    const big = await run(String(2 ** 32 + 1));
    expect(big.code).toBe(0);
    expect((await run(String(2 ** 32 + 1))).stdout).toBe(big.stdout);
    const small = await run('1');
    expect(JSON.parse(small.stdout).seed).toBe(1);
    expect(JSON.parse(big.stdout).seed).toBe(2 ** 32 + 1);
    const { seed: _a, ...a } = JSON.parse(small.stdout) as Record<string, unknown>;
    const { seed: _b, ...b } = JSON.parse(big.stdout) as Record<string, unknown>;
    expect(a).not.toEqual(b);
  });
});

describe('distributions whose mean or rate cannot be simulated', () => {
  it('should refuse a Weibull shape of 0.001 for its true reason, a mean of about 10^2563 years', async () => {
    const f = file('weibull.yaml', scenario('w', { failures: 'etcd: { mttf: { weibull: { shape: 0.001, scale: 1h } }, mttr: 1h }' }));
    const r = await kubesimInProcess(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `kubesim: ${f}:9: spec.failures.etcd.mttf: expected a distribution whose mean can be simulated, found an object with field weibull: its mean is about 10^2563 years, beyond what can be simulated\n`,
    );
  });

  it('should refuse an mttf whose rate 1/mttf is not a finite number (under the floor of 1 s)', async () => {
    const f = file('tiny.yaml', scenario('t', { failures: 'etcd: { mttf: 1e-320, mttr: 1h }' }));
    const r = await kubesimInProcess(['run', f, '--no-report']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: ${f}:9: spec.failures.etcd.mttf: expected a time to failure with a mean of at least 1 s, found 1e-320 (failures faster than that are an event storm, not a failure model)\n`);
  });

  it('should run a lognormal repair with a sigma of 8 (a member down almost always) to the end', async () => {
    const f = file('lognormal.yaml', scenario('l', { failures: 'etcd: { mttf: 30d, mttr: { lognormal: { median: 1h, sigma: 8 } } }' }));
    const r = await kubesimInProcess(['run', f, '--no-report', '--json', '--jobs', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).clusters.prod.signals.etcdQuorum.availability.mean).toBeGreaterThanOrEqual(0);
  });
});

describe('several scenario files', () => {
  it('should report the problems of every bad file at once, in argument order, as validate does', async () => {
    const badReplications = file('several-a.yaml', scenario('a').replace('replications: 2', 'replications: zero'));
    const missing = join(dir, 'several-missing.yaml');
    const badSeed = file('several-b.yaml', scenario('b', { seed: '-3' }));
    const good = file('several-good.yaml', scenario('good'));
    for (const command of [['run', '--no-report', '--jobs', '1'], ['compare', '--no-report', '--jobs', '1']]) {
      const r = await kubesimInProcess([command[0]!, good, badReplications, missing, badSeed, ...command.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(new RegExp(`^kubesim: ${badReplications}:\\d+: spec\\.replications: `));
      expect(lines[1]).toBe(`kubesim: ${missing}: cannot read the file: no such file`);
      expect(lines[2]).toMatch(new RegExp(`^kubesim: ${badSeed}:\\d+: spec\\.seed: `));
    }
  });
});

describe('a file with very many problems', () => {
  it('should show the first 100 problems of each file, then one line counting the rest, and list every one with -o json', async () => {
    const many = file('many-problems.yaml', scenario('many') + Array.from({ length: 250 }, (_, i) => `  k${i}: 1\n`).join(''));
    const few = file('few-problems.yaml', scenario('few').replace('replications: 2', 'replications: zero'));
    const r = await kubesimInProcess(['validate', many, few]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(100 + 1 + 1);
    expect(lines[0]).toMatch(new RegExp(`^kubesim: ${many}:\\d+: spec\\.k0: unknown field 'k0'`));
    expect(lines[99]).toMatch(/spec\.k99: unknown field/);
    expect(lines[100]).toBe(`kubesim: ${many}: 150 more problems not shown (the first 100 are above; \`kubesim validate ${many} -o json\` lists every one)`);
    expect(lines[101]).toMatch(new RegExp(`^kubesim: ${few}:\\d+: spec\\.replications: `));
    const json = await kubesimInProcess(['validate', many, '-o', 'json']);
    expect((JSON.parse(json.stdout) as { problems: unknown[] }).problems).toHaveLength(250);
  });
});
