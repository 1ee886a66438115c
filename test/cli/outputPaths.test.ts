/** The up-front checks of output paths: writable parent folder, no system folder, no two outputs in one folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDistinctTargets, checkOutputFolder, checkOutputParent, holdsCurrentFolder, OutputPathError, showPath } from '../../src/cli/outputPaths.js';

const root = mkdtempSync(join(tmpdir(), 'kubesim-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checkOutputParent', () => {
  it('should accept a path whose missing folders sit under a writable folder', () => {
    expect(() => checkOutputParent(join(root, 'a', 'b', 'c'))).not.toThrow();
  });

  it('should refuse a path under a file, naming the file', () => {
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'mine');
    expect(() => checkOutputParent(join(file, 'sub', 'x'))).toThrow(OutputPathError);
    expect(() => checkOutputParent(join(file, 'sub'))).toThrow(`${file} is a file, not a folder`);
    expect(() => checkOutputFolder(join(file, 'sub'))).toThrow(`${file} is a file, not a folder`);
  });

  it('should refuse /proc, /sys and /dev, also through a symbolic link', () => {
    expect(() => checkOutputParent('/proc/self/x')).toThrow(/is inside \/proc, a system folder/);
    expect(() => checkOutputParent('/sys/kernel/x/y')).toThrow(/is inside \/sys/);
    expect(() => checkOutputFolder('/dev/shm-nope/x')).toThrow(/is inside \/dev/);
  });

  it('should refuse a folder it may not write in (permission checked by access)', () => {
    const denied = () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(() => checkOutputParent(join(root, 'r'), denied)).toThrow(`cannot write in ${root} (permission denied)`);
  });

  it('should show control characters escaped, so that the error stays one line', () => {
    expect(showPath('a\nb\u001b[31m\u202e')).toBe('a\\u000ab\\u001b[31m\\u202e');
  });
});

describe('checkDistinctTargets', () => {
  it('should accept distinct folders', () => {
    expect(() => checkDistinctTargets([{ input: 'a.yaml', path: 'r/a' }, { input: 'b.yaml', path: 'r/b' }])).not.toThrow();
  });

  it('should refuse two inputs writing one folder, naming both and the folder', () => {
    expect(() => checkDistinctTargets([{ input: 'a.yaml', path: 'r/x' }, { input: 'b.yaml', path: 'r/./x' }])).toThrow(/^a\.yaml and b\.yaml would both write r\/x: /);
  });

  it('should refuse folders that differ only in case', () => {
    expect(() => checkDistinctTargets([{ input: 'a.yaml', path: 'r/Prod' }, { input: 'b.yaml', path: 'r/prod' }])).toThrow(
      'a.yaml and b.yaml would both write r/Prod and r/prod (the same folder where case does not count)',
    );
  });

  it('should refuse exactly the lists with a case-insensitive repeat', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), (names) => {
        const targets = names.map((n, i) => ({ input: `f${i}.yaml`, path: join('reports', n) }));
        const clash = new Set(names.map((n) => n.toLowerCase())).size < names.length;
        if (clash) expect(() => checkDistinctTargets(targets)).toThrow(OutputPathError);
        else expect(() => checkDistinctTargets(targets)).not.toThrow();
      }),
    );
  });
});

describe('holdsCurrentFolder', () => {
  it('should be true for the current folder and its ancestors only', () => {
    expect(holdsCurrentFolder('.')).toBe(true);
    expect(holdsCurrentFolder('..')).toBe(true);
    expect(holdsCurrentFolder('/')).toBe(true);
    const sub = join(root, 'elsewhere');
    mkdirSync(sub);
    expect(holdsCurrentFolder(sub)).toBe(false);
    expect(holdsCurrentFolder(join(root, 'missing'))).toBe(false);
  });
});
