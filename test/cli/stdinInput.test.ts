/** Reading `-` from stdin: the size limit and the text checks of a file, with stdin named in messages; `-` on the commands that take a scenario. */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/inputFile.js';
import { readScenarioSource, readScenarioSources, readStdin } from '../../src/cli/stdinInput.js';
import { kubesimInProcess } from './inProcess.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer | string> {
  for (const p of parts) yield p;
}

describe('readStdin', () => {
  it('should join the chunks as UTF-8 text', async () => {
    expect(await readStdin(100, 'stdin', 'the nodes', chunks('{"a":', Buffer.from('"é"}')))).toBe('{"a":"é"}');
  });

  it('should refuse more than the limit, naming it and what it is for', async () => {
    await expect(readStdin(4, 'stdin', 'the nodes', chunks('abc', 'de'))).rejects.toThrow('stdin: more than 4 bytes, the limit for the nodes');
  });

  it('should refuse bytes that are not UTF-8, as a file would be', async () => {
    await expect(readStdin(100, 'stdin', 'the nodes', chunks(Buffer.from([0x7b, 0xff])))).rejects.toThrow(/^stdin: the file is not valid UTF-8 text \(byte 2\)/);
  });
});

describe('readScenarioSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-stdin-'));
  const readAsStdin = (content: string | Buffer) => {
    const f = join(dir, `in-${Math.random()}.yaml`);
    writeFileSync(f, content);
    const fd = openSync(f, 'r');
    try {
      return readScenarioSource('-', fd);
    } finally {
      closeSync(fd);
    }
  };

  it('should read - whole from the descriptor and name it <stdin>', () => {
    expect(readAsStdin('a: 1\n')).toEqual({ file: '<stdin>', text: 'a: 1\n' });
  });

  it('should refuse more than a scenario file may hold, naming <stdin>', () => {
    expect(() => readAsStdin(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20))).toThrow(/^<stdin>: more than 4,194,304 bytes \(4\.0 MiB\), the limit for a scenario$/);
  });

  it('should refuse - twice, before reading anything', () => {
    expect(() => readScenarioSources(['-', 'x.yaml', '-'])).toThrow('- (stdin) is given more than once');
  });
});

describe('- on the commands that take a scenario, through the CLI', () => {
  it('should name <stdin> in the problems of a scenario read from stdin', async () => {
    const r = await kubesimInProcess(['run', '-', '--no-report'], { input: 'apiVersion: kubesim/v1\nkind: Scenario\nmetadata: { name: x }\nspec: { seed: -1, clusters: [] }\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubesim: <stdin>:4: spec\.seed: expected/m);
  });

  it('should run a sweep on a scenario from stdin as on the file', async () => {
    const args = ['--set', 'spec.failures.controlPlane.mttf=30d,60d', '--replications', '2', '--horizon', '1d', '--jobs', '1', '--json'];
    const file = await kubesimInProcess(['sweep', 'scenarios/single-server.yaml', ...args]);
    const stdin = await kubesimInProcess(['sweep', '-', ...args], { input: readFileSync('scenarios/single-server.yaml', 'utf8') });
    expect(file.code, file.stderr).toBe(0);
    expect(stdin.code, stdin.stderr).toBe(0);
    expect(JSON.parse(stdin.stdout)).toEqual(JSON.parse(file.stdout));
  });

  it('should refuse compare - - and fit --into -, in one line', async () => {
    const compare = await kubesimInProcess(['compare', '-', '-']);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toBe('kubesim: - (stdin) is given more than once: stdin holds one scenario; give the others as files\n');
    const fit = await kubesimInProcess(['fit', 'no-such-records.csv', '--into', '-']);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toMatch(/--into: - \(stdin\) cannot be written back/);
  });
});
