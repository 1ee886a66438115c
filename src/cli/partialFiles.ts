/** Reading and writing shards' partial result files (JSON), and finding them in folders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PARTIAL_FORMAT, type NamedPartial, type PartialResult } from '../experiment/partial/index.js';
import type { Shard } from '../experiment/shard.js';
import { InputError } from './errors.js';

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

/** Writes the file whole or not at all: a temporary sibling, then a rename. */
export async function writePartialFile(path: string, partial: PartialResult): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, `${partialJson(partial)}\n`);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The partial files named on the command line; a folder stands for the *.shard-i-of-n.json files in it. */
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
  return files.map((name) => ({ name, partial: readPartial(name) }));
}

function readPartial(file: string): PartialResult {
  let doc: unknown;
  try {
    doc = parsePartialJson(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`merge: ${file}: not a kubesim partial result (${e instanceof SyntaxError ? 'invalid JSON' : e instanceof Error ? e.message : String(e)})`);
  }
  const p = doc as Partial<PartialResult> | null;
  const format: unknown = p !== null && typeof p === 'object' ? p.format : undefined;
  if (typeof format === 'string' && format.startsWith('kubesim/partial-') && format !== PARTIAL_FORMAT) {
    throw new InputError(`merge: ${file}: is in format ${format}, but this kubesim reads ${PARTIAL_FORMAT}: run the shards again with this version`);
  }
  if (p === null || typeof p !== 'object' || p.format !== PARTIAL_FORMAT || !p.job || !p.shard || !Array.isArray(p.digests) || !Array.isArray(p.traces) || !Array.isArray(p.episodes)) {
    throw new InputError(`merge: ${file}: not a kubesim partial result (expected "format": "${PARTIAL_FORMAT}", as written by --shard)`);
  }
  const problem = precisionProblem((p.job as { precision?: unknown }).precision);
  if (problem) throw new InputError(`merge: ${file}: job.precision${problem}`);
  return p as PartialResult;
}

/**
 * What is wrong with an adaptive job's target, as `.<field>: expected ..., found ...` (or `: ...`
 * for the whole); undefined when it is absent or what --precision and its caps would have given.
 */
function precisionProblem(x: unknown): string | undefined {
  if (x === undefined) return undefined;
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return `: expected an object, found ${JSON.stringify(x)}`;
  const t = x as Record<string, unknown>;
  const found = (v: unknown) => `found ${JSON.stringify(v) ?? 'nothing'}`;
  if (typeof t['relative'] !== 'number' || !(t['relative'] > 0 && t['relative'] < 1)) return `.relative: expected a number above 0 and below 1, ${found(t['relative'])}`;
  for (const cap of ['maxReplications', 'maxEpisodes']) {
    const v = t[cap];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return `.${cap}: expected a whole number at least 1, ${found(v)}`;
  }
  const signals = t['signals'];
  if (!Array.isArray(signals) || signals.length === 0 || !signals.every((n) => typeof n === 'string' && n !== '')) return `.signals: expected a list of signal names, ${found(signals)}`;
  if (t['rareEvents'] !== undefined && typeof t['rareEvents'] !== 'boolean') return `.rareEvents: expected true or false, ${found(t['rareEvents'])}`;
  return undefined;
}
