import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    // Pack and install the CLI once for the whole suite (test/global-setup.js).
    globalSetup: ['test/global-setup.js'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
