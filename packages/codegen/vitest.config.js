import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    // Limits that only catch a hang: tests run servers, compilers and browsers in child processes, which
    // a loaded 2-core CI machine slows many times over; nothing asserts time through them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
