/** Every command's --help ends with Examples that parse, and `kubesim completion` scripts made from the same program. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionScript, SHELLS } from '../../src/cli/completion.js';
import { HELP_EXAMPLES } from '../../src/cli/helpExamples.js';
import { buildProgram } from '../../src/cli/program.js';
import { kubesimInProcess } from './inProcess.js';

/** The help a command prints, Examples included (they are printed after helpInformation()). */
function helpOf(command: Command): string {
  let out = '';
  command.configureOutput({ writeOut: (s) => (out += s) });
  command.outputHelp();
  return out;
}

/** Parses `kubesim <args>` through the real program with every action replaced: the flags are checked, nothing runs. */
async function parseOnly(args: readonly string[]): Promise<unknown> {
  const program = buildProgram();
  for (const c of [program, ...program.commands]) c.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const c of program.commands) c.action(() => {});
  try {
    await program.parseAsync(['node', 'kubesim', ...args]);
    return undefined;
  } catch (e) {
    // `kubesim run --help` is an example too: help shown is a parse that went through.
    return (e as { code?: string }).code === 'commander.helpDisplayed' ? undefined : e;
  }
}

describe('Examples in --help', () => {
  const program = buildProgram();

  it.each(['', ...program.commands.map((c) => c.name())])('should end the help of %j with an Examples section', (name) => {
    const command = name === '' ? program : program.commands.find((c) => c.name() === name)!;
    expect(helpOf(command)).toMatch(/\nExamples:\n( {2}# .+\n {2}.*kubesim .+\n)+$/);
  });

  const examples = Object.entries(HELP_EXAMPLES).flatMap(([command, list]) => list.map((e) => [command, e.args] as const));
  it.each(examples)('should parse the example of %j "kubesim %s" through the program: its command and flags exist', async (_command, args) => {
    expect(await parseOnly(args.split(' '))).toBeUndefined();
  });

  it('should refuse an example with a flag that does not exist (the check above can fail)', async () => {
    expect(String(await parseOnly(['run', 'x.yaml', '--replicas', '3']))).toMatch(/unknown option '--replicas'/);
  });

  it('should print the Examples through the CLI', async () => {
    const r = await kubesimInProcess(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}# .*\n {2}kubesim validate scenarios\/default\.yaml/);
  });
});

describe('kubesim completion', () => {
  const program = buildProgram();
  const names = program.commands.map((c) => c.name());
  const bash = completionScript(program, 'bash');

  /** What the bash script completes `kubesim <words>` to (the last word is the one being completed), in a folder. */
  function complete(words: readonly string[], cwd: string = process.cwd()): string[] {
    const line = ['kubesim', ...words];
    const script = `${bash}\nCOMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _kubesim; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '-c', script], { cwd, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter((l) => l !== '').sort();
  }

  it('should write a bash script that bash -n accepts and that names every command', () => {
    const r = spawnSync('bash', ['-n'], { input: bash, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const n of names) expect(bash).toMatch(new RegExp(`^ {4}${n}\\)$`, 'm'));
  });

  it('should complete commands, flags, -o values and scenario files in bash', () => {
    // Arrange: a folder with a scenario, a JSON file, a text file and a subfolder.
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-completion-'));
    for (const f of ['a.yaml', 'b.json', 'notes.txt']) writeFileSync(join(dir, f), '');
    mkdirSync(join(dir, 'more'));
    // Act and assert
    expect(complete(['va'])).toEqual(['validate']);
    expect(complete(['run', '--rep'])).toEqual(['--replications']);
    expect(complete(['run', '-o', ''])).toEqual(['json', 'table', 'wide', 'yaml']);
    expect(complete(['analytic', '--route', ''])).toEqual(['auto', 'ctmc', 'enumeration']);
    expect(complete(['completion', ''])).toEqual([...SHELLS].sort());
    expect(complete(['run', ''], dir)).toEqual(['a.yaml', 'b.json', 'more']);
    expect(complete(['fit', ''], dir)).toEqual(['b.json', 'more']);
  });

  it.each(['zsh', 'fish'] as const)('should name every command and every long flag in the %s script', (shell) => {
    const script = completionScript(program, shell);
    for (const c of program.commands) {
      expect(script).toContain(c.name());
      for (const o of c.options) expect(script, `${c.name()} ${o.long}`).toContain(shell === 'fish' ? `-l ${o.long!.slice(2)}` : o.long!);
    }
  });

  it('should print the script through the CLI, and refuse an unknown shell with a suggestion', async () => {
    const ok = await kubesimInProcess(['completion', 'bash']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(bash);
    const bad = await kubesimInProcess(['completion', 'bsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`kubesim: completion: expected bash, zsh or fish, found "bsh"; did you mean 'bash'?\n`);
  });
});
