import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    // Two mocks for the whole suite (static and stateful); files that need their own start and stop them.
    globalSetup: ['test/global-setup.js'],
    // Fails any test that got an answer Prism found to break the spec.
    setupFiles: ['test/support/no-violations.js'],
    // Limits that only catch a hang: tests run servers, compilers and browsers in child processes, which
    // a loaded 2-core CI machine slows many times over; nothing asserts time through them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
