/** Parses JSON text with errors that name the file, the line and the column, as an editor shows them. */
import { ScenarioError } from '../ScenarioError.js';
import { jsonErrorOffset } from './jsonErrorOffset.js';

/**
 * The value of a JSON text, or a ScenarioError naming the file, the 1-based line and column and
 * what JSON.parse said. V8 reports a character offset ("at position 12", Node 20), or in later
 * versions the line and column themselves, for some faults only: the others are found by
 * jsonErrorOffset.
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const { line, column } = whereFailed(text, reason);
    const said = reason.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+.*$/, '');
    throw new ScenarioError([{ file, line, path: '', message: `malformed JSON at line ${line}, column ${column}: ${said}` }]);
  }
}

/** The line and column of a JSON.parse failure. */
function whereFailed(text: string, reason: string): { line: number; column: number } {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(reason);
  return lineAndColumn(text, position ? Number(position[1]) : jsonErrorOffset(text));
}

/** The 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.min(offset, text.length);
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: at - lineStart + 1 };
}
