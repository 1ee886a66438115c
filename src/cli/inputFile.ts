/** Reads a scenario file safely: regular files only, a size limit, bounded reads and strict UTF-8. */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ScenarioError } from '../scenario/ScenarioError.js';
import { unreadableReason } from '../scenario/parseScenario.js';

/**
 * The largest scenario file read, in bytes (4 MiB). The largest shipped scenario is a few
 * kilobytes; a 50 MB YAML took 42 s and 2.7 GB to parse, so the limit keeps validation fast
 * and its memory small while leaving room for generated scenarios of thousands of lines.
 */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** What a file is read as, for messages: its noun and the text it must hold. */
export interface InputKind {
  readonly noun: string;
  readonly text: string;
}

const SCENARIO_INPUT: InputKind = { noun: 'a scenario', text: 'YAML or JSON text' };

/**
 * The text of a scenario file (or another input `kind`), or a ScenarioError naming the file and the reason. The file is
 * opened without blocking (a named pipe with no writer would otherwise wait forever), checked
 * with fstat to be a regular file no larger than the limit, then read with a bounded buffer so
 * a file that grows meanwhile (or lies about its size, as /proc files do) cannot pass it.
 */
export function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES, kind: InputKind = SCENARIO_INPUT): string {
  const fail = (message: string): never => {
    throw new ScenarioError([{ file: path, path: '', message }]);
  };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return fail(`cannot read the file: ${unreadableReason(e)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail(`cannot read the file: it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) fail(`the file is ${bytes(stat.size)}, above the limit of ${bytes(maxBytes)} for ${kind.noun}`);
    const data = readBounded(
      fd,
      maxBytes,
      () => fail(`the file grew past the limit of ${bytes(maxBytes)} for ${kind.noun} while it was read`),
      (e) => fail(`cannot read the file: ${unreadableReason(e)}`),
    );
    return decode(data, fail, kind);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `fd` to its end into a buffer one byte larger than `maxBytes`: filling it proves the input
 * went past the limit (a file that grew while read, or endless stdin), and then `tooLarge` throws.
 * `readFailed` says what a failed read means: read again, the end of the input, or it throws.
 */
export function readBounded(fd: number, maxBytes: number, tooLarge: () => never, readFailed: (e: unknown) => 'retry' | 'end'): Buffer {
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  let length = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (e) {
      if (readFailed(e) === 'retry') continue;
      break;
    }
    if (n === 0) break;
    length += n;
    if (length > maxBytes) tooLarge();
  }
  return buffer.subarray(0, length);
}

/** The same strict UTF-8 text check for bytes read elsewhere (stdin), with errors naming `file`. */
export function decodeInput(data: Buffer, file: string, kind: InputKind = SCENARIO_INPUT): string {
  return decode(
    data,
    (message) => {
      throw new ScenarioError([{ file, path: '', message }]);
    },
    kind,
  );
}

/** Strict UTF-8 (an optional byte-order mark is dropped); NUL bytes are refused, as no text file holds them. */
function decode(data: Buffer, fail: (m: string) => never, kind: InputKind): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return fail(`the file is not valid UTF-8 text (byte ${firstInvalidUtf8(data)}): ${kind.noun} is ${kind.text}`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(`the file holds a NUL byte (character ${nul + 1}): ${kind.noun} is ${kind.text}, not binary data`);
  return text;
}

/** The 1-based offset of the first byte that is not valid UTF-8 (found by decoding growing prefixes). */
function firstInvalidUtf8(data: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = data.length;
  // The longest prefix that decodes with at most 3 bytes of an unfinished character at its end.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(data.subarray(0, mid), { stream: true });
      decoder.decode();
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low + 1;
}

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const mib = n / (1024 * 1024);
  return mib >= 1 ? `${n.toLocaleString('en-US')} bytes (${mib.toFixed(1)} MiB)` : `${n.toLocaleString('en-US')} bytes`;
}
