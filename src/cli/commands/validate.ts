/** `kubesim validate`: checks files and reports every problem of every file, one per line, and advice on valid ones; or all of it as one document (-o json|yaml). */
import { formatDuration } from '../../kernel/index.js';
import { parseScenario, scenarioAdvice } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { ScenarioError, type Problem } from '../../scenario/ScenarioError.js';
import { EXIT_INPUT } from '../errors.js';
import { wantsWide, writeDocument, type OutputFlags } from '../outputFormat.js';
import { checkStdinOnce, readScenarioSource } from '../stdinInput.js';

/** One file's verdict, as `-o json` prints it. */
export type FileVerdict =
  | { readonly file: string; readonly valid: true; readonly clusters: number; readonly faults: number; readonly replications: number; readonly horizonSeconds: number; readonly seed: number; readonly advice: readonly { readonly path: string; readonly message: string }[] }
  | { readonly file: string; readonly valid: false; readonly problems: readonly ProblemJson[] };

/** A problem as JSON: every field present, `line` null when the parser does not know it. */
export interface ProblemJson {
  readonly file: string;
  readonly line: number | null;
  readonly path: string;
  readonly message: string;
}

export function validateCommand(files: string[], flags: OutputFlags = {}): void {
  checkStdinOnce(files);
  const verdicts = files.map(check);
  if (flags.json === true) {
    // The whole verdict on stdout, nothing on stderr; the exit code still says whether all are valid.
    const problems = verdicts.flatMap((v) => (v.valid ? [] : v.problems));
    writeDocument({ valid: problems.length === 0, files: verdicts, problems }, flags);
    if (problems.length > 0) process.exitCode = EXIT_INPUT;
    return;
  }
  for (const v of verdicts) {
    if (!v.valid) continue;
    const wide = wantsWide(flags) ? `, ${v.replications} replication${v.replications === 1 ? '' : 's'} of ${formatDuration(v.horizonSeconds)}, seed ${v.seed}` : '';
    process.stdout.write(`${v.file}: ok (${v.clusters} cluster${v.clusters === 1 ? '' : 's'}, ${v.faults} scripted fault${v.faults === 1 ? '' : 's'}${wide})\n`);
    // Advice is not an error: allowed choices (often made on purpose, to teach) worth a look.
    for (const a of v.advice) process.stdout.write(`${v.file}: advice: ${a.path}: ${a.message}\n`);
  }
  const problems = verdicts.flatMap((v) => (v.valid ? [] : v.problems));
  if (problems.length > 0) throw new ScenarioError(problems.map((p): Problem => ({ file: p.file, path: p.path, message: p.message, ...(p.line === null ? {} : { line: p.line }) })));
}

function check(path: string): FileVerdict {
  let s: Scenario;
  let file = path;
  try {
    const source = readScenarioSource(path);
    file = source.file;
    s = parseScenario(source.text, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { file, valid: false, problems: e.problems.map((p) => ({ file: p.file, line: p.line ?? null, path: p.path, message: p.message })) };
  }
  return {
    file,
    valid: true,
    clusters: s.clusters.length,
    faults: s.faults.length,
    replications: s.replications,
    horizonSeconds: s.horizon,
    seed: s.seed,
    advice: scenarioAdvice(s).map((a) => ({ path: a.path, message: a.message })),
  };
}
