/** Whether a finite chain has exactly one closed class, the condition for a unique stationary distribution. */
import type { Ctmc } from '../Ctmc.js';

/**
 * True when some state can be reached from every state, which for a finite chain means exactly
 * one closed communicating class. Finds a state r of a closed class by walking to a state that
 * cannot lead back (the set reachable from r strictly shrinks each step), then checks that every
 * state reaches r. mathjs' lusolve cannot be asked instead: on a singular but consistent system
 * it returns one of the many solutions without a word.
 */
export function hasSingleClosedClass(c: Ctmc): boolean {
  const forward = Array.from({ length: c.states }, () => [] as number[]);
  const backward = Array.from({ length: c.states }, () => [] as number[]);
  for (const t of c.transitions) {
    if (t.rate > 0 && t.from !== t.to) {
      forward[t.from]!.push(t.to);
      backward[t.to]!.push(t.from);
    }
  }
  let r = 0;
  for (;;) {
    const from = reach(forward, r);
    const to = reach(backward, r);
    const away = from.findIndex((x, s) => x && !to[s]);
    if (away < 0) return to.every(Boolean);
    r = away;
  }
}

function reach(edges: readonly (readonly number[])[], start: number): boolean[] {
  const seen = new Array<boolean>(edges.length).fill(false);
  const stack = [start];
  seen[start] = true;
  while (stack.length > 0) {
    for (const next of edges[stack.pop()!]!) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return seen;
}
