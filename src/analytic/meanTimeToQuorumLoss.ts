/** Mean time from all members up to the first loss of quorum, for identical exponential members. */
import { answer, type Answer } from './Answer.js';
import { quorumSize } from '../quorum/index.js';
import { meanTimeToAbsorption, type Transition } from './Ctmc.js';

/**
 * Mean time to quorum loss from all up, for n members failing at rate `lambda` each and repaired
 * by `crews` crews of rate `mu` each (default: one per member, as in the simulation). The chain
 * counts members down; losing quorum (more than n - k down) absorbs. Solved as a linear system of
 * first-passage times (Ctmc.meanTimeToAbsorption). For n = 3, k = 2 this is
 * (5 lambda + mu) / (6 lambda^2) (domain.md), whatever the number of crews.
 */
export function meanTimeToQuorumLoss(
  n: number,
  lambda: number,
  mu: number,
  crews: number = n,
  k: number = quorumSize(n),
): Answer<number> {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(crews) || crews < 1 || !Number.isInteger(k)) {
    throw new RangeError(`meanTimeToQuorumLoss needs whole numbers n >= 1, crews >= 1 and k, found ${n}, ${crews}, ${k}`);
  }
  if (!(lambda > 0) || !(mu >= 0) || !Number.isFinite(lambda + mu)) {
    throw new RangeError(`meanTimeToQuorumLoss needs lambda > 0 and mu >= 0, found ${lambda}, ${mu}`);
  }
  if (k <= 0) return answer(Infinity);
  if (k > n) return answer(0);
  const transitions: Transition[] = [];
  for (let j = 0; j < n; j++) {
    transitions.push({ from: j, to: j + 1, rate: (n - j) * lambda });
    transitions.push({ from: j + 1, to: j, rate: Math.min(j + 1, crews) * mu });
  }
  const times = meanTimeToAbsorption({ states: n + 1, transitions }, (down) => down > n - k);
  return times.ok ? answer(times.value[0]!) : times;
}
