/**
 * The zsh and fish completion scripts run in real shells: zsh parses its script, and fish
 * completes commands, flags and -o values with its own. CI installs zsh and fish (.ci/run); on a
 * machine without them these tests say so and fail rather than pass unseen.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../src/cli/completion.js';
import { buildProgram } from '../../src/cli/program.js';

const program = buildProgram();
const zsh = completionScript(program, 'zsh');
const fish = completionScript(program, 'fish');
/** The fish script as a file: fish sources and checks files. */
const fishFile = join(mkdtempSync(join(tmpdir(), 'kubesim-fish-')), 'kubesim.fish');
writeFileSync(fishFile, fish);

function shell(command: string, args: readonly string[], input?: string) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (r.error) throw new Error(`${command} is not installed (apt-get install -y zsh fish; .ci/run does): ${r.error.message}`);
  return r;
}

/** What fish completes `line` to: the candidates, without their descriptions. */
function fishCompletes(line: string): string[] {
  const r = shell('fish', ['--no-config', '-c', `source ${fishFile}; complete -C ${JSON.stringify(line)}`]);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]!);
}

describe('completion scripts in zsh and fish', () => {
  it('should write a zsh script that zsh -n accepts, whose descriptions keep their sense', () => {
    const r = shell('zsh', ['-n'], zsh);
    expect(r.status, r.stderr).toBe(0);
    // A colon would end the description: it reads " - " instead.
    expect(zsh).toContain(`'lab:the quorum lab - an interactive page`);
  });

  it('should write a fish script that fish parses', () => {
    const r = shell('fish', ['--no-config', '--no-execute', fishFile]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('should complete commands, long flags and -o values in fish', () => {
    expect(fishCompletes('kubesim ru')).toEqual(['run']);
    expect(fishCompletes('kubesim run --rep')).toEqual(['--replications']);
    expect(fishCompletes('kubesim run -o ')).toEqual(expect.arrayContaining(['json', 'yaml', 'wide', 'table']));
    expect(fishCompletes('kubesim completion ')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });
});
