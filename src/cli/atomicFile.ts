/** Writes one output file whole or not at all: through a temporary sibling, then a rename (or a link, which never replaces). */
import { chmod, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { OutputPathError, showPath } from './outputPaths.js';
import { recoverLeftovers, sibling } from './reportSwap.js';

export interface AtomicWriteOptions {
  /** Whether an existing file is replaced (default true). */
  readonly replace?: boolean;
  /** Permission bits for the new file (e.g. the replaced file's own); the umask's otherwise. */
  readonly mode?: number;
  /** The flag named when a file that must not be replaced exists (default --out). */
  readonly flag?: string;
}

/**
 * Writes `text` to `file` so that a kill leaves the old file (or none) or the new one, never half
 * of it; the temporary files of killed runs are removed first (reportSwap.ts). With `replace`
 * false, the temporary file is hard-linked into place, which fails if `file` appeared meanwhile:
 * a file created between the caller's check and the write is still never replaced.
 */
export async function writeFileAtomically(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  await recoverLeftovers(target);
  const tmp = sibling(target, 'tmp');
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    if (options.mode !== undefined) await chmod(tmp, options.mode);
    if (options.replace !== false) {
      await rename(tmp, target);
      return;
    }
    try {
      await link(tmp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputPathError(`${options.flag ?? '--out'} ${showPath(file)}: exists: refusing to replace it (--force replaces it)`);
      throw e;
    }
  } finally {
    await rm(tmp, { force: true });
  }
}
