/** Checks every output path before any work: where it goes must be a writable folder, and no two outputs may be the same. */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { QUOTE_MAX_CHARACTERS, quoteValue } from '../kernel/quoteValue.js';
import { InputError } from './errors.js';

/** An output path that cannot be written (a file where a folder must be, no permission, a system folder): bad input, exit 2. */
export class OutputPathError extends InputError {
  override name = 'OutputPathError';
}

/** Pseudo file systems of the kernel: writing a report there fails late or does harm, so they are refused up front. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** A path as it is shown in an error line: control characters escaped, so that the line stays one line. */
export function showPath(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Refuses, as one line naming `path`, a place where `path` (a file or folder to be created or
 * replaced) cannot be written: its nearest existing ancestor must be a folder (not a file, as in
 * `--out notes.txt/sub`), writable, and outside /proc, /sys and /dev. Missing folders in between
 * are fine: the writer creates them. `access` is injectable so that tests run as root can check
 * the permission branch.
 */
export function checkOutputParent(path: string, access: (p: string) => void = (p) => accessSync(p, constants.W_OK | constants.X_OK)): void {
  checkNameLengths(path, true);
  checkWritableFolder(path, dirname(resolve(path)), access);
}

/** The same for a folder that files are written into (a shard's --out): the folder itself or its nearest existing ancestor. */
export function checkOutputFolder(dir: string, access?: (p: string) => void): void {
  checkNameLengths(dir, false);
  checkWritableFolder(dir, resolve(dir), access ?? ((p) => accessSync(p, constants.W_OK | constants.X_OK)));
}

/** The most bytes a file or folder name may have: NAME_MAX of Linux (ext4, xfs, btrfs, tmpfs) and macOS (APFS). */
export const NAME_MAX_BYTES = 255;

/**
 * What the temporary sibling of a file or folder adds to its name (reportSwap.ts):
 * `.<name>.tmp-<pid>-<12 hex>`, with a pid of up to 7 digits (Linux's largest pid_max, 4194304).
 */
export const SIBLING_EXTRA_BYTES = '.'.length + '.tmp-'.length + 7 + '-'.length + 12;

/**
 * Refuses, as one line naming `path`, a path with a name longer than the file system allows
 * (ENAMETOOLONG, once only after the work): every folder on the way at most NAME_MAX_BYTES of
 * UTF-8, and the last name, when `sibling`, short enough for its temporary sibling too.
 */
export function checkNameLengths(path: string, sibling: boolean): void {
  const names = resolve(path).split(sep).filter((n) => n !== '');
  names.forEach((name, i) => {
    const most = sibling && i === names.length - 1 ? NAME_MAX_BYTES - SIBLING_EXTRA_BYTES : NAME_MAX_BYTES;
    const bytes = Buffer.byteLength(name, 'utf8');
    if (bytes <= most) return;
    const why = most === NAME_MAX_BYTES ? `the file system's limit` : `the file system's ${NAME_MAX_BYTES} less ${SIBLING_EXTRA_BYTES} for the temporary name written beside it`;
    throw new OutputPathError(`${showPath(shortPath(path))}: the name ${quoteValue(name)} is ${bytes} bytes long, above ${most} (${why}): choose a shorter output path`);
  });
}

/** A path as an error line shows it: at most QUOTE_MAX_CHARACTERS characters, the rest cut (as quoteValue cuts values, without its quotes). */
function shortPath(path: string): string {
  const chars = [...path];
  return chars.length <= QUOTE_MAX_CHARACTERS ? path : `${chars.slice(0, QUOTE_MAX_CHARACTERS).join('')}… (${chars.length.toLocaleString('en-US')} characters)`;
}

function checkWritableFolder(shown: string, start: string, access: (p: string) => void): void {
  let at = start;
  for (;;) {
    const kind = kindOf(at);
    if (kind === 'folder') break;
    if (kind !== 'missing') throw new OutputPathError(`${showPath(shown)}: ${showPath(at)} is a file, not a folder: choose another output path`);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const real = realpathSync(at);
  const system = SYSTEM_FOLDERS.find((s) => real === s || real.startsWith(`${s}/`));
  if (system !== undefined) throw new OutputPathError(`${showPath(shown)}: is inside ${system}, a system folder, not a place for files: choose another output path`);
  try {
    access(at);
  } catch {
    throw new OutputPathError(`${showPath(shown)}: cannot write in ${showPath(at)} (permission denied): choose another output path`);
  }
}

/** What is at `path`, following symbolic links: a folder, something else (a file, a device), or nothing. */
function kindOf(path: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: a file further up; the walk finds it and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw e;
  }
}

/** One output and what it is for: the input file whose results go there. */
export interface OutputTarget {
  readonly input: string;
  readonly path: string;
}

/**
 * Refuses two outputs that would be the same folder (two scenarios with the same metadata.name,
 * or the same file twice), also when they differ only in case (one folder on macOS and Windows
 * file systems), naming both inputs and the folder. The first clash is reported.
 */
export function checkDistinctTargets(targets: readonly OutputTarget[]): void {
  const seen = new Map<string, OutputTarget>();
  for (const t of targets) {
    const key = resolve(t.path).normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, t);
      continue;
    }
    const same = resolve(first.path) === resolve(t.path);
    const where = same ? showPath(first.path) : `${showPath(first.path)} and ${showPath(t.path)} (the same folder where case does not count)`;
    throw new OutputPathError(
      `${showPath(first.input)} and ${showPath(t.input)} would both write ${where}: give the scenarios different metadata.name, or run them one at a time`,
    );
  }
}

/** True when replacing `dir` would take away the current folder (`--out .`, `--out ..`, `--out /`). */
export function holdsCurrentFolder(dir: string): boolean {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return false;
  }
  const rel = relative(real, process.cwd());
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}
