/** The number of runs for a property, scaled by FC_RUNS_SCALE (docs/testing.md): `fc.assert(p, { numRuns: runs(300) })`. */
import { inject } from 'vitest';
import { scaledRuns } from './_setup/fastCheckEnv.js';

export function runs(n: number): number {
  return scaledRuns(n, inject('fcRunsScale'));
}
