import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default is one worker less than the cores: one on the 2-core reference machine.
    // Most test time is spent in spawned CLI runs, so two workers use both cores.
    maxWorkers: 2,
    hookTimeout: 120_000,
    // One fast-check seed per run, printed and replayable with FC_SEED (docs/testing.md).
    globalSetup: ['test/_setup/fastCheckGlobalSetup.ts'],
    setupFiles: ['test/_setup/configureFastCheck.ts'],
  },
});
