import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One fast-check seed per run, printed and replayable with FC_SEED (docs/testing.md).
    globalSetup: ['test/_setup/fastCheckGlobalSetup.ts'],
    setupFiles: ['test/_setup/configureFastCheck.ts'],
  },
});
