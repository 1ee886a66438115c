/**
 * The fuzz target (docs/fuzzing.md): generated scenarios (valid, near-valid, hostile) and flags
 * through validate, run, explain, compare and analytic, in-process on two child processes plus a
 * few through the real CLI. Every case must end with exit 0 or 2 within its time limit, with no
 * stack trace, one `kubesim:` line per problem, no raw control characters and the same output
 * twice. Known bugs of issue 12 are filtered by test/fuzz/_internals/knownBugs.ts. The seed is
 * the run's fast-check seed, printed at the start (replay: FC_SEED=<seed> npm test -- test/fuzz).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbFuzzCase } from './_internals/arbFuzzCase.js';
import type { FuzzCase, FuzzResult } from './_internals/FuzzCase.js';
import { FuzzPool } from './_internals/FuzzPool.js';
import { judge } from './_internals/fuzzSession.js';
import { violations } from './_internals/oracle.js';
import { runs } from '../runs.js';

/** Per case; generous because other suites share the two cores. */
const CASE_TIMEOUT_MS = 15_000;

let pool: FuzzPool;
beforeAll(() => {
  pool = new FuzzPool(2, CASE_TIMEOUT_MS);
});
afterAll(() => pool.close());

/** Runs a case and returns what the oracle finds beyond the known bugs, with the case for the report. */
async function unknownViolations(c: FuzzCase): Promise<string[]> {
  const r = await pool.run(c);
  return judge(c, r).failures.map((v) => `${v.kind}: ${v.detail} [kubesim ${c.args.join(' ')}]`);
}

describe('fuzz target', () => {
  it('should end every generated case in-process with exit 0 or 2, one line per problem, no control characters, deterministic (2 × 75 cases)', async () => {
    console.log(`fuzz target: fast-check seed ${fc.readConfigureGlobal().seed} (replay: FC_SEED=<seed> npx vitest run test/fuzz)`);
    await fc.assert(
      fc.asyncProperty(fc.tuple(arbFuzzCase(Number.MAX_SAFE_INTEGER), arbFuzzCase(Number.MAX_SAFE_INTEGER)), async (cases) => {
        const found = await Promise.all(cases.map(unknownViolations));
        expect(found.flat()).toEqual([]);
      }),
      { numRuns: runs(75) },
    );
  }, 240_000);

  it('should hold the same oracle through the real CLI (4 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(arbFuzzCase(1), async (c) => {
        expect(c.viaCli).toBe(true);
        expect(await unknownViolations(c)).toEqual([]);
      }),
      { numRuns: runs(4) },
    );
  }, 120_000);
});

describe('fuzz oracle', () => {
  const c: FuzzCase = { files: [], args: ['validate', 'a.yaml'], viaCli: false, repeat: false, family: 'valid' };
  const result = (r: Partial<FuzzResult>): FuzzResult => ({ code: 0, stdout: '', stderr: '', ms: 1, ...r });
  const kinds = (r: Partial<FuzzResult>, k: FuzzCase = c) => violations(k, result(r)).map((v) => v.kind);

  it.each([
    ['exit 1', { code: 1, stderr: 'kubesim: run failed: x\n' }, ['exit-1']],
    ['a time-out', { code: null, timedOut: true }, ['timeout']],
    ['a stack trace', { code: 2, stderr: 'kubesim: x\n    at f (/a/b.js:1:2)\n' }, ['stack-trace', 'stderr-shape']],
    ['a continuation line on exit 2', { code: 2, stderr: 'kubesim: a\nb\n' }, ['stderr-shape']],
    ['no message on exit 2', { code: 2, stderr: '' }, ['stderr-shape']],
    ['an escape sequence on stdout', { stdout: 'a\u001b[31mb' }, ['control-chars']],
    ['a right-to-left override on stderr', { code: 2, stderr: 'kubesim: a\u202eb\n' }, ['control-chars']],
    ['a 5,000-character error line', { code: 2, stderr: `kubesim: ${'a'.repeat(5000)}\n` }, ['long-line']],
    ['a second run that differs', { stdout: 'a', repeatStdout: 'b', repeatCode: 0 }, ['nondeterministic']],
  ])('should flag %s', (_, r, expected) => {
    expect(kinds(r as Partial<FuzzResult>)).toEqual(expected);
  });

  it('should accept a clean exit 2 with one line per problem, and ordinary output', () => {
    expect(kinds({ code: 2, stderr: 'kubesim: a.yaml:3: spec: expected an object\nkubesim: a.yaml:4: x: unknown field\n' })).toEqual([]);
    expect(kinds({ stdout: 'a.yaml: ok (1 cluster, 0 scripted faults)\n\tindented\n' })).toEqual([]);
  });

  it('should flag --json output that is not JSON, and a declared cluster missing from the summary', () => {
    const run: FuzzCase = { ...c, args: ['run', 'a.json', '--json'], files: [{ name: 'a.json', kind: 'file', content: JSON.stringify({ spec: { clusters: [{ name: '__proto__' }] } }) }] };
    expect(kinds({ stdout: 'table' }, run)).toEqual(['not-json']);
    expect(kinds({ stdout: '{"clusters":{}}' }, run)).toEqual(['lost-name']);
    expect(kinds({ stdout: JSON.stringify(JSON.parse('{"clusters":{"__proto__":{}}}')) }, run)).toEqual([]);
  });

  it('should check a stdout the harness cut short up to its last whole line (explain), and not judge one cut document', () => {
    const explain: FuzzCase = { ...c, args: ['explain', 'a.json', '--json'] };
    expect(kinds({ stdout: '{"t":0}\n{"t":1}\n{"t":2,"cl', stdoutCut: true }, explain)).toEqual([]);
    expect(kinds({ stdout: '{"t":0}\nnot json\n{"t":2,"cl', stdoutCut: true }, explain)).toEqual(['not-json']);
    expect(kinds({ stdout: '{"t":0}\n{"t":2,"cl' }, explain)).toEqual(['not-json']);
    const run: FuzzCase = { ...c, args: ['run', 'a.json', '--json'] };
    expect(kinds({ stdout: '{"clusters":{"pro', stdoutCut: true }, run)).toEqual([]);
  });
});
