import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // Builds the docs once, into .artifacts/test-dist, for every test file.
    globalSetup: ['test/setup/build-once.mjs'],
    // Prism, Chromium and Redocly are each a busy process; on 2 cores, one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
