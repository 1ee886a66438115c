/** Problems found in a scenario file, all reported at once: file, line, path inside it and what was wrong. */
import { escapeControls } from '../kernel/quoteValue.js';

/** One problem. `path` is where inside the document (`spec.clusters[0].etcd.members`), `''` for the document itself. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  /** The 1-based line in the file, when the YAML parser knows it. */
  readonly line?: number;
  /** What was expected and what was found. */
  readonly message: string;
}

/**
 * A scenario that cannot be used: unreadable, malformed YAML, or a value that breaks a rule.
 * Carries every problem found in one pass, in file order; the CLI prints them and exits with 2.
 */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const lines = problems.map(oneLine);
    super(lines.length === 0 ? 'invalid scenario' : lines.map(formatProblem).join('\n'));
    this.problems = lines;
  }
}

/** Escapes control and bidi characters (a key or value with a newline or an ESC in it) so that a problem stays one visible line. */
function oneLine(p: Problem): Problem {
  return { ...p, file: escapeControls(p.file), path: escapeControls(p.path), message: escapeControls(p.message) };
}

/** One line: `scenarios/x.yaml:12: spec.clusters[0].etcd.members: expected ..., found "three"`. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
}
