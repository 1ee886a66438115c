/** Why a sweep's grid is refused, in a few lines: values wrong on their own (named by their --set flag), then points whose values cannot go together. */
import type { SweepParameter } from '../../experiment/sweep/index.js';
import type { Problem } from '../../scenario/index.js';
import { QUOTE_MAX_CHARACTERS, quoteValue } from '../../kernel/quoteValue.js';

/** One point of the grid as validated: the index of its value in each parameter's list, its label and every problem found (none when valid). */
export interface PointCheck {
  readonly indices: readonly number[];
  readonly label: string;
  readonly problems: readonly Problem[];
}

/** Groups of invalid points shown one line each; the rest are counted in one more line. */
const MAX_GROUP_LINES = 5;
/** Points named one by one when a group is not a sub-grid (every combination of some values). */
const MAX_LABELS = 3;

/**
 * The values that are wrong whatever they are combined with: set alone on the file they fail
 * (`alone[k][j]`, the first problem of value j of parameter k, or undefined), and the very same
 * problem (path and message) is found at every point of the grid that has them. One line each,
 * `--set path=value: path: message`, in flag order. A value that fails alone but passes, or
 * fails for another reason, beside some other value is not wrong on its own (`etcd.topology=
 * stacked` on a file with more members than control-plane nodes, swept beside fewer members).
 * `problemsAt(i)` validates point i (called only for the points that have a value wrong alone,
 * so that a typo in a 10,000-point grid is named without validating every point first).
 */
export function valuesWrongAlone(
  parameters: readonly SweepParameter[],
  alone: readonly (readonly (Problem | undefined)[])[],
  points: readonly { readonly indices: readonly number[] }[],
  problemsAt: (point: number) => readonly Problem[],
): string[] {
  const lines: string[] = [];
  parameters.forEach((p, k) => {
    p.values.forEach((v, j) => {
      const problem = alone[k]?.[j];
      if (problem === undefined) return;
      // Stops at the first point where the value goes: only the points that have it are validated.
      const everywhere = points.every((c, i) => c.indices[k] !== j || problemsAt(i).some((q) => sameProblem(q, problem)));
      if (everywhere) lines.push(`--set ${cut(p.path)}=${display(v)}: ${where(problem)}${problem.message}`);
    });
  });
  return lines;
}

/**
 * The invalid points, grouped by reason (the path and the message with its numbers left out, so
 * that `5 + 0` and `7 + 0` members over 3 nodes are one reason): a group is named as a sub-grid
 * (`the points with etcd.topology=stacked, etcd.members=5|7`) when it is one, else by its first
 * labels and a count. At most MAX_GROUP_LINES groups, then a count of the rest, then a last line
 * saying that nothing ran, why a sweep refuses rather than drops points, and what to change;
 * `hints` are fields the messages name that the sweep does not set (`controlPlane.nodes`).
 * Empty when every point is valid.
 */
export function invalidPointLines(parameters: readonly SweepParameter[], checks: readonly PointCheck[], hints: readonly string[]): string[] {
  const invalid = checks.filter((c) => c.problems.length > 0);
  if (invalid.length === 0) return [];
  const groups = new Map<string, PointCheck[]>();
  for (const c of invalid) {
    const key = reasonOf(c.problems[0]!);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  const shown = [...groups.values()].slice(0, MAX_GROUP_LINES);
  for (const members of shown) lines.push(groupLine(parameters, members, checks.length));
  const rest = invalid.length - shown.reduce((n, g) => n + g.length, 0);
  if (rest > 0) lines.push(`sweep: ${rest} more invalid ${rest === 1 ? 'point' : 'points'} for ${groups.size - shown.length} other ${groups.size - shown.length === 1 ? 'reason' : 'reasons'}`);
  const also = hints.length === 0 ? 'change the other values the message names' : `also --set ${hints.map((h) => `${h}=...`).join(' or ')}`;
  lines.push(
    `sweep: ${invalid.length} of ${checks.length} points ${invalid.length === 1 ? 'is' : 'are'} invalid and nothing ran: a sweep runs every point of its grid or none; drop the values that cannot go together, split the grid over several sweeps, or ${also}`,
  );
  return lines;
}

function groupLine(parameters: readonly SweepParameter[], members: readonly PointCheck[], total: number): string {
  const first = members[0]!;
  const problem = first.problems[0]!;
  if (members.length === 1) return `sweep point ${cut(first.label)}: ${where(problem)}${problem.message}`;
  const alike = members.every((m) => m.problems[0]!.message === problem.message && m.problems[0]!.path === problem.path);
  const message = alike ? problem.message : `${problem.message} (at ${cut(first.label)}; alike at the others)`;
  const name = nameGroup(parameters, members);
  return `${name === undefined ? `sweep: all ${total} points` : `sweep points ${name} (${members.length} of ${total})`}: ${where(problem)}${message}`;
}

/** `with a=1, b=2|3` when the group is every combination of those values (parameters at all their values left out), else its first labels; undefined for the whole grid. */
function nameGroup(parameters: readonly SweepParameter[], members: readonly PointCheck[]): string | undefined {
  const used = parameters.map((_, k) => [...new Set(members.map((m) => m.indices[k]!))].sort((a, b) => a - b));
  const combinations = used.reduce((n, u) => n * u.length, 1);
  if (combinations === members.length) {
    const fixed = parameters.flatMap((p, k) => (used[k]!.length === p.values.length ? [] : [`${cut(p.path)}=${used[k]!.map((j) => display(p.values[j])).join('|')}`]));
    return fixed.length === 0 ? undefined : `with ${fixed.join(', ')}`;
  }
  const named = members.slice(0, MAX_LABELS).map((m) => cut(m.label)).join('; ');
  return members.length > MAX_LABELS ? `${named} and ${members.length - MAX_LABELS} more` : named;
}

/** A reason to group by: the path and the message with every number replaced, so that points differing only in the counts a rule quotes are one reason. */
function reasonOf(p: Problem): string {
  return `${p.path}\u0000${p.message.replace(/\d+(\.\d+)?/g, '#')}`;
}

function sameProblem(a: Problem, b: Problem): boolean {
  return a.path === b.path && a.message === b.message;
}

function where(p: Problem): string {
  return p.path === '' ? '' : `${p.path}: `;
}

/** A --set value as it was given: strings bare, everything else as JSON; cut as any echoed value is when long (docs/inputs.md). */
export function display(v: unknown): string {
  return cut(typeof v === 'string' ? v : JSON.stringify(v));
}

/** Short text as it is (the messages' usual form: `--set etcd.members=3`); past 60 characters, quoteValue's cut with the full length. */
export function cut(text: string): string {
  return text.length <= QUOTE_MAX_CHARACTERS ? text : quoteValue(text);
}
