/** Records keyed by user names: every string is a key, and only own keys are found. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameRecord, nameRecordOf, ownEntry } from '../../src/scenario/nameRecord.js';
import { BUILTIN_NAMES } from '../experiment/renamedNames.js';

describe('nameRecord', () => {
  it('should hold __proto__ as a key that JSON writes, where a plain object loses it', () => {
    const plain: Record<string, number> = {};
    plain['__proto__'] = 1;
    expect(JSON.stringify(plain)).toBe('{}');
    const record = nameRecord<number>();
    record['__proto__'] = 1;
    record['prod'] = 2;
    expect(JSON.stringify(record)).toBe('{"__proto__":1,"prod":2}');
  });

  it('should find nothing that was not written, built-ins included', () => {
    const record = nameRecordOf([['prod', 1]]);
    for (const name of BUILTIN_NAMES) expect(record[name], name).toBeUndefined();
  });

  it('should write the same JSON as a plain object for any names, in order (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.constantFrom(...BUILTIN_NAMES), fc.string()), { maxLength: 8 }), (names) => {
        const entries = names.map((n, i) => [n, i] as const);
        // A plain object written key by key with defineProperty (which no __proto__ setter intercepts).
        const plain = {};
        for (const [n, i] of entries) Object.defineProperty(plain, n, { value: i, enumerable: true });
        expect(JSON.stringify(nameRecordOf(entries))).toBe(JSON.stringify(plain));
        expect(Object.keys(JSON.parse(JSON.stringify(nameRecordOf(entries)))).sort()).toEqual([...names].sort());
      }),
    );
  });
});

describe('ownEntry', () => {
  it("should read own keys only: a summary read back from JSON has Object.prototype's constructor", () => {
    const doc = JSON.parse('{"__proto__": {"n": 1}, "prod": {"n": 2}}') as Record<string, { n: number }>;
    expect(ownEntry(doc, '__proto__')).toEqual({ n: 1 });
    expect(ownEntry(doc, 'prod')).toEqual({ n: 2 });
    expect(doc['constructor']).toBe(Object);
    for (const name of BUILTIN_NAMES.filter((n) => n !== '__proto__')) expect(ownEntry(doc, name), name).toBeUndefined();
    expect(ownEntry(undefined, 'prod')).toBeUndefined();
  });
});
