/**
 * The renames that swap a new report folder in, with leftovers named so that a later run can
 * recognise them, finish or undo what a killed run left, and clean up (docs/report-folders.md).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.<name>.tmp-<pid>-<hex>` (being written) and `.<name>.old-<pid>-<hex>` (the previous report, moved aside). */
export type Kind = 'tmp' | 'old';

const SUFFIX = /^(tmp|old)-(\d+)-[0-9a-f]{12}$/;

/** A new leftover-style name beside `target` (also for single files: the lab page). */
export function sibling(target: string, kind: Kind): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** A new, empty temporary sibling of `target`; its mode is 0777 less the umask, as any folder the user makes. */
export async function makeTempFolder(target: string): Promise<string> {
  const tmp = sibling(target, 'tmp');
  await mkdir(tmp, { mode: 0o777 });
  return tmp;
}

/**
 * Moves an existing `target` aside, renames `tmp` in and removes the old one. A failure puts the
 * old one back; a kill between the two renames leaves the old one as `.<name>.old-<pid>-<hex>`,
 * which recoverLeftovers renames back.
 */
export async function swapIn(tmp: string, target: string): Promise<void> {
  const aside = sibling(target, 'old');
  let moved = false;
  try {
    if (await exists(target)) {
      await rename(target, aside);
      moved = true;
    }
    await testPause('swap');
    await rename(tmp, target);
  } catch (error) {
    if (moved) await rename(aside, target).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  if (!moved) return;
  await testPause('cleanup');
  await rm(aside, { recursive: true, force: true });
}

/**
 * Finishes what a killed run left beside `target`: when `target` is missing and a previous report
 * was moved aside by a process that is gone, that report is renamed back (the swap is rolled
 * back); then every leftover of a gone process is removed. Leftovers of a live process (another
 * kubesim writing the same folder right now) are left alone.
 */
export async function recoverLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.`;
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return; // no parent yet: nothing was left
  }
  const dead = entries.flatMap((name) => {
    const m = name.startsWith(prefix) ? SUFFIX.exec(name.slice(prefix.length)) : null;
    return m && !alive(Number(m[2])) ? [{ path: join(parent, name), kind: m[1] as Kind }] : [];
  });
  if (dead.length === 0) return;
  if (!(await exists(target))) {
    const olds = await newestFirst(dead.filter((d) => d.kind === 'old').map((d) => d.path));
    if (olds[0] !== undefined) await rename(olds[0], target);
  }
  for (const d of dead) await rm(d.path, { recursive: true, force: true });
}

async function newestFirst(paths: readonly string[]): Promise<string[]> {
  const withTime = await Promise.all(paths.map(async (p) => ({ p, t: (await lstat(p)).mtimeMs })));
  return withTime.sort((a, b) => b.t - a.t).map((x) => x.p);
}

/** Whether process `pid` still runs (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * For the crash-safety test only: with KUBESIM_TEST_PAUSE=<point>, says so on stderr and waits
 * forever at that point, so that the test can kill the process exactly there.
 */
export async function testPause(point: 'write' | 'swap' | 'cleanup'): Promise<void> {
  if (process.env['KUBESIM_TEST_PAUSE'] !== point) return;
  process.stderr.write(`kubesim: test pause at ${point}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
