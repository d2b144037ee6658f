// Which calls are retried: idempotent methods by default; POSTs (create, start, stop, reboot)
// only with an idempotency key, sent unchanged on every attempt.
import { afterEach, describe, expect, it } from 'vitest';
import { InternalServerError } from '../src/index.js';
import { rejection, testClient } from './support/client.js';
import { activeServer, closeAllServers, json, startServer } from './support/http-server.js';

afterEach(closeAllServers);

const alwaysUnavailable = () =>
  startServer((_req, res) => json(res, 503, { code: 'unavailable', message: 'Try again later.' }));

const newServer = { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west' };

describe('retry policy', () => {
  it.each([
    ['get', (c: ReturnType<typeof testClient>['client']) => c.servers.get(1)],
    ['list', (c: ReturnType<typeof testClient>['client']) => c.servers.list()],
    ['update (PUT)', (c: ReturnType<typeof testClient>['client']) => c.servers.update(1, { name: 'a', hostname: 'a.example.com', backups_enabled: true })],
    ['delete', (c: ReturnType<typeof testClient>['client']) => c.servers.delete(1)],
  ])('%s is retried by default (3 attempts)', async (_name, run) => {
    const server = await alwaysUnavailable();
    const { client } = testClient(server.url);
    expect(await rejection(run(client))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['create', (c: ReturnType<typeof testClient>['client']) => c.servers.create(newServer)],
    ['patch', (c: ReturnType<typeof testClient>['client']) => c.servers.patch(1, { name: 'b' })],
    ['start', (c: ReturnType<typeof testClient>['client']) => c.servers.start(1)],
    ['stop', (c: ReturnType<typeof testClient>['client']) => c.servers.stop(1)],
    ['reboot', (c: ReturnType<typeof testClient>['client']) => c.servers.reboot(1)],
  ])('%s is not retried without an idempotency key', async (_name, run) => {
    const server = await alwaysUnavailable();
    const { client } = testClient(server.url);
    expect(await rejection(run(client))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it.each(['start', 'stop', 'reboot'] as const)(
    '%s with an idempotency key is retried, with the same key every time',
    async (action) => {
      const server = await alwaysUnavailable();
      const { client } = testClient(server.url);
      await rejection(client.servers[action](12345, { idempotencyKey: 'reboot-2025-01-16-1' }));
      expect(server.requests.map((r) => [r.method, r.url, r.headers['idempotency-key']])).toEqual(
        Array(3).fill(['POST', `/servers/12345/${action}/`, 'reboot-2025-01-16-1']),
      );
    },
  );

  it('create with an idempotency key re-sends the same body on every attempt', async () => {
    const server = await startServer((_req, res, { attempt }) =>
      attempt < 3 ? json(res, 500, {}) : json(res, 201, { ...activeServer, message: 'Provisioning.' }),
    );
    const { client } = testClient(server.url);
    const created = await client.servers.create(newServer, { idempotencyKey: 'create-web-02' });
    expect(created.message).toBe('Provisioning.');
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([newServer, newServer, newServer]);
  });

  it('PUT re-sends its body on every attempt', async () => {
    const server = await alwaysUnavailable();
    const { client } = testClient(server.url);
    const replacement = { name: 'a', hostname: 'a.example.com', backups_enabled: false };
    await rejection(client.servers.update(1, replacement));
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([replacement, replacement, replacement]);
  });

  it('maxRetries: 0 on the client disables retrying; per call it overrides the client', async () => {
    const server = await alwaysUnavailable();
    const { client } = testClient(server.url, { maxRetries: 0 });
    await rejection(client.servers.get(1));
    expect(server.requests).toHaveLength(1);
    await rejection(client.servers.get(1, { maxRetries: 4 }));
    expect(server.requests).toHaveLength(1 + 5);
  });

  it('the raw surface retries too, re-sending a real Request body with an idempotency key', async () => {
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1 ? json(res, 503, {}) : json(res, 201, { ...activeServer, message: 'ok' }),
    );
    const { client } = testClient(server.url);
    const { data, response } = await client.raw.POST('/servers/', {
      body: newServer,
      headers: { 'Idempotency-Key': 'raw-1' },
    });
    expect(response.status).toBe(201);
    expect(data?.message).toBe('ok');
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([newServer, newServer]);
  });

  it('a raw POST without a key is sent once', async () => {
    const server = await alwaysUnavailable();
    const { client } = testClient(server.url);
    const { error, response } = await client.raw.POST('/servers/{server_id}/start/', {
      params: { path: { server_id: 1 } },
    });
    expect(response.status).toBe(503);
    expect(error).toEqual({ code: 'unavailable', message: 'Try again later.' });
    expect(server.requests).toHaveLength(1);
  });
});
