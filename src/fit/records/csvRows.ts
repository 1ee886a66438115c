/** Splits CSV text (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF) into rows, each with the line it starts on. */

export interface CsvRow {
  /** 1-based line number where the row starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Blank lines and lines starting with `#` (outside quotes) are skipped. An unclosed quote is reported with the line it opened on. */
export function csvRows(text: string, fail: (line: number, problem: string) => never): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    if (text[i] === '#' || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      while (i < text.length && text[i] !== '\n') i++;
      i++;
      line++;
      continue;
    }
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let quoteLine = line;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else {
          if (c === '\n') line++;
          field += c;
        }
      } else if (c === '"' && field.trim() === '') {
        quoted = true;
        quoteLine = line;
        field = '';
      } else if (c === ',') {
        fields.push(field);
        field = '';
      } else if (c === '\n') break;
      else if (c !== '\r') field += c;
    }
    if (quoted) fail(quoteLine, 'a quoted field is not closed');
    fields.push(field);
    rows.push({ line: start, fields: fields.map((f) => f.trim()) });
    i++;
    line++;
  }
  return rows;
}
