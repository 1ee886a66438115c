/** Writes a report folder all at once: a complete new folder replaces the old one, or nothing changes. */
import { lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { InputError } from './errors.js';
import { checkOutputParent, holdsCurrentFolder, showPath } from './outputPaths.js';
import { makeTempFolder, recoverLeftovers, swapIn, testPause } from './reportSwap.js';

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
 * that a mistyped --out costs no simulation time; and finishes or cleans what a killed run left
 * beside it (reportSwap.ts). writeReportDir checks again when it writes.
 */
export async function checkReportDir(dir: string): Promise<void> {
  const target = resolve(dir);
  checkOutputParent(dir);
  await recoverLeftovers(target);
  await checkReplaceable(target);
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
  await checkReportDir(dir);
  await mkdir(dirname(target), { recursive: true });
  const tmp = await makeTempFolder(target);
  try {
    for (const [i, name] of names.entries()) {
      const path = join(tmp, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]!);
      if (i === 0) await testPause('write');
    }
    // The marker goes last: a folder holding it is complete.
    await writeFile(join(tmp, REPORT_MARKER), 'Written by kubesim. The next report written here replaces this whole folder.\n');
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await swapIn(tmp, target);
}

async function checkReplaceable(target: string): Promise<void> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!stat.isDirectory()) throw new ReportDirError(`${showPath(target)} exists and is not a folder: choose another --out`);
  if (holdsCurrentFolder(target)) {
    throw new ReportDirError(`${showPath(target)} is the current folder or holds it: refusing to replace it; give a new subfolder, e.g. --out ${showPath(join(target, 'report'))}`);
  }
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(REPORT_MARKER)) {
    throw new ReportDirError(`${showPath(target)} is not a kubesim report folder (not empty, no ${REPORT_MARKER}): refusing to replace it`);
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

