/**
 * The kubesim command line as a function: parses `argv`, runs the command and maps its error to
 * an exit code, printing it as one line. It writes to process.stdout and process.stderr and reads
 * process.exitCode (validate sets it); main.ts, the bin entry, is what exits the process.
 */
import { CommanderError } from 'commander';
import { escapeControls } from '../kernel/quoteValue.js';
import { ScenarioError, formatProblem, type Problem } from '../scenario/ScenarioError.js';
import { EXIT_INPUT, EXIT_RUNTIME, InputError } from './errors.js';
import { buildProgram } from './program.js';

/** Runs one command line (`argv` as process.argv: node, script, then the arguments) and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return report(e);
  }
}

/** Maps an error to its exit code after printing it as one line per problem, never a stack trace; control and bidi characters are escaped. */
export function report(e: unknown): number {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; everything else it raises is a bad flag.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    process.stderr.write(`kubesim: ${escapeControls(e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof ScenarioError) {
    for (const line of problemLines(e.problems)) process.stderr.write(`kubesim: ${line}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof InputError) {
    for (const line of e.lines) process.stderr.write(`kubesim: ${escapeControls(line)}\n`);
    return EXIT_INPUT;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`kubesim: run failed: ${escapeControls(message.split('\n')[0]!)}\n`);
  if (process.env['KUBESIM_DEBUG'] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return EXIT_RUNTIME;
}

/** Problems shown per file on stderr; past it one line counts the rest (`validate -o json` lists them all). */
export const MAX_PROBLEMS_SHOWN = 100;

/** One line per problem, at most MAX_PROBLEMS_SHOWN per file, then a line that counts the rest of that file's (problems come file by file). */
export function problemLines(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  let file: string | undefined;
  let count = 0;
  const more = () => {
    const n = count - MAX_PROBLEMS_SHOWN;
    if (file === undefined || n <= 0) return;
    lines.push(`${file}: ${n.toLocaleString('en-US')} more problem${n === 1 ? '' : 's'} not shown (the first ${MAX_PROBLEMS_SHOWN} are above; \`kubesim validate ${file} -o json\` lists every one)`);
  };
  for (const p of problems) {
    if (p.file !== file) {
      more();
      file = p.file;
      count = 0;
    }
    count++;
    if (count <= MAX_PROBLEMS_SHOWN) lines.push(formatProblem(p));
  }
  more();
  return lines;
}
