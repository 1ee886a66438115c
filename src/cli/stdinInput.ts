/** Reads an input given as `-` from stdin, with the same size limit and text checks as a file (inputFile.ts). */
import { ScenarioError } from '../scenario/ScenarioError.js';
import { bytes, decodeInput } from './inputFile.js';

/** The whole of stdin as text; `file` names it in messages, `what` says what the limit is for. */
export async function readStdin(maxBytes: number, file: string, what: string, stream: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += b.length;
    if (length > maxBytes) throw new ScenarioError([{ file, path: '', message: `more than ${bytes(maxBytes)}, the limit for ${what}` }]);
    chunks.push(b);
  }
  return decodeInput(Buffer.concat(chunks), file, { noun: what, text: 'JSON text' });
}
