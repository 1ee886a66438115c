/**
 * A report write killed at any point (SIGKILL: no cleanup runs) leaves the report folder the old
 * report or the new one once the next run has recovered (reportSwap.ts), and that run removes
 * every leftover. KUBESIM_TEST_PAUSE stops `run` exactly at a point of the write so that the kill
 * lands there; other kills land at random times.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverLeftovers } from '../../src/cli/reportSwap.js';
import { fixture, ROOT } from './cli.js';

const scenario = fixture('three-members.yaml');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const BASE = ['run', scenario, '--replications', '2', '--horizon', '100h', '--jobs', '1'];
const OLD = [...BASE, '--seed', '1'];
const NEW = [...BASE, '--seed', '2'];

const root = mkdtempSync(join(tmpdir(), 'kubesim-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file of a folder, by relative path, with a hash of its content. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs `args` and SIGKILLs it when it reports the pause `at`, or after `afterMs` (never, without `kill`); resolves once it has exited. */
function runAndKill(args: readonly string[], kill?: { at: string } | { afterMs: number }): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const env = { ...process.env, NO_COLOR: '1', ...(kill && 'at' in kill ? { KUBESIM_TEST_PAUSE: kill.at } : {}) };
  const child = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let killed = false;
  const stop = () => {
    killed = child.kill('SIGKILL') || killed;
  };
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    if (kill && 'at' in kill && stderr.includes(`test pause at ${kill.at}`)) stop();
  });
  const timer = kill && 'afterMs' in kill ? setTimeout(stop, kill.afterMs) : undefined;
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed, code, stderr });
    }),
  );
}

// The cases run side by side: each spawns its own runs into its own folder.
describe.concurrent('a report write killed at any point', () => {
  let oldReport: string;
  let oldSnap: string[];
  let newSnap: string[];

  beforeAll(async () => {
    oldReport = join(root, 'old');
    const [a, b] = await Promise.all([runAndKill([...OLD, '--out', oldReport]), runAndKill([...NEW, '--out', join(root, 'new')])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    oldSnap = snapshot(oldReport);
    newSnap = snapshot(join(root, 'new'));
    expect(newSnap).not.toEqual(oldSnap);
  });

  /** A folder holding `r`, a copy of the old report, for the new run to replace. */
  function withOldReport(name: string): { parent: string; target: string } {
    const parent = join(root, name);
    mkdirSync(parent);
    cpSync(oldReport, join(parent, 'r'), { recursive: true });
    return { parent, target: join(parent, 'r') };
  }

  const leftovers = (parent: string, kind: string) => readdirSync(parent).filter((n) => n.startsWith(`.r.${kind}-`));

  it('should keep the old report when killed while writing the new one', async () => {
    const { parent, target } = withOldReport('at-write');
    expect((await runAndKill([...NEW, '--out', target], { at: 'write' })).killed).toBe(true);
    expect(snapshot(target)).toEqual(oldSnap);
    expect(leftovers(parent, 'tmp')).toHaveLength(1);
    await recoverLeftovers(target);
    expect(readdirSync(parent)).toEqual(['r']);
    expect(snapshot(target)).toEqual(oldSnap);
  });

  it('should roll back a kill between the two renames, and a rerun should write the new report and clean up', async () => {
    const { parent, target } = withOldReport('at-swap');
    expect((await runAndKill([...NEW, '--out', target], { at: 'swap' })).killed).toBe(true);
    // The half-done swap: the old report aside, the new one not yet in.
    expect(readdirSync(parent)).not.toContain('r');
    expect(leftovers(parent, 'old')).toHaveLength(1);
    // Recovery alone (what every run does first) puts the old one back...
    const copy = join(root, 'at-swap-copy');
    cpSync(parent, copy, { recursive: true });
    await recoverLeftovers(join(copy, 'r'));
    expect(readdirSync(copy)).toEqual(['r']);
    expect(snapshot(join(copy, 'r'))).toEqual(oldSnap);
    // ...and a rerun through the CLI ends with the new one and no leftovers.
    const rerun = await runAndKill([...NEW, '--out', target]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['r']);
    expect(snapshot(target)).toEqual(newSnap);
  });

  it('should have the new report when killed while removing the old one', async () => {
    const { parent, target } = withOldReport('at-cleanup');
    expect((await runAndKill([...NEW, '--out', target], { at: 'cleanup' })).killed).toBe(true);
    expect(snapshot(target)).toEqual(newSnap);
    expect(leftovers(parent, 'old')).toHaveLength(1);
    await recoverLeftovers(target);
    expect(readdirSync(parent)).toEqual(['r']);
    expect(snapshot(target)).toEqual(newSnap);
  });

  it('should leave the old or the new report when killed at a random time', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3000 }), async (afterMs) => {
        const { parent, target } = withOldReport(`random-${n++}`);
        await runAndKill([...NEW, '--out', target], { afterMs });
        await recoverLeftovers(target);
        expect(readdirSync(parent)).toEqual(['r']);
        expect([oldSnap, newSnap]).toContainEqual(snapshot(target));
      }),
      { numRuns: 2 },
    );
  });
});
