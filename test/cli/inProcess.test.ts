/** The in-process runner gives what the spawned CLI gives: exit code, stdout and stderr, byte for byte, and carries nothing from one command to the next. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const scenario = readFileSync('scenarios/single-server.yaml', 'utf8');

describe('kubesimInProcess', () => {
  it.each([
    ['an error: exit 2 and its one line', ['run', 'no-such-file.yaml', '--no-report'], ''],
    ['a bad flag', ['run', 'scenarios/single-server.yaml', '--no-such-flag'], ''],
    ['a --json run', ['run', 'scenarios/single-server.yaml', '--json', '--jobs', '1', '--replications', '2'], ''],
    ['a terminal summary', ['run', 'scenarios/single-server.yaml', '--jobs', '1', '--replications', '2', '--no-report'], ''],
    ['help', ['run', '--help'], ''],
    ['a scenario on stdin', ['validate', '-'], scenario],
    ['empty stdin as a scenario', ['validate', '-'], ''],
    ['nodes on stdin', ['import', '-'], '{"kind":"List"}'],
    ['empty stdin as nodes', ['import', '-'], ''],
  ])('should give what the spawned CLI gives for %s', async (_, args, input) => {
    const spawned = kubesim(args, { input });
    expect(await kubesimInProcess(args, { input })).toEqual(spawned);
  });

  it('should give an error as the spawned CLI does: exit 2 and one line naming the file', async () => {
    const r = await kubesimInProcess(['validate', 'no-such-file.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kubesim: no-such-file.yaml: cannot read the file: no such file\n' });
    expect(r).toEqual(kubesim(['validate', 'no-such-file.yaml']));
  });

  it('should start each command afresh: the exit code, the folder and stdin of the one before do not carry over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-in-process-'));
    writeFileSync(join(dir, 'here.yaml'), scenario);
    const bad = await kubesimInProcess(['validate', '-'], { input: 'apiVersion: kubesim/v1\n' });
    expect(bad.code).toBe(2);
    const here = await kubesimInProcess(['validate', 'here.yaml'], { cwd: dir });
    expect(here).toEqual({ code: 0, stdout: 'here.yaml: ok (1 cluster, 0 scripted faults)\n', stderr: '' });
    expect(await kubesimInProcess(['validate', '-'])).toEqual(kubesim(['validate', '-']));
    expect(await kubesimInProcess(['validate', 'here.yaml'])).toEqual(kubesim(['validate', 'here.yaml']));
  });
});
