import { defineConfig } from 'vitest/config';

// The dev-loop tests start real processes (Prism, docs builds): give them time, and run the
// files one after another on this 2-core machine so they do not starve each other.
export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
