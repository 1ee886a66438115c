/** Reads an input given as `-` from stdin, with the same size limit and text checks as a file (inputFile.ts). */
import { ScenarioError } from '../scenario/ScenarioError.js';
import { bytes, decodeInput, MAX_INPUT_BYTES, readBounded, readInputFile } from './inputFile.js';
import { InputError } from './errors.js';

/** How a scenario read from stdin is named in messages, reports and partial results. */
export const STDIN_NAME = '<stdin>';

/** The whole of stdin as text; `file` names it in messages, `what` says what the limit is for. */
export async function readStdin(maxBytes: number, file: string, what: string, stream: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += b.length;
    if (length > maxBytes) throw tooLarge(file, maxBytes, what);
    chunks.push(b);
  }
  return decodeInput(Buffer.concat(chunks), file, { noun: what, text: 'JSON text' });
}

function tooLarge(file: string, maxBytes: number, what: string): ScenarioError {
  return new ScenarioError([{ file, path: '', message: `more than ${bytes(maxBytes)}, the limit for ${what}` }]);
}

/**
 * A scenario's text and the name messages give it: `-` is stdin, read whole at once and named
 * `<stdin>`; anything else is a file (readInputFile). Synchronous, as file reads are, so every
 * command loads `-` where it loads a file: descriptor 0 is read directly (process.stdin is never
 * opened, which would make it non-blocking), waiting briefly when a non-blocking pipe has no data yet.
 */
export function readScenarioSource(path: string, fd = 0): { file: string; text: string } {
  if (path !== '-') return { file: path, text: readInputFile(path) };
  const data = readBounded(
    fd,
    MAX_INPUT_BYTES,
    () => {
      throw tooLarge(STDIN_NAME, MAX_INPUT_BYTES, 'a scenario');
    },
    (e) => {
      const code = (e as { code?: unknown }).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        return 'retry';
      }
      if (code === 'EOF') return 'end'; // Windows' end of a pipe
      throw new ScenarioError([{ file: STDIN_NAME, path: '', message: `cannot read stdin: ${e instanceof Error ? e.message : String(e)}` }]);
    },
  );
  return { file: STDIN_NAME, text: decodeInput(data, STDIN_NAME) };
}

/** Every scenario of a command's arguments, `-` at most once (stdin can be read only once). */
export function readScenarioSources(paths: readonly string[]): { file: string; text: string }[] {
  checkStdinOnce(paths);
  return paths.map((p) => readScenarioSource(p));
}

/** Refuses `-` given twice, before anything is read. */
export function checkStdinOnce(paths: readonly string[]): void {
  if (paths.filter((p) => p === '-').length > 1) throw new InputError('- (stdin) is given more than once: stdin holds one scenario; give the others as files');
}

/** The name messages give an argument: `<stdin>` for `-`. */
export function inputName(path: string): string {
  return path === '-' ? STDIN_NAME : path;
}
