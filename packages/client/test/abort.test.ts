// The caller's AbortSignal always wins: the call rejects with the signal's reason at once,
// whether the request is in flight or waiting to retry, and nothing is retried after it.
// The servers abort the caller's controller themselves, so the order of events is fixed.
import { afterEach, describe, expect, it } from 'vitest';
import { VpsError, type RetryEvent } from '../src/index.js';
import { rejection, testClient } from './support/client.js';
import { closeAllServers, json, startServer } from './support/http-server.js';

afterEach(closeAllServers);

describe('caller abort', () => {
  it('aborting an in-flight request rejects with an AbortError and is not retried', async () => {
    const controller = new AbortController();
    const server = await startServer(() => controller.abort()); // received, never answered
    const { client, retries } = testClient(server.url, { timeoutMs: 10_000 });
    const error = await rejection(client.servers.get(1, { signal: controller.signal }));
    expect(error.name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(VpsError);
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('the abort reason given by the caller is what the call rejects with', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const server = await startServer(() => controller.abort(reason));
    const { client } = testClient(server.url);
    expect(await rejection(client.servers.list(undefined, { signal: controller.signal }))).toBe(reason);
  });

  it('aborting during a retry wait stops at once', async () => {
    const controller = new AbortController();
    const server = await startServer((_req, res) => json(res, 503, {}, { 'retry-after': '30' }));
    const retries: RetryEvent[] = [];
    const { client } = testClient(server.url, {
      retry: {
        onRetry: (event) => {
          retries.push(event);
          setTimeout(() => controller.abort(), 20); // once the 30 s wait has begun
        },
      },
    });
    const error = await rejection(client.servers.get(1, { signal: controller.signal }));
    expect(error.name).toBe('AbortError');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBe(30_000);
    expect(server.requests).toHaveLength(1);
    // Had the 30 s wait been sat out, the test would time out (testTimeout 20 s).
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await startServer((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.get(1, { signal: AbortSignal.abort() }));
    expect(error.name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });

  it('a raw call with a signal is aborted the same way', async () => {
    const controller = new AbortController();
    const server = await startServer(() => controller.abort());
    const { client } = testClient(server.url);
    const error = await rejection(
      client.raw.GET('/servers/{server_id}/', { params: { path: { server_id: 1 } }, signal: controller.signal }),
    );
    expect(error.name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });
});
