// vitest set-up (vitest.config.ts `setupFiles`): the VPS.org sandbox in this process, answering
// the real API's URL (https://admin.vps.org/api/v1), reset after every test.
import { createSandboxHandlers } from '@vpsorg/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const sandbox = createSandboxHandlers();
export const server = setupServer(...sandbox.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());
