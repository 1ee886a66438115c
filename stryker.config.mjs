// Mutation testing of the core with StrykerJS (docs/mutation.md): `npm run mutate`, not part of `npm test` or CI.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { related: true },
  // Each module is judged by its own tests (test/ mirrors src/), not by the whole suite: a mutant
  // that only an end-to-end run or a golden transcript notices is one that no test pins down.
  // (The whole suite would also take days on two cores: its CLI tests spawn dist/, which is
  // never mutated, and its scenario runs cover every line of the kernel.)
  testFiles: [
    'test/kernel/**/*.test.ts',
    'test/quorum/**/*.test.ts',
    'test/model/**/*.test.ts',
    'test/experiment/statistics.test.ts',
    'test/analytic/**/*.test.ts',
    'test/report/safety.test.ts',
    'test/report/renderCsv.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // No TypeScript checker: it type-checks the whole project once per mutant, which on two shared
  // cores costs more than running the covering tests; a mutant that does not compile fails its
  // tests anyway (vitest strips types, so such mutants are rare and are counted as killed or survived).
  checkers: [],
  concurrency: 2,
  // Reuses earlier results for unchanged code and tests; the file is a cache, never needed in git.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'test-output', 'bench', 'deploy'],
  // The core of issue 19. Left out as not logic: index.ts re-exports, SimTime.ts (a type and unit
  // constants), AnalyticResult.ts (types only).
  mutate: [
    'src/kernel/**/*.ts',
    '!src/kernel/index.ts',
    '!src/kernel/SimTime.ts',
    'src/quorum/**/*.ts',
    '!src/quorum/index.ts',
    'src/model/raft/**/*.ts',
    'src/model/NodeLifecycle.ts',
    'src/model/evictionRate.ts',
    'src/experiment/statistics.ts',
    'src/analytic/**/*.ts',
    '!src/analytic/index.ts',
    '!src/analytic/AnalyticResult.ts',
    'src/report/escape.ts',
    'src/report/renderCsv.ts',
  ],
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  timeoutMS: 10_000,
};
