/** What a rerun does with the leftovers of a killed report write: roll a half-done swap back, remove the rest. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverLeftovers } from '../../src/cli/reportSwap.js';
import { writeReportDir } from '../../src/cli/writeReport.js';

// Above Linux's largest pid (2^22), so no process has it: a leftover of a killed run.
const GONE = 2 ** 30;

describe('recoverLeftovers', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kubesim-swap-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function folder(name: string, content: string): Promise<string> {
    const dir = join(root, name);
    await mkdir(dir);
    await writeFile(join(dir, 'index.html'), content);
    return dir;
  }

  it('should roll back a swap killed between the renames (old aside, no report)', async () => {
    await folder(`.r.old-${GONE}-0123456789ab`, 'old');
    await folder(`.r.tmp-${GONE}-0123456789ab`, 'new, maybe partial');
    await recoverLeftovers(join(root, 'r'));
    expect(await readdir(root)).toEqual(['r']);
    expect(await readFile(join(root, 'r', 'index.html'), 'utf8')).toBe('old');
  });

  it('should remove the leftovers of a gone process when the report is in place', async () => {
    await folder('r', 'new');
    await folder(`.r.old-${GONE}-0123456789ab`, 'old');
    await folder(`.r.tmp-${GONE}-ffffffffffff`, 'partial');
    await recoverLeftovers(join(root, 'r'));
    expect(await readdir(root)).toEqual(['r']);
    expect(await readFile(join(root, 'r', 'index.html'), 'utf8')).toBe('new');
  });

  it("should leave a live process's leftovers, and other folders' and other names, alone", async () => {
    const live = [`.r.tmp-${process.pid}-0123456789ab`, `.rr.old-${GONE}-0123456789ab`, `.r.old-${GONE}-xyz`, 'notes'];
    for (const name of live) await folder(name, 'keep');
    await recoverLeftovers(join(root, 'r'));
    expect((await readdir(root)).sort()).toEqual([...live].sort());
    expect(existsSync(join(root, 'r'))).toBe(false);
  });

  it('should be run by writeReportDir, which then replaces the recovered report', async () => {
    await writeReportDir(join(root, 'r'), { 'index.html': 'one' });
    const { rename } = await import('node:fs/promises');
    await rename(join(root, 'r'), join(root, `.r.old-${GONE}-0123456789ab`));
    await writeReportDir(join(root, 'r'), { 'index.html': 'two' });
    expect(await readdir(root)).toEqual(['r']);
    expect(await readFile(join(root, 'r', 'index.html'), 'utf8')).toBe('two');
  });
});
