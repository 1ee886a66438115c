/**
 * Pins what every shipped scenario gives through the built CLI (run in-process, inProcess.ts),
 * byte for byte: the summary JSON of `run` (8 replications, the scenario's seed) and a digest of
 * `explain --json` (replication 0, trace and narration); --jobs 2 and shards run spawned. Speed work on the model must leave both unchanged; a change that is an
 * intended fix is stated in its commit and CHANGELOG, and the files are rewritten with
 * `PIN_UPDATE=1 npx vitest run test/cli/pinned.test.ts` (docs/testing.md). A mismatch writes the
 * new output beside test-output/pinned/ for a diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubesim, ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const PINNED = join(ROOT, 'test/cli/pinned');
const OUT = join(ROOT, 'test-output/pinned');
const UPDATE = process.env['PIN_UPDATE'] === '1';
const REPLICATIONS = '8';

const files = (readdirSync(`${ROOT}scenarios`, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Compares `actual` with the pinned file `name` (or writes it under PIN_UPDATE=1); on a mismatch
 * `full` (the whole output, when `actual` is its digest) or `actual` goes to test-output/pinned/.
 */
function expectPinned(name: string, actual: string, full?: { name: string; text: string }): void {
  const path = join(PINNED, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(PINNED, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`${name} was not pinned yet: written now, commit it`);
    return;
  }
  const pinned = readFileSync(path, 'utf8');
  if (pinned !== actual) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, full?.name ?? name), full?.text ?? actual);
  }
  expect(actual, `${name} changed (new output in test-output/pinned/${name})`).toBe(pinned);
}

const stem = (file: string) => basename(file, '.yaml');

describe('pinned outputs of the shipped scenarios', () => {
  for (const file of files) {
    it(`should give the pinned summary for ${file}`, async () => {
      const r = await kubesimInProcess(['run', file, '--json', '--jobs', '1', '--replications', REPLICATIONS]);
      expect(r.code, r.stderr).toBe(0);
      expectPinned(`${stem(file)}.summary.json`, r.stdout);
    });

    it(`should give the pinned trace and narration for ${file}`, async () => {
      const r = await kubesimInProcess(['explain', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const digest = `${sha256(r.stdout)} ${r.stdout.split('\n').length} lines\n`;
      expectPinned(`${stem(file)}.explain.sha256`, digest, { name: `${stem(file)}.explain.json`, text: r.stdout });
    });
  }

  for (const file of ['scenarios/default.yaml', 'scenarios/multi-cluster.yaml']) {
    it(`should give the same summary for ${file} with --jobs 2 and with two shards merged`, () => {
      const pinned = readFileSync(join(PINNED, `${stem(file)}.summary.json`), 'utf8');
      const two = kubesim(['run', file, '--json', '--jobs', '2', '--replications', REPLICATIONS]);
      expect(two.code, two.stderr).toBe(0);
      expect(two.stdout).toBe(pinned);
      const dir = join(ROOT, 'test-output', `pinned-shards-${stem(file)}`);
      mkdirSync(dir, { recursive: true });
      const parts = ['1/2', '2/2'].map((k, i) => {
        const out = join(dir, `part-${i + 1}.json`);
        const s = kubesim(['run', file, '--replications', REPLICATIONS, '--shard', k, '--out', out, '--jobs', '1']);
        expect(s.code, s.stderr).toBe(0);
        return out;
      });
      const merged = kubesim(['merge', ...parts, '--json', '--no-report']);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stdout).toBe(pinned);
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
