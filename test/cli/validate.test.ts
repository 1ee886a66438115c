/** `kubesim validate` through the real CLI: every kind of problem, exact lines, exit 2; advice on valid files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CASES } from '../scenario/errorCases.js';
import { withSpec } from '../scenario/fixtures.js';
import { kubesimInProcess } from './inProcess.js';

describe('kubesim validate', () => {
  it('should print every problem of every file, one line each, exactly as the parser words it, and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-validate-'));
    // One file per kind of problem, all checked in one run (each named x<k>.yaml).
    const files = ERROR_CASES.map((c, k) => {
      const f = join(dir, `x${k}.yaml`);
      writeFileSync(f, withSpec(c.spec));
      return f;
    });
    const r = await kubesimInProcess(['validate', ...files]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const expected = ERROR_CASES.flatMap((c, k) => c.expected.map((line) => `kubesim: ${line.replace(/^x\.yaml/, join(dir, `x${k}.yaml`))}`));
    expect(r.stderr.trimEnd().split('\n')).toEqual(expected);
  });

  it('should say ok for valid files and give advice without failing', async () => {
    const r = await kubesimInProcess(['validate', 'scenarios/default.yaml', 'scenarios/lessons/03-even-size-trap.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/default\.yaml: ok \(1 cluster, 4 scripted faults\)$/m);
    expect(r.stdout).toMatch(/03-even-size-trap\.yaml: advice: spec\.clusters\[1\]\.etcd\.members: .*an even size adds a member that can fail, not tolerance/);
  });

  it('should report a missing file in one line with exit 2', async () => {
    const r = await kubesimInProcess(['validate', 'scenarios/nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubesim: scenarios/nope.yaml: cannot read the file: no such file\n');
  });
});
