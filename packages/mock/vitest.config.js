import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    // Two mocks for the whole suite (static and stateful); files that need their own start and stop them.
    globalSetup: ['test/global-setup.js'],
    // Fails any test that got an answer Prism found to break the spec.
    setupFiles: ['test/support/no-violations.js'],
    // Prism takes seconds to start on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
