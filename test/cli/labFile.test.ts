/** `kubesim lab --out`: which existing files may be replaced, and the page written whole with old temporaries removed. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLabFile, writeLabFile } from '../../src/cli/labFile.js';
import { OutputPathError } from '../../src/cli/outputPaths.js';
import { labPage } from '../../src/lab/labPage.js';

const root = mkdtempSync(join(tmpdir(), 'kubesim-labfile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checkLabFile', () => {
  it('should accept a new file, an empty file and a lab page kubesim wrote', () => {
    const empty = join(root, 'empty.html');
    writeFileSync(empty, '');
    const page = join(root, 'page.html');
    writeFileSync(page, labPage('/* script */'));
    for (const f of [join(root, 'new', 'lab.html'), empty, page]) expect(() => checkLabFile(f), f).not.toThrow();
  });

  it('should refuse a file of the user, and another kubesim page that is not the lab', () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'mine');
    const report = join(root, 'index.html');
    writeFileSync(report, '<meta name="generator" content="kubesim"><title>Report</title>');
    for (const f of [notes, report]) expect(() => checkLabFile(f), f).toThrow(OutputPathError);
    expect(readFileSync(notes, 'utf8')).toBe('mine');
  });
});

describe('writeLabFile', () => {
  it('should write the page and remove temporaries of killed runs, not of live ones', async () => {
    const dir = mkdtempSync(join(root, 'w-'));
    const dead = `.lab.html.tmp-${2 ** 30}-0123456789ab`;
    const live = `.lab.html.tmp-${process.pid}-0123456789ab`;
    for (const f of [dead, live]) writeFileSync(join(dir, f), 'partial');
    await writeLabFile(join(dir, 'lab.html'), 'page');
    expect(readdirSync(dir).sort()).toEqual([live, 'lab.html']);
    expect(readFileSync(join(dir, 'lab.html'), 'utf8')).toBe('page');
  });
});
