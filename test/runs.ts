/** The number of runs for a property, scaled by FC_RUNS_SCALE (docs/testing.md): `fc.assert(p, { numRuns: runs(300) })`. */
import { inject } from 'vitest';
import { scaledRuns } from './_setup/fastCheckEnv.js';

export function runs(n: number): number {
  // Unscaled under a vitest configuration without test/_setup/fastCheckGlobalSetup.ts.
  const scale = inject('fcRunsScale') as number | undefined;
  return scaledRuns(n, scale ?? 1);
}
