import { createVpsClient, type RetryEvent, type VpsClientOptions } from '../../src/index.js';

export const TEST_TOKEN = 'vps_test_7f3a9c1e5b2d4086';

/** A client for a test server with small retry delays, recording every retry it makes. */
export function testClient(baseUrl: string, options: VpsClientOptions = {}) {
  const retries: RetryEvent[] = [];
  const client = createVpsClient({
    token: TEST_TOKEN,
    baseUrl,
    ...options,
    retry: { baseDelayMs: 10, maxDelayMs: 40, onRetry: (event) => retries.push(event), ...options.retry },
  });
  return { client, retries };
}

/** The rejection of a promise that must reject (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
