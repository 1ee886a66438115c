/** The JSON fault locator agrees with V8 wherever V8 names a position, and accepts exactly what JSON.parse accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/scenario/import/jsonErrorOffset.js';
import { runs } from '../../runs.js';

/** A JSON text with one character removed, replaced or inserted: often broken, sometimes still valid. */
const mutated = fc
  .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(',', ']', '}', '"', ':', 'x', '1', ' ', '\\', '{', '['))
  .map(([text, at, op, c]) => {
    const k = text.length === 0 ? 0 : at % text.length;
    if (op === 'delete') return text.slice(0, k) + text.slice(k + 1);
    if (op === 'insert') return text.slice(0, k) + c + text.slice(k);
    return text.slice(0, k) + c + text.slice(k + 1);
  });

describe('jsonErrorOffset', () => {
  it('should give the offset V8 names, and the length for a text JSON.parse accepts', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        let position: number | undefined;
        let valid = true;
        try {
          JSON.parse(text);
        } catch (e) {
          valid = false;
          const m = /at position (\d+)/.exec((e as Error).message);
          if (m) position = Number(m[1]);
        }
        const offset = jsonErrorOffset(text);
        if (valid) expect(offset).toBe(text.length);
        else if (position !== undefined) expect(offset).toBe(position);
        else expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: runs(500) },
    );
  });

  it('should point at the token V8 leaves unplaced', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
  });
});
