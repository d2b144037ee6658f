import { defineConfig } from 'vitest/config';

// Each example runs as its own process against one real sandbox (Prism + the stateful engine).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
