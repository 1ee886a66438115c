/** Reading and writing shards' partial result files (JSON), and finding them in folders. */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { writeFileAtomically } from './atomicFile.js';
import { join } from 'node:path';
import { PARTIAL_FORMAT, checkPartial, partialChecksum, printable, type NamedPartial, type PartialResult } from '../experiment/partial/index.js';
import { MAX_SHARDS, type Shard } from '../experiment/shard.js';
import { InputError } from './errors.js';
import { checkNameLengths, OutputPathError, showPath } from './outputPaths.js';

/** `etcd-sizing.shard-2-of-4.json`: what a shard writes into its --out folder. */
export function partialFileName(name: string, shard: Shard): string {
  return `${name}.shard-${shard.index}-of-${shard.count}.json`;
}

const PARTIAL_FILE = /\.shard-\d+-of-\d+\.json$/;

/**
 * The partial as JSON with every number exact: JSON round-trips finite doubles, and the few
 * non-finite ones (a replication without outages has an infinite shortest outage) are written as
 * { "$number": "Infinity" } so that a merge sees exactly what the shard computed.
 */
export function partialJson(partial: PartialResult): string {
  return JSON.stringify(partial, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v));
}

/** The inverse of partialJson. */
export function parsePartialJson(text: string): unknown {
  return JSON.parse(text, revive);
}

function revive(_: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const n = (v as { $number?: unknown }).$number;
    if (keys.length === 1 && (n === 'Infinity' || n === '-Infinity' || n === 'NaN')) return Number(n);
  }
  return v;
}

/** How every partial file kubesim writes begins (partialJson: `format` is the first field), whatever its version. */
const PARTIAL_OPENING = '{"format":"kubesim/partial-';

/**
 * Refuses, as one line naming --out and the file, a shard's partial file path that holds
 * something other than a partial result written by kubesim: a folder, a link, a device, or a file
 * of the user's. A kubesim partial file there (an earlier run of this shard, even a damaged one
 * that merge asked to run again) and an empty file are replaced: re-running a shard is how a lost
 * or damaged shard is redone (docs/sharding.md).
 */
export function checkPartialTarget(file: string, out?: string): void {
  checkNameLengths(file, true);
  let stat;
  try {
    stat = lstatSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return; // absent (or under a missing folder): it will be created
    throw e;
  }
  const flag = out === undefined ? '' : `--out ${showPath(out)}: `;
  const refuse = (what: string) => new OutputPathError(`${flag}${showPath(file)} ${what}: refusing to replace it; choose another --out`);
  if (stat.isDirectory()) throw refuse('is a folder, not a partial result file');
  if (!stat.isFile()) throw refuse('is not a regular file');
  if (stat.size > 0 && !opening(file, PARTIAL_OPENING.length).startsWith(PARTIAL_OPENING)) throw refuse('exists and is not a partial result written by kubesim');
}

/** The first `bytes` bytes of a file, as text. */
function opening(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Writes the file whole or not at all (atomicFile.ts), after checking again that what is there may be replaced. */
export async function writePartialFile(path: string, partial: PartialResult, out?: string): Promise<void> {
  checkPartialTarget(path, out);
  await writeFileAtomically(path, `${partialJson(partial)}\n`);
}

/**
 * The largest partial file merge reads: 256 MiB. A shard's file holds its digests (a few hundred
 * bytes per signal and replication) and at most one recorded replication per scenario; a file
 * past this is not one kubesim wrote, and reading it whole would take gigabytes.
 */
export const MAX_PARTIAL_BYTES = 256 * 1024 * 1024;

/**
 * The partial files named on the command line; a folder stands for the *.shard-i-of-n.json files
 * in it. Every file is checked before any is read: at most MAX_SHARDS of them, each named once, a
 * regular file of at most MAX_PARTIAL_BYTES.
 */
export function readPartials(args: readonly string[]): NamedPartial[] {
  const files = args.flatMap((arg) => {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new InputError(`merge: ${arg}: no such file or folder`);
    }
    if (!isDir) return [arg];
    const found = readdirSync(arg).filter((f) => PARTIAL_FILE.test(f)).sort().map((f) => join(arg, f));
    if (found.length === 0) throw new InputError(`merge: ${arg}: the folder holds no partial results (*.shard-<i>-of-<n>.json)`);
    return found;
  });
  if (files.length > MAX_SHARDS) throw new InputError(`merge: ${files.length} partial files given, at most ${MAX_SHARDS} (the most shards a run may have)`);
  const seen = new Map<string, string>();
  for (const file of files) {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(`merge: ${file}: not a regular file`);
    if (stat.size > MAX_PARTIAL_BYTES) throw new InputError(`merge: ${file}: ${stat.size} bytes, above the limit of ${MAX_PARTIAL_BYTES} bytes (256 MiB) for a partial result`);
    const key = `${stat.dev}:${stat.ino}`;
    const other = seen.get(key);
    if (other !== undefined) throw new InputError(other === file ? `merge: ${file} is named twice` : `merge: ${file} and ${other} are the same file`);
    seen.set(key, file);
  }
  return files.map((name) => ({ name, partial: readPartialText(readFileSync(name, 'utf8'), name) }));
}

/**
 * A partial file's text as a checked PartialResult, or an InputError naming the file and the
 * first problem: not JSON, another format version, a field of the wrong type or range (with its
 * JSON path), or a checksum that does not match (an edited or damaged file).
 */
export function readPartialText(text: string, file: string): PartialResult {
  let doc: unknown;
  try {
    doc = parsePartialJson(text);
  } catch (e) {
    // A file that starts as partial files start but does not parse was cut short (a full disk, a killed copy).
    if (e instanceof SyntaxError && text.startsWith('{"format":"kubesim/partial-')) throw new InputError(`merge: ${file}: invalid JSON (truncated?): run the shard again`);
    throw new InputError(`merge: ${file}: not a kubesim partial result (${e instanceof SyntaxError ? 'invalid JSON' : e instanceof Error ? e.message : String(e)})`);
  }
  const format: unknown = doc !== null && typeof doc === 'object' ? (doc as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format.startsWith('kubesim/partial-') && format !== PARTIAL_FORMAT) {
    throw new InputError(`merge: ${file}: is in format ${printable(format)}, but this kubesim reads ${PARTIAL_FORMAT}: run the shards again with this version`);
  }
  if (format !== PARTIAL_FORMAT) {
    throw new InputError(`merge: ${file}: not a kubesim partial result (expected "format": "${PARTIAL_FORMAT}", as written by --shard)`);
  }
  const problem = checkPartial(doc);
  if (problem !== undefined) throw new InputError(`merge: ${file}: ${problem}`);
  const partial = doc as PartialResult;
  if (partialChecksum(partial) !== partial.checksum) throw new InputError(`merge: ${file}: checksum does not match its content (edited or truncated?): run the shard again`);
  return partial;
}
