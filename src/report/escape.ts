/** Escaping for every place a scenario's strings end up: HTML text and attributes, inline JSON, Markdown. */

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * JSON that is safe inside a <script> element: `<`, `>` and `&` become \u escapes (so no
 * `</script>` or `<!--` can appear), as do U+2028/U+2029, which old parsers took for newlines.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Escapes text for inline Markdown, including GitHub table cells: the characters that format
 * inline (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`) get a backslash, `<`, `>` and `&` become entities (so no raw HTML
 * survives), a leading block marker (`#`, `+`, `-`, `=`, `1. `) is escaped so that the text cannot
 * turn into a heading or a list, and line breaks become spaces (a newline would end a table row).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
