/** A table for the terminal: columns padded to their widest cell, text left and figures right. */

/** The head then one line per row, two spaces between columns; `dim` paints the head. */
export function alignedTable(head: readonly string[], rows: readonly (readonly string[])[], left: (i: number) => boolean, dim: (s: string) => string = (s) => s): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) => (left(i) ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  return [dim(head.map(pad).join('  ').trimEnd()), ...rows.map((r) => r.map(pad).join('  ').trimEnd())];
}
