/** Parses YAML or JSON text into a raw document, remembering the line of every value for messages. */
import { LineCounter, parseDocument } from 'yaml';
import { aliasProblem } from './_internals/aliasProblem.js';
import { duplicateKeyOffsets } from './_internals/duplicateKeys.js';
import { attachLocator, yamlLocator } from './_internals/locate.js';
import { findTooDeep } from './_internals/nestingDepth.js';
import { ScenarioError } from './ScenarioError.js';

/** The deepest nesting of lists and objects a scenario may have (the shipped ones reach about 8). */
export const MAX_NESTING_DEPTH = 64;

/**
 * The raw document (plain objects, lists and scalars), before any check. JSON is read by the
 * same parser (YAML 1.2 is a superset of JSON), so both get line numbers. A syntax error throws a
 * ScenarioError with the first error's line and column, and how many more the parser found.
 */
export function parseScenarioDocument(text: string, file: string): unknown {
  // Before the parser, which recurses once per level: JSON nested 1,000,000 deep must not reach it.
  const deep = findTooDeep(text, MAX_NESTING_DEPTH);
  if (deep !== undefined) {
    const message = `nested deeper than the limit of ${MAX_NESTING_DEPTH} levels (${deep.depth} here); a scenario needs about 8`;
    throw new ScenarioError([{ file, path: '', line: deep.line, message }]);
  }
  const lines = new LineCounter();
  // logLevel 'error': the parser would otherwise print warnings on stderr ('silent' would also
  // drop the error for a second document). merge: `<<: *base` merge keys, to share settings.
  // uniqueKeys false: the parser's check of repeated keys is quadratic in the keys of a mapping;
  // duplicateKeyOffsets finds the same keys in linear time and reports them in the same words.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error', merge: true, uniqueKeys: false });
  const errors = [
    ...doc.errors.map((e) => ({ code: e.code as string, pos: e.pos[0], message: e.message })),
    ...duplicateKeyOffsets(doc).map((pos) => ({ code: 'DUPLICATE_KEY', pos, message: 'Map keys must be unique' })),
  ].sort((a, b) => a.pos - b.pos);
  if (errors.length > 0) {
    // Only the first error: the parser's later ones mostly follow from it (one unclosed bracket
    // gives seven), so like kubectl and yamllint the first is shown, with a count of the others.
    const e = errors[0]!;
    const { line, col } = lines.linePos(e.pos);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    const message =
      e.code === 'MULTIPLE_DOCS'
        ? "expected one YAML document, found a second one (after '---')"
        : `invalid YAML at column ${col}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new ScenarioError([{ file, path: '', line, message: `${message}${more}` }]);
  }
  let raw: unknown;
  try {
    // The default limit of 100 alias expansions guards against "billion laughs" documents.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An undefined alias or a bad merge: found again in the document, for its line and path.
    const where = aliasProblem(doc, lines);
    if (where !== undefined) throw new ScenarioError([{ file, ...where, message: `invalid YAML: ${where.message}` }]);
    throw new ScenarioError([{ file, path: '', message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  attachLocator(raw, yamlLocator(doc, lines));
  return raw;
}
