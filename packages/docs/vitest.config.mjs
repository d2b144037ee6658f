import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // Builds the docs once, into .artifacts/test-dist, for every test file.
    globalSetup: ['test/setup/build-once.mjs'],
    // Prism, Chromium and Redocly are each a busy process; on 2 cores, one file at a time.
    fileParallelism: false,
    // Limits that only catch a hang: tests run servers, compilers and browsers in child processes, which
    // a loaded 2-core CI machine slows many times over; nothing asserts time through them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
