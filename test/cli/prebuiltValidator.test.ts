/**
 * The scenario validator `npm run build` generates (ajv standalone code, scripts/build-validator.mjs)
 * is the one the CLI uses, and it finds exactly what compiling the schema at run time finds.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaDigest } from '../../src/scenario/_internals/checkStructure.js';
import { parseScenario, ScenarioError, formatProblem } from '../../src/scenario/index.js';
import { ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const GENERATED = `${ROOT}dist/scenario/_internals/scenarioValidator.cjs`;

const BAD = `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: bad }
spec:
  horizon: 1y
  replicatons: 3
  failures:
    etcd: { mttf: -5, mttr: 1h }
  clusters:
    - { name: prod, model: multi-mastr, etcd: { members: "three" }, workers: { nodes: 2.5 } }
`;

describe('the generated scenario validator', () => {
  it('should be built from the schema as it is now (else the CLI would compile the schema at every start)', () => {
    expect(existsSync(GENERATED)).toBe(true);
    const generated = createRequire(import.meta.url)(GENERATED) as { schemaDigest: string };
    expect(generated.schemaDigest).toBe(schemaDigest());
  });

  it('should report what the schema compiled at run time reports, message for message', async () => {
    mkdirSync(`${ROOT}test-output`, { recursive: true });
    const file = 'test-output/prebuilt-validator-bad.yaml';
    writeFileSync(`${ROOT}${file}`, BAD);
    let expected: string[] = [];
    try {
      parseScenario(BAD, file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      expected = e.problems.map((p) => `kubesim: ${formatProblem(p)}`);
    }
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const r = await kubesimInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(expected);
  });
});
