// @vpsorg/mock/msw in vitest, as a front-end developer uses it: msw/node's setupServer with the
// sandbox's handlers, and @vpsorg/client calling the production base URL. No server process: the
// engine answers in this process. Every mocked answer is checked against the spec (support/msw.js).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import {
  BadRequestError,
  createVpsClient,
  DEFAULT_BASE_URL,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
} from '@vpsorg/client';
import { createSandboxHandlers, createStaticHandlers, DEFAULT_QUOTA } from '../src/msw.js';
import { BAD_INPUTS } from './support/bad-inputs.js';
import { responseExample } from './support/spec.js';
import { checkedServer } from './support/msw.js';

const NEW_SERVER = { name: 'web-01', plan_id: 1, os_id: 5, location: 'us-west' };
const sandbox = createSandboxHandlers();
const STATIC_BASE = 'https://static.vps.test/api/v1';
const examples = createStaticHandlers({ baseUrl: STATIC_BASE });
const server = checkedServer(sandbox, examples);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

/** The SDK with no retries (every error surfaces from the first answer), created after listen(). */
const clientFor = (token, options = {}) => createVpsClient({ token, maxRetries: 0, ...options });

/** The error a call rejects with. */
const rejection = (promise) => promise.then(() => expect.unreachable('the call resolved'), (error) => error);

describe('createSandboxHandlers: the sandbox in-process', () => {
  it('serves the production base URL by default, starting each token with the spec seeds', async () => {
    expect(sandbox.baseUrl).toBe(DEFAULT_BASE_URL);
    const list = await clientFor('seeds').servers.list();
    expect(list.results.map((s) => s.id)).toEqual([12345, 12346]);
    expect(list.count).toBe(2);
    expect(sandbox.servers({ token: 'seeds' }).map((s) => [s.id, s.status])).toEqual([[12345, 'active'], [12346, 'active']]);
  });

  it('lives the lifecycle: create -> advance -> active -> stop -> stopped -> start -> reboot -> delete', async () => {
    const token = 'lifecycle';
    const client = clientFor(token);
    const created = await client.servers.create(NEW_SERVER);
    expect(created).toMatchObject({ id: 12347, name: 'web-01', status: 'provisioning', ip_address: null });
    expect((await client.servers.get(created.id)).status).toBe('provisioning');

    const waiting = client.servers.waitFor(created.id, 'active', { intervalMs: 10 });
    expect(sandbox.advance(300, { token })).toMatchObject({ offset_seconds: 300, items: { servers: 3 } });
    const active = await waiting;
    expect(active).toMatchObject({ status: 'active', ip_address: '203.0.113.1', ipv6_address: expect.stringMatching(/^2001:db8::/) });

    expect((await client.servers.stop(created.id)).server.status).toBe('stopping');
    sandbox.advance(10, { token });
    expect((await client.servers.get(created.id)).status).toBe('stopped');
    expect((await client.servers.start(created.id)).server.status).toBe('starting');
    sandbox.advance(10, { token });
    expect((await client.servers.reboot(created.id)).server.status).toBe('rebooting');
    sandbox.advance(20, { token });
    expect(sandbox.servers({ token }).find((s) => s.id === created.id)?.status).toBe('active');

    await client.servers.delete(created.id);
    const gone = await rejection(client.servers.get(created.id));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone.body).toEqual(responseExample('getServer', 404));
  });

  it('refuses an action the status does not allow as BadRequestError invalid_state, saying why', async () => {
    const client = clientFor('refusals');
    const error = await rejection(client.servers.start(12345));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body).toEqual({ code: 'invalid_state', message: 'The server is not in a status that allows this action. Server 12345 is active; start needs stopped.' });
    const created = await client.servers.create(NEW_SERVER);
    const provisioning = await rejection(client.servers.stop(created.id));
    expect(provisioning.body.message).toMatch(/is provisioning; stop needs active\.$/);
  });

  it.each(BAD_INPUTS.map((c) => [c.name, c]))('refuses bad input as BadRequestError invalid_request naming the field: %s', async (_name, { sdk, field }) => {
    const error = await rejection(sdk(clientFor('bad-input')));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body.code).toBe('invalid_request');
    expect(error.body.details.map((d) => d.field)).toContain(field);
  });

  it('refuses an unknown plan with the ids the sandbox knows, and a missing token with the documented 401', async () => {
    const unknownPlan = await rejection(clientFor('plans').servers.create({ ...NEW_SERVER, plan_id: 99 }));
    expect(unknownPlan).toBeInstanceOf(BadRequestError);
    expect(unknownPlan.body.details).toEqual([{ field: 'plan_id', message: expect.stringContaining('the sandbox knows 1, 2') }]);
    const noToken = await fetch(`${DEFAULT_BASE_URL}/servers/`);
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual(responseExample('listServers', 401));
    const notBearer = await fetch(`${DEFAULT_BASE_URL}/servers/`, { headers: { authorization: 'Basic eDp5' } });
    expect(notBearer.status).toBe(401);
  });

  it('keeps each token in a world of its own', async () => {
    const alice = clientFor('alice');
    const bob = clientFor('bob');
    const created = await alice.servers.create(NEW_SERVER);
    sandbox.advance(300, { token: 'alice' });
    expect((await alice.servers.list()).results.map((s) => s.id)).toEqual([12345, 12346, created.id]);
    expect((await bob.servers.list()).results.map((s) => s.id)).toEqual([12345, 12346]);
    expect(await rejection(bob.servers.get(created.id))).toBeInstanceOf(NotFoundError);
    // Clocks too: alice's advance did not move bob's.
    const bobs = await bob.servers.create(NEW_SERVER);
    expect(bobs).toMatchObject({ id: 12347, status: 'provisioning' });
    expect(sandbox.servers({ token: 'bob' }).at(-1)?.status).toBe('provisioning');
    expect(sandbox.servers({ token: 'alice' }).at(-1)?.status).toBe('active');
  });

  it('reset({ token }) puts back one world; reset() every world', async () => {
    await clientFor('one').servers.create(NEW_SERVER);
    await clientFor('two').servers.create(NEW_SERVER);
    sandbox.reset({ token: 'one' });
    expect(sandbox.servers({ token: 'one' })).toHaveLength(2);
    expect(sandbox.servers({ token: 'two' })).toHaveLength(3);
    sandbox.reset();
    expect(sandbox.servers({ token: 'two' })).toHaveLength(2);
  });

  describe('reset between tests (afterEach)', () => {
    it('a test creates a server and deletes a seed', async () => {
      const client = clientFor('between-tests');
      await client.servers.create(NEW_SERVER);
      await client.servers.delete(12346);
      expect((await client.servers.list()).results.map((s) => s.id)).toEqual([12345, 12347]);
    });

    it('the next test starts from the seeds again', async () => {
      expect((await clientFor('between-tests').servers.list()).results.map((s) => s.id)).toEqual([12345, 12346]);
    });
  });

  it('answers the control API under the base URL too, and Prefer with the documented response', async () => {
    const headers = { authorization: 'Bearer control' };
    const advanced = await fetch(`${DEFAULT_BASE_URL}/__sandbox/advance`, { method: 'POST', headers, body: JSON.stringify({ seconds: 60 }) });
    expect(await advanced.json()).toMatchObject({ offset_seconds: 60, quota: DEFAULT_QUOTA, items: { servers: 2 } });
    const limited = await rejection(clientFor('control').servers.list(undefined, { headers: { Prefer: 'code=429' } }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.body).toEqual(responseExample('listServers', 429));
  });

  it('lets a test put its own handler first (server.use), the sandbox answering the rest', async () => {
    server.use(http.get(`${DEFAULT_BASE_URL}/servers/12345/`, () => HttpResponse.json({ code: 'internal_error', message: 'down' }, { status: 500 })));
    const client = clientFor('override');
    await expect(client.servers.get(12345)).rejects.toMatchObject({ status: 500 });
    expect((await client.servers.get(12346)).id).toBe(12346);
  });

  it('checks its options and the calls of its helpers', () => {
    expect(() => createSandboxHandlers({ quota: -1 })).toThrow(/quota must be a non-negative integer/);
    expect(() => createSandboxHandlers({ baseUrl: 'admin.vps.org' })).toThrow(/baseUrl must be an absolute http\(s\) URL/);
    expect(() => createSandboxHandlers({ baseURL: 'https://x.test' })).toThrow(/unknown option "baseURL"; options: baseUrl, quota, now/);
    expect(() => sandbox.advance(60)).toThrow(/advance\(seconds, \{ token \}\)/);
    expect(() => sandbox.advance(-1, { token: 't' })).toThrow(/seconds must be a number from 0/);
    expect(() => sandbox.servers({})).toThrow(/servers\(\{ token \}\)/);
  });
});

describe('createSandboxHandlers options', () => {
  const fixed = Date.parse('2026-01-02T03:04:05Z');
  const custom = createSandboxHandlers({ baseUrl: 'http://127.0.0.1:4999/api/', quota: 3, now: () => fixed });
  const local = checkedServer(custom);
  beforeAll(() => {
    server.close();
    local.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => {
    local.close();
    server.listen({ onUnhandledRequest: 'error' });
  });

  it('serves another base URL, with its own quota and clock', async () => {
    expect(custom.baseUrl).toBe('http://127.0.0.1:4999/api');
    const client = clientFor('options', { baseUrl: custom.baseUrl });
    const created = await client.servers.create(NEW_SERVER);
    expect(created.created_at).toBe('2026-01-02T03:04:05Z');
    const over = await rejection(client.servers.create(NEW_SERVER));
    expect(over).toBeInstanceOf(PaymentRequiredError);
    expect(over.body.message).toMatch(/Sandbox quota: 3 servers per token/);
    custom.advance(3600, { token: 'options' });
    expect((await client.servers.get(created.id)).updated_at).toBe('2026-01-02T03:06:05Z');
  });
});

describe('createStaticHandlers: the spec examples', () => {
  it('answers each operation with its example, whatever the id, and Prefer code= / example=', async () => {
    const client = clientFor('static', { baseUrl: examples.baseUrl });
    expect(await client.servers.get(99999)).toEqual(responseExample('getServer', 200));
    expect(await client.servers.list({ status: 'active' })).toEqual(responseExample('listServers', 200));
    expect(await client.servers.create(NEW_SERVER)).toEqual(responseExample('createServer', 201));
    const missing = await rejection(client.servers.get(12345, { headers: { Prefer: 'code=404' } }));
    expect(missing).toBeInstanceOf(NotFoundError);
    const invalid = await rejection(client.servers.create(NEW_SERVER, { headers: { Prefer: 'code=400, example=invalidParameters' } }));
    expect(invalid.body).toEqual(responseExample('createServer', 400));
  });

  it('refuses bad input like the static mock', async () => {
    const error = await rejection(clientFor('static', { baseUrl: examples.baseUrl }).servers.list({ status: 'deleted' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body.details).toEqual([{ field: 'status', message: 'Request query parameter status must be equal to one of the allowed values: active, stopped, suspended' }]);
  });
});
