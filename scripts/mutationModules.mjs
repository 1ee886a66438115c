// The core modules that `npm run mutate` tests (issue 19), each with the files Stryker mutates and the tests that judge them.

/**
 * Left out as not logic: index.ts re-exports, kernel/SimTime.ts (a type and unit constants),
 * analytic/AnalyticResult.ts (types only). Of renderCsv.ts only csvField (the quoting and the
 * formula neutralisation) is mutated; the rest lays out columns.
 */
export const MODULES = [
  {
    name: 'kernel',
    mutate: ['src/kernel/**/*.ts', '!src/kernel/index.ts', '!src/kernel/SimTime.ts'],
    tests: ['test/kernel/**/*.test.ts'],
  },
  {
    name: 'quorum',
    mutate: ['src/quorum/**/*.ts', '!src/quorum/index.ts'],
    tests: ['test/quorum/**/*.test.ts'],
  },
  {
    name: 'raft',
    mutate: ['src/model/raft/**/*.ts'],
    tests: ['test/model/raft/**/*.test.ts'],
  },
  {
    name: 'lifecycle',
    mutate: ['src/model/NodeLifecycle.ts', 'src/model/ZoneTainter.ts', 'src/model/nodeHeartbeat.ts', 'src/model/evictionRate.ts'],
    tests: ['test/model/NodeLifecycle.test.ts', 'test/model/nodeHeartbeat.test.ts', 'test/model/evictionRate.test.ts'],
  },
  {
    name: 'statistics',
    mutate: ['src/experiment/statistics.ts'],
    tests: ['test/experiment/statistics.test.ts'],
  },
  // analytic in two runs (its public closed forms and chains, then its internals) so that each
  // fits in half an hour on two cores; both are judged by all of test/analytic.
  {
    name: 'analytic',
    mutate: ['src/analytic/*.ts', '!src/analytic/index.ts', '!src/analytic/AnalyticResult.ts'],
    tests: ['test/analytic/**/*.test.ts'],
  },
  {
    name: 'analytic-internals',
    mutate: ['src/analytic/_internals/**/*.ts'],
    tests: ['test/analytic/**/*.test.ts'],
  },
  {
    name: 'escaping',
    mutate: ['src/report/escape.ts', 'src/report/renderCsv.ts:25-31'],
    tests: ['test/report/safety.test.ts', 'test/report/renderCsv.test.ts'],
  },
];
