/**
 * How deeply a YAML or JSON text nests, found by a scan of the text alone, before any parser
 * sees it: the parser recurses once per level, so a JSON list nested 1,000,000 deep would end in
 * a stack overflow (reported at a wrong column) or worse. The scan is an estimate, not a
 * parser: it counts flow brackets (`[`, `{`) outside quotes and comments (exact on JSON), and
 * in block YAML the enclosing indentation levels plus the entries a line opens (`- `, `key: `),
 * skipping block scalars (`|`, `>`) and quoted text. On YAML it may count a level or two too
 * many (`- - a`), or one too few for a list written at its key's indentation; either way the
 * parser never sees a document much deeper than the limit.
 */

/** Where the text first nests deeper than the limit: the 1-based line and the depth reached there. */
export interface TooDeep {
  readonly line: number;
  readonly depth: number;
}

/** The first place the text nests deeper than `limit`, or undefined when it never does. */
export function findTooDeep(text: string, limit: number): TooDeep | undefined {
  const indents: number[] = []; // the block indentation levels open at the current line
  let flow = 0; // open flow brackets
  let quote: '"' | "'" | undefined; // inside a quoted scalar (which may span lines)
  let blockScalarIndent: number | undefined; // inside a `|` or `>` block scalar opened at this indent
  let block = 0; // block levels open at this point of the line
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let i = 0;
    const indent = /^ */.exec(line)![0].length;
    const blank = /^\s*(#.*)?$/.test(line);
    if (blockScalarIndent !== undefined) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (quote === undefined && flow === 0) {
      if (blank) continue;
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      // The levels that enclose this line; its own `- ` and `key: ` open one more each.
      block = indents.length - 1;
      i = indent;
    }
    let tokenStart = quote === undefined && flow === 0;
    let last = ''; // the last character that is not a space, on this line
    // Whether `last` is a `:` right after a quoted key (`"a":"b"`): then a quote touching it starts
    // the value. After a plain one (`{ :': x }`) the colon and the quote are both plain text.
    let colonAfterQuote = false;
    let closedQuote = false; // whether `last` is the closing quote of a quoted scalar
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else {
            quote = undefined;
            closedQuote = true;
            last = c;
            continue;
          }
        }
        last = c;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      const spaced = i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t');
      const atStart = tokenStart || (flow > 0 && (last === '' || '[{,'.includes(last) || (last === ':' && (spaced || colonAfterQuote))));
      colonAfterQuote = c === ':' && closedQuote;
      closedQuote = false;
      if (flow === 0 && tokenStart && (c === '-' || c === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
        block++; // a compact block entry: `- - a` nests one level per dash
        // What follows the dash sits at its own indentation: lines below aligned with it are inside.
        const content = i + 1 + /^ */.exec(line.slice(i + 1))![0].length;
        if (indents[indents.length - 1]! < content) indents.push(content);
      } else if ((c === '"' || c === "'") && atStart) {
        quote = c;
        tokenStart = false;
      } else if ((c === '[' || c === '{') && (flow > 0 || tokenStart)) {
        flow++;
        if (block + flow > limit) return { line: n + 1, depth: block + flow };
        tokenStart = false;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if (flow === 0 && (c === '|' || c === '>') && tokenStart) {
        blockScalarIndent = indent;
        break;
      } else if (flow === 0) {
        // A plain scalar or key: a key opens a mapping level, and the value starts after `: `.
        tokenStart = c === ':' && (i + 1 === line.length || line[i + 1] === ' ');
        if (tokenStart) block++;
        last = c;
        if (block + flow > limit) return { line: n + 1, depth: block + flow };
        continue;
      }
      if (block + flow > limit) return { line: n + 1, depth: block + flow };
      last = c;
    }
    if (block + flow > limit) return { line: n + 1, depth: block + flow };
  }
  return undefined;
}
