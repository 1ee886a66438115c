// The vitest configuration Stryker runs: only the tests of the module being mutated (scripts/mutationModules.mjs).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';
import { MODULES } from './scripts/mutationModules.mjs';

// Chosen here rather than with Stryker's own `testFiles`: with `testFiles`, Stryker 9.6.1 (and
// 10.0) activates "static" mutants (in code run while a module loads, such as a constant table)
// after the module has loaded, so they survive whatever the tests check (stryker-js issue 6144).
const only = process.env.KUBESIM_MUTATE_MODULE;
const modules = only ? MODULES.filter((m) => m.name === only) : MODULES;

// A fixed fast-check seed (FC_SEED, or the one in scripts/mutationSetup.ts): a property test
// that draws new cases each run would kill a mutant one run and spare it the next.
const setupFiles = [...[base.test?.setupFiles ?? []].flat(), './scripts/mutationSetup.ts'];

export default defineConfig({
  ...base,
  test: { ...base.test, include: modules.flatMap((m) => m.tests), setupFiles, isolate: process.env.KUBESIM_MUTATE_ISOLATE !== '0' },
});
