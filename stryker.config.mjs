// Mutation testing of the core with StrykerJS (docs/mutation.md): `npm run mutate`, not part of `npm test` or CI.
import { MODULES } from './scripts/mutationModules.mjs';

// scripts/mutate.mjs runs Stryker once per module with KUBESIM_MUTATE_MODULE set; without it,
// Stryker takes every core module at once (and each mutant is tested by all the modules' tests).
const only = process.env.KUBESIM_MUTATE_MODULE;
const modules = only ? MODULES.filter((m) => m.name === only) : MODULES;
if (modules.length === 0) throw new Error(`stryker.config.mjs: no core module named ${only}; known: ${MODULES.map((m) => m.name).join(', ')}`);
const out = only ? `reports/mutation/${only}` : 'reports/mutation/all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // vitest.stryker.config.mjs picks the same modules' tests (see there why not Stryker's testFiles).
  vitest: { configFile: 'vitest.stryker.config.mjs', related: true },
  // Each module is judged by its own tests (test/ mirrors src/), not by the whole suite: a mutant
  // that only an end-to-end run or a golden transcript notices is one that no test pins down.
  // (The whole suite would also take days on two cores: its scenario runs cover every line of
  // the kernel, and code a test file runs while it is loaded makes "static" mutants, each of
  // which reruns every test.)
  mutate: modules.flatMap((m) => m.mutate),
  coverageAnalysis: 'perTest',
  // No TypeScript checker: it type-checks the project once per mutant, which on two shared cores
  // costs more than the covering tests. vitest strips types, so a mutant that would not compile
  // still runs; the few such mutants are counted as killed or survived like any other.
  checkers: [],
  concurrency: 2,
  // Reuses the results of unchanged code and tests; the file is a cache, never needed in git.
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'test-output', 'bench', 'deploy'],
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${out}/mutation.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  timeoutMS: 10_000,
};
