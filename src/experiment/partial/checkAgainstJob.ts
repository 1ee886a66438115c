/** Checks of partials against their rebuilt job: what the schema alone cannot know (each task's horizon). */
import type { NamedPartial } from './checkShardSet.js';

/**
 * How far up + down seconds may be from the horizon, relative to it: the sums add up thousands of
 * intervals in floating point (errors near 1e-16 each), so 1e-9 leaves room and still catches any edit.
 */
export const HORIZON_TOLERANCE = 1e-9;

/**
 * Every signal digest's up and down seconds add up to its task's horizon (and its downtime by
 * cause to its down seconds), every replication of a
 * task measures the same signals in the same order, and a task has at most one recorded trace,
 * over its horizon. `horizons` is each task's horizon in seconds, from the rebuilt job.
 */
export function checkAgainstJob(parts: readonly NamedPartial[], horizons: readonly number[]): string | undefined {
  const signalsOf: (string | undefined)[] = horizons.map(() => undefined);
  const traced = new Map<number, string>();
  for (const { name, partial } of parts) {
    for (const [t, digests] of partial.digests.entries()) {
      const horizon = horizons[t]!;
      for (const [r, d] of digests.entries()) {
        for (const [s, sig] of d.signals.entries()) {
          const total = sig.upSeconds + sig.downSeconds;
          if (Math.abs(total - horizon) > HORIZON_TOLERANCE * horizon) {
            return `${name}: digests[${t}][${r}].signals[${s}]: up and down seconds add up to ${total}, expected the horizon (${horizon} s)`;
          }
          if (sig.longestOutage > sig.downSeconds * (1 + HORIZON_TOLERANCE)) return `${name}: digests[${t}][${r}].signals[${s}].longestOutage: expected at most downSeconds (${sig.downSeconds}), found ${sig.longestOutage}`;
          const byCause = sig.downtimeByCause.reduce((a, [, x]) => a + x, 0);
          if (Math.abs(byCause - sig.downSeconds) > HORIZON_TOLERANCE * horizon) {
            return `${name}: digests[${t}][${r}].signals[${s}].downtimeByCause: adds up to ${byCause}, expected downSeconds (${sig.downSeconds})`;
          }
        }
        const names = d.signals.map((x) => `${x.cluster}/${x.signal}`).join(',');
        signalsOf[t] ??= names;
        if (signalsOf[t] !== names) return `${name}: digests[${t}][${r}].signals: expected the same signals as every other replication of task ${t + 1}`;
      }
    }
    for (const [i, { task, trace }] of partial.traces.entries()) {
      const other = traced.get(task);
      if (other !== undefined) return `${name}: traces[${i}]: task ${task + 1} is already traced in ${other}`;
      traced.set(task, name);
      if (trace.horizon !== horizons[task]) return `${name}: traces[${i}].trace.horizon: expected ${horizons[task]}, found ${trace.horizon}`;
    }
  }
  return undefined;
}
