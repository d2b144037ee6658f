import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // Its tests run pnpm, npm and set-ups in child processes; a loaded 2-core CI leg made a 7 s pack take
    // over 60 s. Nothing here asserts time, so the limit only catches a hang.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
