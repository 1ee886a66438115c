/** `-o json|yaml|wide|table` (kubectl's habit) and `--json`, its alias: the check before any work, YAML holding the JSON's data, validate's machine-readable verdict. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { documentText, outputFormat } from '../../src/cli/outputFormat.js';
import { buildProgram } from '../../src/cli/program.js';
import { formatProblem } from '../../src/scenario/index.js';
import { ERROR_CASES } from '../scenario/errorCases.js';
import { withSpec } from '../scenario/fixtures.js';
import { kubesimInProcess } from './inProcess.js';

/** The commands that take -o, each with arguments enough to reach its action. */
const COMMANDS: readonly (readonly string[])[] = [
  ['run', 'x.yaml'],
  ['compare', 'x.yaml', 'y.yaml'],
  ['sweep', 'x.yaml'],
  ['merge', 'x.json'],
  ['validate', 'x.yaml'],
  ['analytic', 'x.yaml'],
  ['models'],
];

/** Parses the arguments through the real program; the -o check runs before the action, so a bad -o never reaches it. */
async function parseOnly(args: readonly string[]): Promise<unknown> {
  const program = buildProgram();
  for (const c of program.commands) c.action(() => {});
  try {
    await program.parseAsync(['node', 'kubesim', ...args]);
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('outputFormat', () => {
  it('should default to table, read --json as json, and refuse an unknown format with a suggestion', () => {
    expect(outputFormat({})).toBe('table');
    expect(outputFormat({ json: true })).toBe('json');
    expect(outputFormat({ output: 'wide' })).toBe('wide');
    expect(() => outputFormat({ output: 'jsn' })).toThrow(`-o: expected table, wide, json or yaml, found "jsn"; did you mean 'json'?`);
  });

  it('should turn a JSON document into YAML holding the same data, nulls and strings that look like other types included', () => {
    // Arrange
    const doc = { a: null, b: 'yes', c: '0.1', d: [1.5e-7, 0.9999], e: { f: 'line: with colon', g: '' } };
    // Act
    const yaml = documentText(JSON.stringify(doc), { output: 'yaml' });
    // Assert
    expect(parseYaml(yaml)).toEqual(doc);
  });
});

describe('-o on every command that has it, parsed through the program', () => {
  it.each(COMMANDS)('should refuse %s -o jsn before the command runs, with a suggestion', async (...args) => {
    const e = await parseOnly([...args, '-o', 'jsn']);
    expect(String(e)).toContain(`-o: expected table, wide, json or yaml, found "jsn"; did you mean 'json'?`);
  });

  it.each(COMMANDS)('should refuse %s --json beside -o yaml rather than pick one', async (...args) => {
    const e = await parseOnly([...args, '--json', '-o', 'yaml']);
    expect(String(e)).toContain('--json: it means -o json, not -o yaml');
  });

  it.each(COMMANDS)('should accept %s -o with each format, and --json alone', async (...args) => {
    for (const extra of [['-o', 'table'], ['-o', 'wide'], ['-o', 'json'], ['--output', 'yaml'], ['--json']]) {
      expect(await parseOnly([...args, ...extra])).toBeUndefined();
    }
  });
});

describe('-o through the CLI', () => {
  it('should refuse an unknown format in one line with exit 2, before reading any file', async () => {
    const r = await kubesimInProcess(['run', 'no-such.yaml', '-o', 'yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: -o: expected table, wide, json or yaml, found "yml"; did you mean 'yaml'?\n`);
  });

  it('should print the same summary as YAML (-o yaml, scenario on stdin) as JSON (--json, scenario file)', async () => {
    // Arrange
    const args = ['--replications', '2', '--horizon', '1d', '--no-report', '--jobs', '1'];
    // Act
    const json = await kubesimInProcess(['run', 'scenarios/single-server.yaml', ...args, '--json']);
    const yaml = await kubesimInProcess(['run', '-', ...args, '-o', 'yaml'], { input: readFileSync('scenarios/single-server.yaml', 'utf8') });
    // Assert
    expect(json.code, json.stderr).toBe(0);
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('should add columns to run with -o wide', async () => {
    const r = await kubesimInProcess(['run', 'scenarios/single-server.yaml', '--replications', '2', '--horizon', '1d', '--no-report', '--jobs', '1', '-o', 'wide']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Signal .*p99 outage {2}Longest outage {2}Outages seen {2}Method$/m);
  });

  it('should add columns to compare and analytic with -o wide', async () => {
    const short = ['--replications', '2', '--horizon', '1d', '--jobs', '1'];
    const compare = await kubesimInProcess(['compare', 'scenarios/single-server.yaml', 'scenarios/multi-master.yaml', ...short, '--no-report', '-o', 'wide']);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/^scenario .* nines {2}replications {2}downtime \/ yr {2}outages \/ yr {2}hosts {2}cost \/ month/m);
    const analytic = await kubesimInProcess(['analytic', 'scenarios/single-server.yaml', ...short, '-o', 'wide']);
    expect(analytic.code, analytic.stderr).toBe(0);
    expect(analytic.stdout).toMatch(/^ {2}signal .* method {2}trust +outages \/ yr$/m);
  });
});

describe('kubesim validate -o json', () => {
  it('should give every problem of every file with file, line, path and message, the same problems the text lines give, and exit 2', async () => {
    // Arrange: one file per kind of problem, and one valid file.
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-validate-json-'));
    const files = ERROR_CASES.map((c, k) => {
      const f = join(dir, `x${k}.yaml`);
      writeFileSync(f, withSpec(c.spec));
      return f;
    });
    // Act
    const r = await kubesimInProcess(['validate', '-o', 'json', 'scenarios/default.yaml', ...files]);
    // Assert
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { valid: boolean; files: { file: string; valid: boolean }[]; problems: { file: string; line: number | null; path: string; message: string }[] };
    expect(doc.valid).toBe(false);
    expect(doc.files.map((f) => [f.file, f.valid])).toEqual([['scenarios/default.yaml', true], ...files.map((f) => [f, false])]);
    const lines = doc.problems.map((p) => formatProblem({ file: p.file, path: p.path, message: p.message, ...(p.line === null ? {} : { line: p.line }) }));
    expect(lines).toEqual(ERROR_CASES.flatMap((c, k) => c.expected.map((line) => line.replace(/^x\.yaml/, join(dir, `x${k}.yaml`)))));
  });

  it('should say valid with exit 0, as YAML too, and read - from stdin', async () => {
    const r = await kubesimInProcess(['validate', '-o', 'yaml', '-'], { input: readFileSync('scenarios/default.yaml', 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    const doc = parseYaml(r.stdout) as { valid: boolean; files: { file: string; clusters: number; faults: number }[]; problems: unknown[] };
    expect(doc).toMatchObject({ valid: true, files: [{ file: '<stdin>', valid: true, clusters: 1, faults: 4 }], problems: [] });
  });

  it('should add replications, horizon and seed with -o wide', async () => {
    const r = await kubesimInProcess(['validate', '-o', 'wide', 'scenarios/default.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/default\.yaml: ok \(1 cluster, 4 scripted faults, 50 replications of 1y, seed 42\)$/m);
  });
});
