/** A reader of stdout or stderr that goes away early changes nothing but the output: exit codes stay. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Runs the CLI with the read ends of its stdout and stderr closed at once (as `kubesim ... 2>&1 | true`), and gives its exit code. */
function exitWithClosedOutput(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    child.stderr.destroy();
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('output readers that go away', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-pipe-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'apiVersion: kubesim/v1\nkind: Scenario\nmetadata: { name: x }\nspec: { bogus: 1 }\n');

  it.each([
    ['a refused scenario, its problems on stderr', ['validate', bad], 2],
    ['a refused scenario, its problems as JSON on stdout', ['validate', '-o', 'json', bad], 2],
    ['a bad flag', ['run', 'scenarios/default.yaml', '--replications', 'x'], 2],
    ['a valid scenario', ['validate', '-o', 'json', 'scenarios/default.yaml'], 0],
    ['a command that prints a lot', ['models'], 0],
  ] as const)('should keep the exit code of %s', async (_why, args, code) => {
    expect(await exitWithClosedOutput(args)).toBe(code);
  });
});
