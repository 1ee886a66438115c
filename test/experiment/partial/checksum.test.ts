/** The canonical serialisation and checksum of partial files, and the schema's small checks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, partialChecksum } from '../../../src/experiment/partial/index.js';
import { array, number, object, shown } from '../../../src/experiment/partial/schema/check.js';

describe('canonicalJson', () => {
  it('should not depend on key order, and write non-finite numbers as partial files do', () => {
    expect(canonicalJson({ b: 1, a: [Infinity, NaN, -0] })).toBe('{"a":[{"$number":"Infinity"},{"$number":"NaN"},0],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('should give the same text for a value and its JSON round trip, and a different checksum for any other value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(a)))).toBe(canonicalJson(a));
        const same = canonicalJson(a) === canonicalJson(b);
        expect(partialChecksum({ x: a }) === partialChecksum({ x: b })).toBe(same);
      }),
      { numRuns: 200 },
    );
  });

  it('should leave the checksum field out of the checksum', () => {
    expect(partialChecksum({ x: 1, checksum: 'sha256:aa' })).toBe(partialChecksum({ x: 1 }));
    expect(partialChecksum({ x: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('schema checks', () => {
  // Each row: a value, the rule, and the message expected (undefined: accepted).
  const rows: [unknown, Parameters<typeof number>[2], string | undefined][] = [
    [3, { min: 0, whole: true }, undefined],
    [-1, { min: 0 }, 'x: expected a number at least 0, found -1'],
    [1.5, { whole: true }, 'x: expected a whole number, found 1.5'],
    [Infinity, {}, 'x: expected a number, found Infinity'], // infinite only where allowed
    [Infinity, { min: 0, infinite: true }, undefined], // the shortest outage of a signal never down
    [NaN, { min: 0, max: 1 }, 'x: expected a number from 0 to 1, found NaN'],
    [NaN, { min: 0, max: 1, nan: true }, undefined], // a replica fraction without workloads
    ['7', {}, 'x: expected a number, found a string "7"'],
  ];
  for (const [v, rule, message] of rows) {
    it(`should check ${String(v)} against ${JSON.stringify(rule)}`, () => {
      expect(number(v, 'x', rule)).toBe(message);
    });
  }

  it('should name the missing field, the unexpected field and the bad item by path', () => {
    expect(object({ a: 1 }, 'p', ['a', 'b'])).toBe('p.b: expected a value, found nothing (the field is missing)');
    expect(object({ a: 1, z: 2 }, 'p', ['a'])).toBe('p: unexpected field "z"');
    expect(object(JSON.parse('{"__proto__": {}}'), 'p', [])).toBe('p: unexpected field "__proto__"');
    expect(array([1, 'a'], 'p', (x, path) => number(x, path))).toBe('p[1]: expected a number, found a string "a"');
    expect(array([1], 'p', (x, path) => number(x, path), 2)).toBe('p: expected 2 items, found 1');
  });

  it('should cut long values and escape control and bidi characters', () => {
    expect(shown('a\u001b[31m\u202eb')).toBe('"a\\u001b[31m\\u202eb"');
    expect(shown('x'.repeat(5000))).toBe(`"${'x'.repeat(40)}..."`);
  });
});
