/** The vitest configuration Stryker uses: the suite without the tests that run the built CLI from dist/. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // These spawn dist/ (built by `npm run build`), which mutants never reach: running them would
    // only slow every mutation run down.
    exclude: ['test/cli/**', 'test/lab/cli.test.ts', 'test/lab/agreement.test.ts', 'test/lab/browser.test.ts', 'test/explain/cli.test.ts', 'test/report/browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
