import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listNames, unknownName } from '../../src/scenario/_internals/describe.js';

describe('lists of names in messages', () => {
  it('cut each long name and escape control characters, so "expected one of ..." stays one short line', () => {
    expect(listNames(['dc-a', `${'prod '.repeat(1000)}`, 'x\u202ey'])).toBe(`dc-a, ${'prod '.repeat(6)}… and x\\u{202e}y`);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 5000 }), { maxLength: 30 }), fc.string({ maxLength: 100 }), (known, name) => {
        const line = unknownName('datacenter', name, known);
        expect(line.length).toBeLessThan(400);
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
      }),
      { numRuns: 100 },
    );
  });
});
