import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, VpsWaitTimeoutError } from '../src/index.js';
import { createWaitFor } from '../src/wait-for.js';
import { rejection, testClient } from './support/client.js';
import { tracked, until, useTestClock } from './support/clock.js';
import { activeServer, closeAllServers, json, startServer } from './support/http-server.js';

afterEach(async () => {
  vi.useRealTimers();
  await closeAllServers();
});

/** A server whose status follows `statuses`, staying on the last one. */
const serverWithStatuses = (statuses: string[]) =>
  startServer((_req, res, { attempt }) =>
    json(res, 200, { ...activeServer, status: statuses[Math.min(attempt, statuses.length) - 1] }),
  );

describe('servers.waitFor', () => {
  it('polls until the server reaches the status and returns it', async () => {
    const server = await serverWithStatuses(['provisioning', 'provisioning', 'active']);
    const { client } = testClient(server.url);
    const ready = await client.servers.waitFor(12345, 'active', { intervalMs: 10 });
    expect(ready.status).toBe('active');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('GET /servers/12345/'));
  });

  it('accepts several statuses', async () => {
    const server = await serverWithStatuses(['stopping', 'stopped']);
    const { client } = testClient(server.url);
    expect((await client.servers.waitFor(1, ['stopped', 'suspended'], { intervalMs: 10 })).status).toBe('stopped');
  });

  it('times out with VpsWaitTimeoutError naming the last status seen', async () => {
    useTestClock();
    const server = await serverWithStatuses(['provisioning']);
    const { client } = testClient(server.url);
    // The client's own servers.get, counting the polls it answered.
    const polls: string[] = [];
    const waitFor = createWaitFor(async (id, options) => {
      const found = await client.servers.get(id, options);
      polls.push(found.status);
      return found;
    });
    const call = tracked(rejection(waitFor(12345, 'active', { timeoutMs: 1000, intervalMs: 20 })));
    await until(() => polls.length === 1);
    await vi.advanceTimersByTimeAsync(20); // the interval: the second poll
    await until(() => polls.length === 2);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000 - 20); // the deadline, with the third poll in flight or waiting
    const error = await call.promise;
    expect(error).toBeInstanceOf(VpsWaitTimeoutError);
    expect(error).toMatchObject({ serverId: 12345, lastStatus: 'provisioning', timeoutMs: 1000, expectedStatus: ['active'] });
    expect(error.message).toBe(
      'Server 12345 did not reach status active within 1000 ms; last status seen: provisioning',
    );
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('a timeout while the first poll hangs says no status was seen', async () => {
    const server = await startServer(() => {});
    const { client } = testClient(server.url);
    const error = await rejection(client.servers.waitFor(1, 'active', { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(VpsWaitTimeoutError);
    expect(error.lastStatus).toBeUndefined();
    expect(error.message).toContain('no status was seen');
  });

  it('API errors end the wait as they are', async () => {
    const server = await startServer((_req, res) => json(res, 404, { code: 'not_found', message: 'Server not found.' }));
    const { client } = testClient(server.url);
    expect(await rejection(client.servers.waitFor(9, 'active', { intervalMs: 10 }))).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  it('the caller signal stops the wait with its reason', async () => {
    const server = await serverWithStatuses(['provisioning']);
    const { client } = testClient(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const error = await rejection(
      client.servers.waitFor(1, 'active', { intervalMs: 10, timeoutMs: 60_000, signal: controller.signal }),
    );
    expect(error.name).toBe('AbortError');
  });
});
