// The fault matrix of the issue, against real servers on 127.0.0.1: what the client does when
// the network or the server misbehaves. Attempts are counted by the server (or, when nothing
// listens, by the client's onRetry hook).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  VpsApiError,
  VpsConnectionError,
  VpsInvalidResponseError,
  VpsTimeoutError,
} from '../src/index.js';
import { rejection, testClient } from './support/client.js';
import { tracked, turn, until, useTestClock } from './support/clock.js';
import { activeServer, closeAllServers, json, refusedUrl, startServer } from './support/http-server.js';

afterEach(async () => {
  vi.useRealTimers();
  await closeAllServers();
});

describe('connection failures', () => {
  it('a refused connection is retried maxRetries times, then throws VpsConnectionError', async () => {
    const url = await refusedUrl();
    const { client, retries } = testClient(url);
    const error = await rejection(client.servers.get(1));
    expect(error).toBeInstanceOf(VpsConnectionError);
    expect(error).not.toBeInstanceOf(VpsTimeoutError);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${url}/servers/1/`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(retries.map((r) => r.retry)).toEqual([1, 2]);
    expect(retries.every((r) => r.status === undefined && r.error instanceof VpsConnectionError)).toBe(true);
  });

  it('a connection reset mid-body is retried, and the retry succeeds', async () => {
    const server = await startServer((req, res, { attempt }) => {
      if (attempt === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"id": 12345, "na');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      }
      json(res, 200, activeServer);
    });
    const { client, retries } = testClient(server.url);
    await expect(client.servers.get(12345)).resolves.toEqual(activeServer);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]?.error).toBeInstanceOf(VpsConnectionError);
  });

  it('a connection reset every time ends in VpsConnectionError after 1 + maxRetries attempts', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"id":');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const { client } = testClient(server.url, { maxRetries: 3 });
    const error = await rejection(client.servers.get(1));
    expect(error).toBeInstanceOf(VpsConnectionError);
    expect(server.requests).toHaveLength(4);
  });

  it('a reset before any response on a POST without idempotency key is not retried', async () => {
    const server = await startServer((req) => req.socket.destroy());
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.create({ name: 'web', plan_id: 1, os_id: 5, location: 'us-west' }));
    expect(error).toBeInstanceOf(VpsConnectionError);
    expect(error.method).toBe('POST');
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('a response that hangs past timeoutMs throws VpsTimeoutError, once per attempt', async () => {
    useTestClock();
    const server = await startServer(() => {
      /* never answers */
    });
    // No backoff (a 0 ms wait): the retry follows as soon as the clock moves at all.
    const { client, retries } = testClient(server.url, { timeoutMs: 250, maxRetries: 1, retry: { baseDelayMs: 0 } });
    const call = tracked(rejection(client.servers.get(7)));
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(249);
    await turn();
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // 250 ms into the attempt
    await until(() => retries.length === 1);
    expect(retries[0]).toMatchObject({ retry: 1, delayMs: 0, status: undefined });
    expect(retries[0]!.error).toBeInstanceOf(VpsTimeoutError);
    await vi.advanceTimersByTimeAsync(1); // the retry's wait
    await until(() => server.requests.length === 2);
    await vi.advanceTimersByTimeAsync(250);
    const error = await call.promise;
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(error).toBeInstanceOf(VpsConnectionError);
    expect(error.timeoutMs).toBe(250);
    expect(error.message).toBe(`GET ${server.url}/servers/7/ timed out after 250 ms`);
    expect(server.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
  });

  it('the timeout also covers a body that stops arriving', async () => {
    useTestClock();
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":1,');
    });
    let headersIn = false;
    const { client } = testClient(server.url, {
      timeoutMs: 100,
      maxRetries: 0,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        headersIn = true;
        return response;
      },
    });
    const call = tracked(rejection(client.servers.get(1)));
    await until(() => headersIn); // the status and headers are in: only the body is awaited now
    await vi.advanceTimersByTimeAsync(99);
    await turn();
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await call.promise).toBeInstanceOf(VpsTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call timeoutMs overrides the client one', async () => {
    const server = await startServer(() => {});
    const { client } = testClient(server.url, { timeoutMs: 30_000, maxRetries: 0 });
    const error = await rejection(client.servers.get(1, { timeoutMs: 80 }));
    expect(error).toBeInstanceOf(VpsTimeoutError);
    expect(error.timeoutMs).toBe(80);
  });
});

describe('429 and Retry-After', () => {
  it('honours Retry-After in seconds', async () => {
    useTestClock();
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1
        ? json(res, 429, { code: 'rate_limited', message: 'Slow down.' }, { 'retry-after': '1' })
        : json(res, 200, activeServer),
    );
    const { client, retries } = testClient(server.url);
    const call = tracked(client.servers.get(12345));
    await until(() => retries.length === 1);
    expect(retries[0]).toMatchObject({ status: 429, delayMs: 1000, retry: 1 });
    await vi.advanceTimersByTimeAsync(999);
    await turn();
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call.promise).resolves.toEqual(activeServer);
    expect(server.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // The clock stands still until the test moves it: the server's "3 s from now" (a whole
    // second, as HTTP dates are) is exactly 3 s from when the client reads it.
    useTestClock('2025-01-16T15:30:00.000Z');
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1
        ? json(res, 429, { code: 'rate_limited', message: 'Slow down.' }, {
            'retry-after': new Date(Date.now() + 3000).toUTCString(),
          })
        : json(res, 200, activeServer),
    );
    const { client, retries } = testClient(server.url);
    const call = tracked(client.servers.get(12345));
    await until(() => retries.length === 1);
    expect(retries[0]).toMatchObject({ status: 429, delayMs: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    await expect(call.promise).resolves.toEqual(activeServer);
    expect(server.requests).toHaveLength(2);
  });

  it('prefers retry-after-ms, and caps what the server asks at maxRetryAfterMs', async () => {
    const server = await startServer((_req, res, { attempt }) => {
      if (attempt === 1) return json(res, 429, {}, { 'retry-after-ms': '25', 'retry-after': '30' });
      if (attempt === 2) return json(res, 429, {}, { 'retry-after': '3600' });
      json(res, 200, activeServer);
    });
    const { client, retries } = testClient(server.url, { retry: { maxRetryAfterMs: 50 } });
    await client.servers.get(12345);
    expect(retries.map((r) => r.delayMs)).toEqual([25, 50]);
  });

  it('gives up with RateLimitError carrying the body and request id', async () => {
    const server = await startServer((_req, res) =>
      json(res, 429, { code: 'rate_limited', message: 'Too many requests.' }, { 'retry-after-ms': '5', 'x-request-id': 'req_429' }),
    );
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      method: 'GET',
      url: `${server.url}/servers/`,
      requestId: 'req_429',
      body: { code: 'rate_limited', message: 'Too many requests.' },
    });
    expect(server.requests).toHaveLength(3);
  });
});

describe('5xx', () => {
  it('503 then 200: one retry, within the first backoff bound', async () => {
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1 ? json(res, 503, { code: 'unavailable', message: 'Try again.' }) : json(res, 200, activeServer),
    );
    const { client, retries } = testClient(server.url);
    await expect(client.servers.get(12345)).resolves.toEqual(activeServer);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]!.status).toBe(503);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(0);
    expect(retries[0]!.delayMs).toBeLessThan(10);
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', async () => {
    const server = await startServer((_req, res) => json(res, 500, { code: 'internal_error', message: 'Boom.' }));
    const { client, retries } = testClient(server.url, { maxRetries: 5, retry: { baseDelayMs: 8, maxDelayMs: 40 } });
    const error = await rejection(client.servers.get(1));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(6);
    const caps = [8, 16, 32, 40, 40];
    expect(retries.map((r) => r.retry)).toEqual([1, 2, 3, 4, 5]);
    retries.forEach((r, i) => {
      expect(r.delayMs).toBeGreaterThanOrEqual(0);
      expect(r.delayMs).toBeLessThan(caps[i]!);
    });
  });

  it('a non-JSON error body is kept as text', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('upstream exploded');
    });
    const { client } = testClient(server.url, { maxRetries: 0 });
    const error = await rejection(client.servers.get(3));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('upstream exploded');
    expect(error.message).toContain('upstream exploded');
  });

  it('an HTML 502 page becomes InternalServerError with the page as body, after the retries', async () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const server = await startServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req_502' });
      res.end(page);
    });
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.get(3));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: page, requestId: 'req_502', method: 'GET' });
    expect(server.requests).toHaveLength(3);
  });

  it('x-should-retry: true makes another status retryable', async () => {
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1 ? json(res, 422, { code: 'busy', message: 'Locked.' }, { 'x-should-retry': 'true' }) : json(res, 200, activeServer),
    );
    const { client, retries } = testClient(server.url);
    await expect(client.servers.get(12345)).resolves.toEqual(activeServer);
    expect(retries.map((r) => r.status)).toEqual([422]);
  });

  it('x-should-retry: false stops retrying', async () => {
    const server = await startServer((_req, res) => json(res, 503, {}, { 'x-should-retry': 'false' }));
    const { client } = testClient(server.url);
    await rejection(client.servers.get(1));
    expect(server.requests).toHaveLength(1);
  });
});

describe('bodies', () => {
  it('an empty 204 on delete resolves to undefined', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { client } = testClient(server.url);
    await expect(client.servers.delete(12345)).resolves.toBeUndefined();
    expect(server.requests).toEqual([expect.objectContaining({ method: 'DELETE', url: '/servers/12345/' })]);
  });

  it('malformed JSON on a 200 throws VpsInvalidResponseError with the text, not retried', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bad' });
      res.end('{"id": 12345, "name": ');
    });
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.get(12345));
    expect(error).toBeInstanceOf(VpsInvalidResponseError);
    expect(error).toBeInstanceOf(VpsApiError);
    expect(error).toMatchObject({ status: 200, body: '{"id": 12345, "name": ', requestId: 'req_bad' });
    expect(error.message).toContain('not the expected JSON');
    expect(server.requests).toHaveLength(1);
  });

  it('an empty 200 where JSON is promised is an error too', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '0' });
      res.end();
    });
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.get(1));
    expect(error).toBeInstanceOf(VpsInvalidResponseError);
    expect(error.message).toContain('empty');
  });

  it('4xx errors are not retried and map to their class', async () => {
    const server = await startServer((req, res) =>
      req.url === '/servers/404/'
        ? json(res, 404, { code: 'not_found', message: 'Server not found.' }, { 'x-request-id': 'req_404' })
        : json(res, 400, { code: 'invalid_request', message: 'Invalid parameters.', details: [{ field: 'name', message: 'Bad.' }] }),
    );
    const { client } = testClient(server.url);
    const notFound = await rejection(client.servers.get(404));
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe(`GET ${server.url}/servers/404/ failed with 404: not_found: Server not found. (request id req_404)`);
    const bad = await rejection(client.servers.patch(1, { name: 'x' }));
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad.body.details).toEqual([{ field: 'name', message: 'Bad.' }]);
    expect(server.requests).toHaveLength(2);
  });
});
