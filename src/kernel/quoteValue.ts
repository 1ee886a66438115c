/** Safe echoes of user values in one-line messages: control and bidi characters escaped, long values cut. */

/**
 * Characters that must never reach a terminal raw: C0 controls (ESC, BEL, newline...), DEL, C1
 * controls (U+0080–U+009F, U+009B is a one-byte CSI) and the bidirectional controls that reorder
 * what is shown (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069).
 */
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The longest part of a value echoed in a message, in characters, before it is cut. */
export const QUOTE_MAX_CHARACTERS = 60;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every unsafe character written as an escape (`\n`, `\u{1b}`, `\u{202e}`), so a message stays one visible line. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE_CHARACTERS, (c) => SHORT_ESCAPES[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * A user value for a message: in double quotes, escaped, and cut to `max` characters with an
 * ellipsis and the full length when longer: `"aaaa…" (5,000 characters)`. Characters are code
 * points, so a cut never splits a surrogate pair.
 */
export function quoteValue(value: string, max = QUOTE_MAX_CHARACTERS, mark: '"' | "'" = '"'): string {
  const chars = [...value];
  // Backslashes and quotes first, as JSON writes them, so an escape added below is never ambiguous.
  const quote = (s: string) => escapeControls(s.replace(mark === '"' ? /[\\"]/g : /[\\']/g, (c) => `\\${c}`));
  if (chars.length <= max) return `${mark}${quote(value)}${mark}`;
  return `${mark}${quote(chars.slice(0, max).join(''))}…${mark} (${chars.length.toLocaleString('en-US')} characters)`;
}

/** A name or a field key in single quotes, as messages show them (`unknown cluster 'prd'`), escaped and cut like quoteValue. */
export function quoteName(name: string): string {
  return quoteValue(name, QUOTE_MAX_CHARACTERS, "'");
}
