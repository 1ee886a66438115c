/** The unconstrained vector of a family whose parameters are all positive: their logarithms, in a fixed order. */
import type { Family, Params } from './Family.js';

export function logParams(names: readonly string[]): Pick<Family, 'paramNames' | 'toVector' | 'fromVector'> {
  return {
    paramNames: names,
    toVector: (p: Params) => names.map((n) => Math.log(p[n]!)),
    fromVector: (v: readonly number[]) => Object.fromEntries(names.map((n, i) => [n, Math.exp(v[i]!)])),
  };
}
