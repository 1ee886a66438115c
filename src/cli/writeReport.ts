/** Writes a report folder all at once: a complete new folder replaces the old one, or nothing changes. */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

/** The file that marks a folder as a kubesim report, so that only reports are ever replaced. */
export const REPORT_MARKER = '.kubesim-report';

/** A folder that exists but is not ours to replace (a file, or a non-empty folder without the marker): bad input, exit 2. */
export class ReportDirError extends InputError {
  override name = 'ReportDirError';
}

/** Report files are written unless --no-report says not to, or --json asks for stdout alone (no --out). */
export function wantsReport(flags: { readonly report?: boolean; readonly json?: boolean; readonly out?: string }): boolean {
  return flags.report !== false && (!flags.json || flags.out !== undefined);
}

/**
 * Refuses, before anything runs, a report folder that writeReportDir would refuse at the end, so
 * that a mistyped --out costs no simulation time. writeReportDir checks again when it writes.
 */
export async function checkReportDir(dir: string): Promise<void> {
  await checkReplaceable(resolve(dir));
}

/**
 * Writes `files` (relative paths, `/`-separated, subfolders allowed) into `dir`. They go into a
 * temporary sibling folder first (same file system, so the renames are atomic); then an existing
 * `dir` is renamed aside, the new one renamed in and the old one removed. On any failure the
 * temporary folder is removed and the old `dir`, if any, is back in place. A non-empty folder is
 * replaced only when it holds REPORT_MARKER (which this function writes), so that `--out ~` can
 * never delete a home folder.
 */
export async function writeReportDir(dir: string, files: Readonly<Record<string, string | Buffer>>): Promise<void> {
  const target = resolve(dir);
  const names = Object.keys(files).map((name) => checkName(name));
  await checkReplaceable(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const name of names) {
      const path = join(tmp, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]!);
    }
    await writeFile(join(tmp, REPORT_MARKER), 'Written by kubesim. The next report written here replaces this whole folder.\n');
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await swapIn(tmp, target);
}

async function swapIn(tmp: string, target: string): Promise<void> {
  const aside = join(dirname(target), `.${basename(target)}.old-${randomBytes(6).toString('hex')}`);
  let moved = false;
  try {
    if (await exists(target)) {
      await rename(target, aside);
      moved = true;
    }
    await rename(tmp, target);
  } catch (error) {
    if (moved) await rename(aside, target).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  if (moved) await rm(aside, { recursive: true, force: true });
}

async function checkReplaceable(target: string): Promise<void> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!stat.isDirectory()) throw new ReportDirError(`${target} exists and is not a folder: choose another --out`);
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(REPORT_MARKER)) {
    throw new ReportDirError(`${target} is not empty and holds no kubesim report (no ${REPORT_MARKER}): refusing to replace it`);
  }
}

/** A relative path that stays inside the folder; anything else is a programming error. */
function checkName(name: string): string {
  const norm = normalize(name);
  if (name === '' || isAbsolute(name) || norm === '..' || norm.startsWith(`..${sep}`) || name.includes('\0') || norm === '.' || norm === REPORT_MARKER) {
    throw new Error(`writeReportDir: file name ${JSON.stringify(name)} must be a relative path inside the report folder`);
  }
  return norm;
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
