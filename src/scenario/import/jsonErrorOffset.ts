/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a character offset: V8's JSON.parse
 * names the offset for some faults only ("Unexpected token ']', ..." gives none in Node 20), and a
 * user needs the line and column of every fault. Called only once JSON.parse has failed.
 */

class Fault {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that cannot continue a JSON text (its length when it ends too soon). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) throw new Fault(i);
    i++;
  };
  const literal = (word: string) => {
    for (const c of word) expect(c);
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) throw new Fault(i);
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < ' ') throw new Fault(i);
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new Fault(i + k);
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else throw new Fault(i);
      } else i++;
    }
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? '')) throw new Fault(i);
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', () => {
      ws();
      string();
      ws();
      expect(':');
      value();
    });
    if (c === '[') return container(']', value);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const container = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === ',') i++;
      else return expect(close);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Fault(i);
    return text.length;
  } catch (e) {
    if (e instanceof Fault) return e.offset;
    throw e;
  }
}
