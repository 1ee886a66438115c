/**
 * Records keyed by user-chosen names (clusters, tenants, datacenters): any string is a key,
 * `__proto__`, `constructor` and `toString` included.
 *
 * Why: a plain `{}` inherits Object.prototype, so `out['__proto__'] = x` sets its prototype
 * instead of adding a key (the entry vanishes from JSON), and `out['constructor']` finds a
 * function before any entry is written. A record with no prototype has neither problem, and
 * JSON.stringify writes it exactly as a plain object (same keys, same order).
 */

/** An empty record with no prototype: every name, `__proto__` included, is an own key once written. */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record with no prototype, from entries in order (a later entry with the same name wins). */
export function nameRecordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = nameRecord<T>();
  for (const [name, value] of entries) out[name] = value;
  return out;
}

/**
 * The entry of `name`, only if the record holds it as its own key: `constructor` on a record read
 * back from JSON (which has Object.prototype) is undefined, not Object.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}
