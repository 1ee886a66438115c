/**
 * What every fuzz case must end with, whatever its input: exit 0 or 2, in time, no stack trace,
 * every stderr line one whole `kubesim: ` message of bounded length on exit 2, no raw control or
 * bidi character on stdout or stderr, JSON on stdout with --json, and the same output twice.
 */
import type { FuzzCase, FuzzResult } from './FuzzCase.js';

export type ViolationKind = 'timeout' | 'exit-1' | 'exit-other' | 'stack-trace' | 'stderr-shape' | 'control-chars' | 'long-line' | 'not-json' | 'nondeterministic' | 'lost-name';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

/** C0 controls but newline and tab, DEL, C1 controls, bidi embeddings, overrides, isolates and marks, line and paragraph separators. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** An error line longer than this echoes a value whole (issue 12 item 10). */
export const MAX_ERROR_LINE = 400;

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** The cluster names a valid document declares, to check they all reach the summary. */
function declaredClusters(c: FuzzCase): string[] | undefined {
  const f = c.files[0];
  if (!f || !f.name.endsWith('.json')) return undefined;
  try {
    const doc = JSON.parse(f.content) as { spec?: { clusters?: { name?: unknown }[] } };
    const names = doc.spec?.clusters?.map((x) => x.name);
    return names?.every((n) => typeof n === 'string') ? (names as string[]) : undefined;
  } catch {
    return undefined;
  }
}

export function violations(c: FuzzCase, r: FuzzResult): Violation[] {
  const out: Violation[] = [];
  const show = (s: string) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
  if (r.timedOut || r.code === null) {
    out.push({ kind: 'timeout', detail: r.timedOut ? `no end within ${r.ms} ms` : `killed: ${r.stderr}` });
    return out;
  }
  if (r.code === 1) out.push({ kind: 'exit-1', detail: show(r.stderr.trim()) });
  else if (r.code !== 0 && r.code !== 2) out.push({ kind: 'exit-other', detail: `exit ${r.code}` });
  if (STACK_LINE.test(r.stderr) || STACK_LINE.test(r.stdout)) out.push({ kind: 'stack-trace', detail: show(r.stderr) });
  if (r.code === 2) {
    const lines = r.stderr.split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length === 0 || lines.some((l) => !l.startsWith('kubesim: ') || l.length <= 'kubesim: '.length)) {
      out.push({ kind: 'stderr-shape', detail: `expected one "kubesim: ..." line per problem, found ${show(r.stderr)}` });
    }
    const long = lines.find((l) => l.length > MAX_ERROR_LINE);
    if (long) out.push({ kind: 'long-line', detail: `a ${long.length}-character error line: ${show(long)}` });
  }
  for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const m = RAW_CONTROL.exec(text);
    if (m) out.push({ kind: 'control-chars', detail: `${name} has U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${show(text.slice(Math.max(0, m.index - 40), m.index + 40))}` });
  }
  // A stdout cut by the harness is checked line by line up to its last whole line (explain
  // writes a document per line); one document cut short cannot be checked.
  const json = c.args.includes('--json') && r.code === 0 && (r.stdoutCut !== true || c.args[0] === 'explain');
  if (json) {
    try {
      const whole = r.stdoutCut === true ? r.stdout.slice(0, r.stdout.lastIndexOf('\n') + 1) : r.stdout;
      const lines = c.args[0] === 'explain' ? whole.split('\n').filter((l) => l !== '') : [whole];
      const docs = lines.map((l) => JSON.parse(l) as unknown);
      const summary = docs[0] as { clusters?: Record<string, unknown> } | undefined;
      const declared = declaredClusters(c);
      if (c.args[0] === 'run' && !c.args.includes('--shard') && declared && summary?.clusters) {
        const missing = declared.filter((n) => !Object.prototype.hasOwnProperty.call(summary.clusters, n));
        if (missing.length > 0) out.push({ kind: 'lost-name', detail: `clusters ${show(missing.join(', '))} missing from the summary` });
      }
    } catch (e) {
      out.push({ kind: 'not-json', detail: `${(e as Error).message}: ${show(r.stdout)}` });
    }
  }
  if (r.repeatStdout !== undefined && (r.repeatCode !== r.code || r.repeatStdout !== r.stdout)) {
    out.push({ kind: 'nondeterministic', detail: `a second run gave exit ${r.repeatCode} and ${r.repeatStdout === r.stdout ? 'the same' : 'different'} stdout` });
  }
  return out;
}
