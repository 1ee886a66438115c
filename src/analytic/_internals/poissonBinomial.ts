/** Counts of independent, non-identical members up: the distribution of how many are up. */
import type { Split } from '../kOfN.js';

/**
 * P(exactly j of the parts are up) for j = 0..n, by the usual recurrence over parts. Every step
 * multiplies and adds positive numbers only, so small probabilities keep their relative precision.
 */
export function upCountDistribution(parts: readonly Split[]): number[] {
  let dist = [1];
  for (const p of parts) {
    const next = new Array<number>(dist.length + 1).fill(0);
    for (let j = 0; j < dist.length; j++) {
      next[j]! += dist[j]! * p.down;
      next[j + 1]! += dist[j]! * p.up;
    }
    dist = next;
  }
  return dist;
}

/** P(at least k of the parts up) and its complement, each summed directly. */
export function atLeast(k: number, parts: readonly Split[]): Split {
  const dist = upCountDistribution(parts);
  let up = 0;
  let down = 0;
  dist.forEach((p, j) => {
    if (j >= k) up += p;
    else down += p;
  });
  return { up, down };
}
