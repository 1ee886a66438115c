/** Vitest setup file: every property of the run uses the run's seed and the default number of runs, scaled. */
import fc from 'fast-check';
import { inject } from 'vitest';
import { scaledRuns } from './fastCheckEnv.js';

// fast-check's own default; a property that needs more or fewer says so with `runs(n)`.
const DEFAULT_RUNS = 100;

fc.configureGlobal({ seed: inject('fcSeed'), numRuns: scaledRuns(DEFAULT_RUNS, inject('fcRunsScale')) });
