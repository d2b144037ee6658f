import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Limits that only catch a hang: these tests run redocly and compilers in child processes, which a
    // loaded 2-core CI machine slows many times over; nothing here asserts time.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
