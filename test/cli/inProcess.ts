/**
 * Runs the built CLI in a child process that stays up for the whole test file, one command after
 * another (_internals/cliChild.mjs), instead of a fresh `node dist/cli/main.js` per command as
 * kubesim() in cli.ts does: a fresh process spends 0.3-0.5 s starting Node and loading the CLI's
 * modules. Same arguments, folder, stdin and environment; the same CliResult. A command that
 * needs a process of its own (worker threads as a subject, shard runs, signals, a terminal,
 * EPIPE, timing the exit) uses kubesim() (docs/testing.md#two-ways-to-run-the-cli).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { ROOT, type CliResult } from './cli.js';

const CHILD = fileURLToPath(new URL('./_internals/cliChild.mjs', import.meta.url));

interface Pending {
  readonly args: readonly string[];
  resolve(r: CliResult): void;
  reject(e: Error): void;
}

type Reply = { id: number } & (CliResult | { error: string });

let child: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/** The child, started on first use; a child that died is replaced by the next command. */
function started(): ChildProcess {
  if (child) return child;
  const c = spawn(process.execPath, [CHILD], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
  // What a command writes goes to its result; anything else (a Node warning) to the test's stderr.
  c.stdout!.resume();
  c.stderr!.pipe(process.stderr);
  c.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if ('error' in m) p.reject(new Error(`kubesim ${p.args.join(' ')}: the in-process runner failed: ${m.error}`));
    else p.resolve({ code: m.code, stdout: m.stdout, stderr: m.stderr });
  });
  const fail = (why: string) => {
    if (child === c) stopInProcess();
    for (const p of pending.values()) p.reject(new Error(`kubesim ${p.args.join(' ')}: the in-process runner ${why} while it ran`));
    pending.clear();
  };
  c.on('exit', (code, signal) => fail(`exited (${signal ?? code})`));
  c.on('error', (e) => fail(`failed (${e.message})`));
  // The child keeps no process alive: afterAll stops it, or this process's exit.
  c.unref();
  c.channel?.unref();
  process.on('exit', stopInProcess);
  child = c;
  return c;
}

/**
 * kubesim(args, options) run in the file's long-lived child: the same result, without a process
 * start. `env` adds to (or overrides) this process's environment, as NO_COLOR=1 does.
 */
export function kubesimInProcess(args: readonly string[], options: { cwd?: string; input?: string; env?: Readonly<Record<string, string>> } = {}): Promise<CliResult> {
  const c = started();
  const id = nextId++;
  return new Promise<CliResult>((resolve, reject) => {
    pending.set(id, { args, resolve, reject });
    c.send({ id, args, cwd: options.cwd ?? ROOT, input: options.input ?? '', env: { ...process.env, NO_COLOR: '1', ...options.env } });
  });
}

/** Stops the child; the next command starts a new one. */
export function stopInProcess(): void {
  process.off('exit', stopInProcess);
  child?.kill();
  child = undefined;
}

afterAll(stopInProcess);
