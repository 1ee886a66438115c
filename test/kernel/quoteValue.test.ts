/** quoteValue and escapeControls: what every error line uses to echo a user's value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, QUOTE_MAX_CHARACTERS, quoteName, quoteValue, UNSAFE_CHARACTERS } from '../../src/kernel/index.js';

const UNSAFE = new RegExp(UNSAFE_CHARACTERS.source); // without the g flag: test() keeps no state

describe('quoteValue', () => {
  it.each([
    // [value, shown, why]
    ['v1', '"v1"', 'a short value is quoted whole'],
    ['a"b\\c', '"a\\"b\\\\c"', 'quotes and backslashes are escaped as JSON escapes them'],
    ['red\u001b[31m', '"red\\u{1b}[31m"', 'ESC never reaches the terminal'],
    ['bell\u0007', '"bell\\u{7}"', 'BEL'],
    ['c1\u009b31m', '"c1\\u{9b}31m"', 'a C1 control (U+009B is a one-byte CSI)'],
    ['prod\u202eue', '"prod\\u{202e}ue"', 'a right-to-left override'],
    ['\u2066x\u2069\u200e\u200f\u061c', '"\\u{2066}x\\u{2069}\\u{200e}\\u{200f}\\u{61c}"', 'isolates and marks'],
    ['two\nlines\ttab', '"two\\nlines\\ttab"', 'newline and tab keep their short escapes'],
    ['délai 🙂', '"délai 🙂"', 'printable non-ASCII text is kept'],
  ])('should show %j as %s (%s)', (value, shown) => {
    expect(quoteValue(value)).toBe(shown);
  });

  it('should cut a long value with an ellipsis and its full length', () => {
    expect(quoteValue('a'.repeat(5000))).toBe(`"${'a'.repeat(60)}…" (5,000 characters)`);
    expect(quoteValue('a'.repeat(60))).toBe(`"${'a'.repeat(60)}"`);
  });

  it('should count characters, never splitting a surrogate pair', () => {
    const shown = quoteValue('🙂'.repeat(61));
    expect(shown).toBe(`"${'🙂'.repeat(60)}…" (61 characters)`);
  });

  it('should never let an unsafe character through, and stay short, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const shown = quoteValue(s);
        expect(UNSAFE.test(shown)).toBe(false);
        // 60 characters, each escaped in at most 8 (\u{202e}, \\), plus quotes, ellipsis and the count.
        expect([...shown].length).toBeLessThanOrEqual(QUOTE_MAX_CHARACTERS * 8 + 30);
      }),
    );
  });

  it('should give back the value unchanged (inside quotes) when it is short and safe', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: QUOTE_MAX_CHARACTERS }).filter((s) => !UNSAFE.test(s)), (s) => {
        expect(JSON.parse(quoteValue(s))).toBe(s);
      }),
    );
  });
});

describe('quoteName', () => {
  it('should single-quote a name as messages show names, escaped and cut alike', () => {
    expect(quoteName('prd')).toBe("'prd'");
    expect(quoteName("o'brien\u202e")).toBe("'o\\'brien\\u{202e}'");
    expect(quoteName('k'.repeat(5000))).toBe(`'${'k'.repeat(60)}…' (5,000 characters)`);
  });
});

describe('escapeControls', () => {
  it('should leave safe text alone and escape only the unsafe characters', () => {
    expect(escapeControls('plain: text, ünïcode')).toBe('plain: text, ünïcode');
    expect(escapeControls('\u007f\u0085')).toBe('\\u{7f}\\u{85}');
  });
});
