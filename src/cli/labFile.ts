/** Where `kubesim lab` writes its page: checked before any work, written whole, and never over a file that is not a lab page. */
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomicFile.js';
import { checkOutputParent, OutputPathError, showPath } from './outputPaths.js';

/** What the head of every lab page holds (src/lab/labPage.ts): how an existing file is recognised as one. */
const LAB_SIGNS = ['<meta name="generator" content="kubesim">', '<title>Quorum lab'];

/**
 * Refuses, as one line, a --out that is a folder, a file that is not a lab page written by
 * kubesim (an empty file is fine), or a place that cannot be written (outputPaths.ts).
 */
export function checkLabFile(file: string): void {
  checkOutputParent(file);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return; // absent: it will be created
  }
  if (stat.isDirectory()) throw new OutputPathError(`lab --out ${showPath(file)}: is a folder; give a file name, e.g. --out ${showPath(join(file, 'index.html'))}`);
  if (!stat.isFile()) throw new OutputPathError(`lab --out ${showPath(file)}: is not a regular file: refusing to replace it`);
  if (stat.size > 0 && !LAB_SIGNS.every((s) => head(file).includes(s))) {
    throw new OutputPathError(`lab --out ${showPath(file)}: exists and is not a quorum lab page written by kubesim: refusing to replace it`);
  }
}

/** The first 4 KiB of a file: enough for a page's <head>. */
function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Writes the page whole or not at all (atomicFile.ts): a kill leaves the old page or the new one. */
export async function writeLabFile(file: string, html: string): Promise<void> {
  await writeFileAtomically(file, html);
}
