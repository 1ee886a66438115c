/** `kubesim merge` refuses damaged, edited and mixed partial files (one line, exit 2), through the real CLI. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, partialChecksum } from '../../src/experiment/partial/index.js';
import { InputError } from '../../src/cli/errors.js';
import { parsePartialJson, readPartialText } from '../../src/cli/partialFiles.js';
import { kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-merge-'));
const scenario = join(dir, 'tiny.yaml');
writeFileSync(
  scenario,
  `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: tiny, description: "Three etcd members failing often, for shard tests." }
spec:
  horizon: 20d
  replications: 4
  seed: 5
  datacenters: [{ name: dc-a }]
  failures:
    etcd: { mttf: 5d, mttr: 6h }
  clusters:
    - name: prod
      model: multi-master
      etcd: { members: 3, topology: external }
      workers: { nodes: 5 }
`,
);
const shards = join(dir, 'shards');
const shard = (i: number) => join(shards, `tiny.shard-${i}-of-2.json`);
let single = '';
let text1 = '';

/** Merges `text` as shard 1 beside the untouched shard 2. */
async function mergeWith(text: string, name = 'edited') {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const file = join(folder, 'tiny.shard-1-of-2.json');
  writeFileSync(file, text);
  writeFileSync(join(folder, 'tiny.shard-2-of-2.json'), readFileSync(shard(2)));
  return { file, r: await kubesimInProcess(['merge', folder, '--json']) };
}

function edit(change: (d: any) => void): string {
  const d = JSON.parse(text1);
  change(d);
  return JSON.stringify(d);
}

beforeAll(async () => {
  const s = await kubesimInProcess(['run', scenario, '--json', '--jobs', '1']);
  expect(s.code, s.stderr).toBe(0);
  single = s.stdout;
  for (const i of [1, 2]) expect(kubesim(['run', scenario, '--shard', `${i}/2`, '--jobs', '1', '--out', shards]).code).toBe(0);
  text1 = readFileSync(shard(1), 'utf8');
}, 60_000);

describe('kubesim merge of checked partial files', () => {
  it('should merge untouched shards into the bytes of the unsharded run', async () => {
    const m = await kubesimInProcess(['merge', shards, '--json']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe(single);
  });

  const cases: { why: string; text: () => string; message: (file: string) => string }[] = [
    { why: 'an edited number', text: () => edit((d) => (d.digests[0][0].events += 1)), message: (f) => `${f}: checksum does not match its content (edited or truncated?): run the shard again` },
    { why: 'an edited scenario text', text: () => edit((d) => (d.job.scenarios[0].text = d.job.scenarios[0].text.replace('mttr: 6h', 'mttr: 5h'))), message: (f) => `${f}: checksum does not match its content (edited or truncated?): run the shard again` },
    { why: 'a truncated file', text: () => text1.slice(0, Math.floor(text1.length / 2)), message: (f) => `${f}: invalid JSON (truncated?): run the shard again` },
    { why: 'a count turned into a string', text: () => edit((d) => (d.digests[0][0].signals[0].outages = 'lots')), message: (f) => `${f}: digests[0][0].signals[0].outages: expected a whole number at least 0, found a string "lots"` },
    { why: 'a negative number', text: () => edit((d) => (d.digests[0][1].signals[2].downSeconds = -5)), message: (f) => `${f}: digests[0][1].signals[2].downSeconds: expected a number at least 0, found -5` },
    { why: 'a deleted field', text: () => edit((d) => delete d.digests[0][1].events), message: (f) => `${f}: digests[0][1].events: expected a value, found nothing (the field is missing)` },
    { why: 'a digest swapped for garbage', text: () => edit((d) => (d.digests[0] = { map: 'no' })), message: (f) => `${f}: digests[0]: expected an array of replication digests, found an object` },
    { why: 'a histogram entry swapped for garbage', text: () => edit((d) => (d.digests[0][0].signals[0].histogram = [[1, 2, 3]])), message: (f) => `${f}: digests[0][0].signals[0].histogram[0]: expected a [bucket, count] pair, found an array` },
    { why: 'a replica fraction above 1', text: () => edit((d) => (d.digests[0][0].replicaFraction[0][1] = 1.5)), message: (f) => `${f}: digests[0][0].replicaFraction[0][1]: expected a number from 0 to 1 (or NaN), found 1.5` },
    { why: 'a shard count of a billion', text: () => edit((d) => (d.shard.count = 1e9)), message: (f) => `${f}: shard.count: expected a whole number from 1 to 10000, found 1000000000` },
    { why: 'a missing checksum', text: () => edit((d) => delete d.checksum), message: (f) => `${f}.checksum: expected a value, found nothing (the field is missing)`.replace('.checksum', ': (the document).checksum') },
    { why: 'an unknown field', text: () => edit((d) => (d.extra = 1)), message: (f) => `${f}: (the document): unexpected field "extra"` },
    { why: 'a number where a name belongs', text: () => edit((d) => (d.digests[0][0].signals[0].cluster = 7)), message: (f) => `${f}: digests[0][0].signals[0].cluster: expected a non-empty string, found 7` },
    { why: 'an older format', text: () => text1.replace('"kubesim/partial-v5"', '"kubesim/partial-v3"'), message: (f) => `${f}: is in format kubesim/partial-v3, but this kubesim reads kubesim/partial-v5: run the shards again with this version` },
  ];
  for (const c of cases) {
    it(`should refuse ${c.why} in one line with exit 2`, async () => {
      const { file, r } = await mergeWith(c.text());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kubesim: merge: ${c.message(file)}\n`);
      expect(r.stdout).toBe('');
    });
  }

  it('should refuse shards of another job, a file named twice, a folder entry that is not a file, and too many shards', async () => {
    const other = join(dir, 'other');
    expect(kubesim(['run', scenario, '--seed', '6', '--shard', '2/2', '--jobs', '1', '--out', other]).code).toBe(0);
    const mixed = await kubesimInProcess(['merge', shard(1), join(other, 'tiny.shard-2-of-2.json')]);
    expect([mixed.code, mixed.stderr]).toEqual([2, `kubesim: merge: ${join(other, 'tiny.shard-2-of-2.json')} is not a shard of the same run as ${shard(1)}: different seeds (6 and from the file)\n`]);
    const twice = await kubesimInProcess(['merge', shards, shard(1)]);
    expect([twice.code, twice.stderr]).toEqual([2, `kubesim: merge: ${shard(1)} is named twice\n`]);
    const notFile = join(dir, 'folder-inside');
    mkdirSync(join(notFile, 'x.shard-1-of-1.json'), { recursive: true });
    const folder = await kubesimInProcess(['merge', notFile]);
    expect([folder.code, folder.stderr]).toEqual([2, `kubesim: merge: ${join(notFile, 'x.shard-1-of-1.json')}: not a regular file\n`]);
    const tooMany = await kubesimInProcess(['run', scenario, '--shard', '1/5']);
    expect([tooMany.code, tooMany.stderr, tooMany.stdout]).toEqual([2, 'kubesim: --shard: 5 shards but only 4 replications to share among them: use at most 4 shards\n', '']);
    const billion = await kubesimInProcess(['run', scenario, '--shard', '1/1000000000']);
    expect([billion.code, billion.stderr]).toEqual([2, 'kubesim: --shard: expected at most 10000 shards, found "1/1000000000"\n']);
  });
});

/** `edit` with the checksum recomputed: a forged file, which only the schema and the job checks can refuse. */
function forge(change: (d: any) => void): string {
  const d = JSON.parse(text1);
  change(d);
  d.checksum = partialChecksum(d);
  return JSON.stringify(d);
}

describe('kubesim merge of forged partial files (checksum recomputed)', () => {
  it('should refuse a billion replications in one line with exit 2, not crash allocating them', async () => {
    const { file } = await mergeWith(forge((d) => (d.job.overrides = { replications: 1e9 })), 'forged');
    // A process of its own: before the fix this one died of a V8 fatal error after allocating gigabytes.
    const r = kubesim(['merge', file, join(file, '..', 'tiny.shard-2-of-2.json'), '--json']);
    expect([r.code, r.stderr, r.stdout]).toEqual([2, `kubesim: merge: ${file}: job.overrides.replications: expected a whole number from 1 to 1000000, found 1000000000\n`, '']);
  });

  const cases: { why: string; change: (d: any) => void; message: (file: string) => string }[] = [
    { why: 'a negative seed', change: (d) => (d.job.overrides = { seed: -1 }), message: (f) => `${f}: job.overrides.seed: expected a whole number from 0 to 9007199254740991, found -1` },
    { why: 'a seed past 2^53', change: (d) => (d.job.overrides = { seed: 2 ** 60 }), message: (f) => `${f}: job.overrides.seed: expected a whole number from 0 to 9007199254740991, found ${2 ** 60}` },
    { why: 'zero replications', change: (d) => (d.job.overrides = { replications: 0 }), message: (f) => `${f}: job.overrides.replications: expected a whole number from 1 to 1000000, found 0` },
    {
      why: 'an adaptive cap of a trillion replications',
      change: (d) => (d.job.precision = { relative: 0.5, signals: ['apiWrite'], maxReplications: 1e12, maxEpisodes: 1 }),
      message: (f) => `${f} holds 2 replications of task 1, but shard 1/2 of the job has 500000000000`,
    },
    {
      why: 'an embedded scenario text that is invalid',
      change: (d) => (d.job.scenarios[0].text = d.job.scenarios[0].text.replace('replications: 4', 'replications: -4')),
      message: (f) => `${f}: job.scenarios[0] (the scenario embedded from ${scenario}):6: spec.replications: expected a whole number from 1 to 1000000, found -4`,
    },
  ];
  for (const c of cases) {
    it(`should refuse ${c.why} in one line with exit 2, naming the partial file`, async () => {
      const forged = forge(c.change);
      // Shard 2 must describe the same job, or the set is refused as two runs first.
      const folder = mkdtempSync(join(dir, 'forged-'));
      const two = JSON.parse(readFileSync(shard(2), 'utf8'));
      two.job = JSON.parse(forged).job;
      two.checksum = partialChecksum(two);
      const file = join(folder, 'tiny.shard-1-of-2.json');
      writeFileSync(file, forged);
      writeFileSync(join(folder, 'tiny.shard-2-of-2.json'), JSON.stringify(two));
      const r = await kubesimInProcess(['merge', folder, '--json']);
      expect([r.code, r.stderr, r.stdout]).toEqual([2, `kubesim: merge: ${c.message(file)}\n`, '']);
    });
  }
});

/** One random change of the shard's text: a byte replaced, removed or inserted, or a field set to another JSON value. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), op: fc.constantFrom('replace', 'remove', 'insert'), char: fc.constantFrom(...'0123456789 .-e"{}[],:aZ\n') }),
  fc.record({ kind: fc.constant('field' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 1 }) }),
);

type Mutation = { kind: 'byte'; at: number; op: 'replace' | 'remove' | 'insert'; char: string } | { kind: 'field'; at: number; value: fc.JsonValue };

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'byte') {
    const at = m.at % text.length;
    return m.op === 'remove' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + m.char + text.slice(m.op === 'replace' ? at + 1 : at);
  }
  const doc = JSON.parse(text);
  const holders: [any, string | number][] = [];
  (function walk(v: any) {
    if (v === null || typeof v !== 'object') return;
    for (const k of Array.isArray(v) ? v.keys() : Object.keys(v)) {
      holders.push([v, k]);
      walk(v[k]);
    }
  })(doc);
  const [holder, key] = holders[m.at % holders.length]!;
  holder[key] = m.value;
  return JSON.stringify(doc);
}

describe('kubesim merge: any mutation of a valid shard is refused or invisible', () => {
  it('should either refuse a mutated shard with an InputError or read exactly the original values (in process, hundreds of cases)', () => {
    const original = canonicalJson(parsePartialJson(text1));
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(text1, m);
        try {
          const p = readPartialText(text, 'shard.json');
          expect(canonicalJson(p)).toBe(original);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).message).not.toContain('\n');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should give exit 2 in one line or the unsharded bytes through the real CLI', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const { r } = await mergeWith(mutate(text1, m), 'fuzz');
        if (r.code === 0) expect(r.stdout).toBe(single);
        else {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^kubesim: merge: [^\n]+\n$/);
        }
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});
