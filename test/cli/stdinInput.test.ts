/** Reading `-` from stdin: the size limit and the text checks of a file, with stdin named in messages. */
import { describe, expect, it } from 'vitest';
import { readStdin } from '../../src/cli/stdinInput.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer | string> {
  for (const p of parts) yield p;
}

describe('readStdin', () => {
  it('should join the chunks as UTF-8 text', async () => {
    expect(await readStdin(100, 'stdin', 'the nodes', chunks('{"a":', Buffer.from('"é"}')))).toBe('{"a":"é"}');
  });

  it('should refuse more than the limit, naming it and what it is for', async () => {
    await expect(readStdin(4, 'stdin', 'the nodes', chunks('abc', 'de'))).rejects.toThrow('stdin: more than 4 bytes, the limit for the nodes');
  });

  it('should refuse bytes that are not UTF-8, as a file would be', async () => {
    await expect(readStdin(100, 'stdin', 'the nodes', chunks(Buffer.from([0x7b, 0xff])))).rejects.toThrow(/^stdin: the file is not valid UTF-8 text \(byte 2\)/);
  });
});
