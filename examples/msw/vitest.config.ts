import { defineConfig } from 'vitest/config';

// The sandbox of @vpsorg/mock/msw for every test file (setup.ts).
export default defineConfig({
  test: { include: ['*.test.ts'], setupFiles: ['./setup.ts'] },
});
