/** The checksum of a partial result: SHA-256 over a canonical serialisation of everything in it but the checksum itself. */
import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys sorted and the non-finite numbers written as partial files write
 * them ({"$number":"Infinity"}): two documents that parse to the same values serialise alike, so
 * whitespace, key order or `1.0` for `1` do not change the checksum, and any change of a value does.
 */
export function canonicalJson(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : `{"$number":"${String(v)}"}`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** `sha256:<hex>` over the partial without its `checksum` field: content, job, shard, format and version alike. */
export function partialChecksum(partial: object): string {
  const { checksum: _, ...rest } = partial as { checksum?: unknown };
  return `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
}
