/** `kubesim fit --into` below the CLI: the checks made before any work, and a JSON scenario kept JSON. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInto, planInto, writeInto } from '../../src/cli/fitInto.js';
import { parseScenario } from '../../src/scenario/index.js';

const DIR = mkdtempSync(join(tmpdir(), 'kubesim-fit-into-'));
const SCENARIO = {
  apiVersion: 'kubesim/v1',
  kind: 'Scenario',
  metadata: { name: 'j' },
  spec: { failures: { etcd: { mttf: '30d', mttr: '1h' } }, clusters: [{ name: 'prod', model: 'multi-master', failures: { worker: { mttf: '9d', mttr: '1h' } } }] },
};
const FITTED = { etcd: { mttf: '34.107d', mttr: '1.0228h' }, worker: { mttf: { weibull: { shape: 1.2, scale: '80d' } }, mttr: '3h' } };

describe('fit --into', () => {
  it('should refuse a read-only scenario or folder before any work (checked as root too, through the injected access)', () => {
    const file = join(DIR, 'ro.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    const denyFile = (p: string) => {
      if (p === file) throw new Error('EACCES');
    };
    expect(() => checkInto(file, denyFile)).toThrow(/^--into .*ro\.json: the file is not writable: refusing to replace it$/);
    expect(() => checkInto(file, (p) => {
      if (p === DIR) throw new Error('EACCES');
    })).toThrow(/its folder is not writable/);
    expect(() => checkInto(file, () => undefined)).not.toThrow();
  });

  it('should keep a JSON scenario JSON, and name the clusters whose own failures override a fitted role', async () => {
    const file = join(DIR, 's.json');
    writeFileSync(file, JSON.stringify(SCENARIO, null, 2));
    const plan = planInto(file, FITTED);
    expect(plan.overridden).toEqual(['prod/worker']);
    await writeInto(plan);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text).spec.failures).toEqual(FITTED);
    expect(parseScenario(text, file).failures.etcd!.mttf).toEqual({ kind: 'exponential', mean: 34.107 * 86400 });
  });
});
