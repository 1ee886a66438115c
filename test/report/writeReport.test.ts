import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_MARKER, ReportDirError, writeReportDir } from '../../src/cli/writeReport.js';

describe('writeReportDir', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kubesim-write-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should write every file, subfolders included, and a marker', async () => {
    const dir = join(root, 'report');
    await writeReportDir(dir, { 'index.html': '<p>hi</p>', 'charts/a.svg': '<svg/>', 'data.bin': Buffer.from([1, 2, 3]) });
    expect((await readdir(dir)).sort()).toEqual([REPORT_MARKER, 'charts', 'data.bin', 'index.html']);
    expect(await readFile(join(dir, 'charts/a.svg'), 'utf8')).toBe('<svg/>');
    expect([...(await readFile(join(dir, 'data.bin')))]).toEqual([1, 2, 3]);
  });

  it('should leave no folder and no temporary sibling when a write fails', async () => {
    const dir = join(root, 'report');
    // 'index.html' is a file, so 'index.html/oops' cannot be written.
    await expect(writeReportDir(dir, { 'index.html': 'x', 'index.html/oops': 'y' })).rejects.toThrow();
    expect(existsSync(dir)).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });

  it('should replace the whole folder on a repeated write (old files gone)', async () => {
    const dir = join(root, 'report');
    await writeReportDir(dir, { 'old.txt': 'old', 'index.html': 'one' });
    await writeReportDir(dir, { 'index.html': 'two' });
    expect((await readdir(dir)).sort()).toEqual([REPORT_MARKER, 'index.html']);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('two');
    expect(await readdir(root)).toEqual(['report']);
  });

  it('should keep the old report intact when writing the new one fails', async () => {
    const dir = join(root, 'report');
    await writeReportDir(dir, { 'index.html': 'one' });
    await expect(writeReportDir(dir, { 'a': 'x', 'a/b': 'y' })).rejects.toThrow();
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('one');
    expect(await readdir(root)).toEqual(['report']);
  });

  it('should refuse to replace a non-empty folder that is not a report', async () => {
    const dir = join(root, 'home');
    await mkdir(dir);
    await writeFile(join(dir, 'precious.txt'), 'keep me');
    await expect(writeReportDir(dir, { 'index.html': 'x' })).rejects.toBeInstanceOf(ReportDirError);
    expect(await readFile(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(root)).toEqual(['home']);
  });

  it('should replace an empty folder', async () => {
    const dir = join(root, 'empty');
    await mkdir(dir);
    await writeReportDir(dir, { 'index.html': 'x' });
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('x');
  });

  it('should reject names that leave the folder', async () => {
    for (const name of ['../escape.txt', '/etc/passwd', '', 'a/../../b']) {
      await expect(writeReportDir(join(root, 'r'), { [name]: 'x' }), name).rejects.toThrow(/relative path inside/);
    }
    expect(await readdir(root)).toEqual([]);
  });
});
