import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    // One Prism for the whole suite; files that need their own start it and stop it.
    globalSetup: ['test/global-setup.js'],
    // Prism takes seconds to start on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
