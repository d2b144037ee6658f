// The stateful sandbox (startMock({ stateful: true })), through the SDK and raw HTTP, against the
// suite's sandbox (real Prism, validating proxy, in front of the engine). Each test uses a token
// of its own, so tests never see each other's servers; answers are checked against the spec's
// schemas with ajv, and every answer against Prism's response validation (support/no-violations.js).
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { BadRequestError, InternalServerError, NotFoundError, PaymentRequiredError, RateLimitError, createVpsClient } from '@vpsorg/client';
import { loadApiModel } from '@vpsorg/codegen';
import { DEFAULT_SPEC, startMock } from '../src/index.js';
import { request } from './support/clients.js';
import { requestExample } from './support/examples.js';
import { schemaErrors } from './support/spec.js';
import { watchMock } from './support/no-violations.js';

const url = () => inject('sandboxUrl');
const newToken = () => `sandbox-${randomUUID()}`;
const client = (token, baseUrl = url()) => createVpsClient({ token, baseUrl, maxRetries: 0 });
const create = requestExample('createServer');
const model = await loadApiModel(DEFAULT_SPEC);
const [lifecycle] = model.lifecycles;

/** The control API, raw. */
async function control(route, token, body, baseUrl = url()) {
  return request('POST', `/__sandbox/${route}`, { json: body ?? {}, token, baseUrl });
}
const advance = (token, seconds, baseUrl) => control('advance', token, { seconds }, baseUrl);

/** The failure of a call that must fail. */
const failure = (promise) => promise.then(() => expect.unreachable('the call resolved'), (e) => e);

describe('the sandbox remembers, per token', () => {
  it('starts every token with the spec\'s servers 12345 and 12346', async () => {
    const list = await client(newToken()).servers.list();
    expect(list.results.map((s) => s.id)).toEqual([12345, 12346]);
    expect(list.count).toBe(2);
    expect(schemaErrors('ServerList', list)).toEqual([]);
    const server = await client(newToken()).servers.get(12345);
    expect(server).toMatchObject({ name: 'web-server-01', status: 'active', ip_address: '203.0.113.10' });
    expect(schemaErrors('Server', server)).toEqual([]);
  });

  it('a created server is in the list, with what was asked for and what the server makes', async () => {
    const sdk = client(newToken());
    const created = await sdk.servers.create({ name: 'my-new', plan_id: 2, os_id: 3, location: 'eu-central' });
    expect(schemaErrors('ServerCreated', created)).toEqual([]);
    expect(created).toMatchObject({
      id: 12347,
      name: 'my-new',
      hostname: null,
      status: lifecycle.initial,
      ip_address: null,
      location: 'eu-central',
      plan: { id: 2, name: 'Performance VPS' },
      os: { id: 3, name: 'Debian 12' },
      backups_enabled: false,
      message: expect.stringContaining('2-5 minutes'),
    });
    expect(created.created_at).toBe(created.updated_at);
    const list = await sdk.servers.list();
    expect(list.count).toBe(3);
    // The list item is the summary projection of the stored server.
    const summary = list.results.find((s) => s.id === created.id);
    expect(schemaErrors('ServerSummary', summary)).toEqual([]);
    expect(Object.keys(summary).sort()).toEqual(['created_at', 'hostname', 'id', 'ip_address', 'location', 'name', 'os', 'plan', 'status', 'updated_at']);
    const detail = await sdk.servers.get(created.id);
    expect(schemaErrors('Server', detail)).toEqual([]);
    expect(detail).toMatchObject({ ...summary, plan: { ...summary.plan, bandwidth: expect.any(Number) }, ipv6_address: null });
  });

  it('gives ids that are unique and increasing', async () => {
    const sdk = client(newToken());
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await sdk.servers.create({ ...create, name: `web-${i}` })).id);
    expect(ids).toEqual([12347, 12348, 12349]);
    await sdk.servers.delete(12349);
    expect((await sdk.servers.create({ ...create, name: 'web-3' })).id).toBe(12350);
  });

  it('two tokens never see each other\'s servers', async () => {
    const [a, b] = [client(newToken()), client(newToken())];
    const mine = await a.servers.create({ ...create, name: 'only-mine' });
    await a.servers.delete(12346);
    expect((await b.servers.list()).results.map((s) => s.id)).toEqual([12345, 12346]);
    expect(await failure(b.servers.get(mine.id))).toBeInstanceOf(NotFoundError);
    expect((await a.servers.list()).results.map((s) => s.id)).toEqual([12345, mine.id]);
  });

  it('filters the list by status and location on the stored servers', async () => {
    const token = newToken();
    const sdk = client(token);
    const created = await sdk.servers.create({ ...create, name: 'far-away', location: 'ap-south' });
    expect((await sdk.servers.list({ location: 'ap-south' })).results.map((s) => s.id)).toEqual([created.id]);
    expect((await sdk.servers.list({ status: 'active' })).results.map((s) => s.id)).toEqual([12345, 12346]);
    await sdk.servers.stop(12345);
    await advance(token, 300); // stopped, and the new one provisioned
    expect((await sdk.servers.list({ status: 'stopped' })).results.map((s) => s.id)).toEqual([12345]);
    expect((await sdk.servers.list({ status: 'active', location: 'ap-south' })).results.map((s) => s.id)).toEqual([created.id]);
    expect((await sdk.servers.list({ status: 'suspended' })).count).toBe(0);
  });

  it('PUT and PATCH change the stored server, and updated_at moves with the clock', async () => {
    const token = newToken();
    const sdk = client(token);
    const before = await sdk.servers.get(12345);
    await advance(token, 3600);
    const replaced = await sdk.servers.update(12345, { name: 'renamed', hostname: 'renamed.example.com', backups_enabled: false });
    expect(replaced).toMatchObject({ name: 'renamed', hostname: 'renamed.example.com', backups_enabled: false, created_at: before.created_at });
    expect(Date.parse(replaced.updated_at)).toBeGreaterThan(Date.now() + 3500_000);
    const patched = await sdk.servers.patch(12345, { backups_enabled: true });
    expect(patched).toMatchObject({ name: 'renamed', backups_enabled: true });
    expect(await sdk.servers.get(12345)).toEqual(patched);
  });

  it('refuses an unknown plan_id or os_id with a 400 naming the field and the known ids', async () => {
    const sdk = client(newToken());
    for (const [field, value] of [['plan_id', 99], ['os_id', 77]]) {
      const error = await failure(sdk.servers.create({ ...create, [field]: value }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(schemaErrors('Error', error.body)).toEqual([]);
      expect(error.body).toMatchObject({ code: 'invalid_request', details: [{ field, message: expect.stringContaining(`Unknown ${field} ${value}`) }] });
    }
    expect((await sdk.servers.list()).count).toBe(2);
  });
});

describe('the lifecycle, as x-lifecycle declares it', () => {
  it('create → waitFor(active) with the clock advanced → stop → stopped → start → reboot → delete → 404', async () => {
    const token = newToken();
    const sdk = client(token);
    const created = await sdk.servers.create({ ...create, name: 'life' });
    expect(created.status).toBe('provisioning');
    const polled = [];
    const waiting = sdk.servers.waitFor(created.id, 'active', { intervalMs: 25, timeoutMs: 20_000 });
    // Still provisioning a moment later, in real time.
    await new Promise((r) => setTimeout(r, 100));
    polled.push((await sdk.servers.get(created.id)).status);
    await advance(token, lifecycle.timed.find((t) => t.from === 'provisioning').seconds.min);
    const active = await waiting;
    expect(polled).toEqual(['provisioning']);
    expect(active.status).toBe('active');
    expect(active.ip_address).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(active.ipv6_address).toMatch(/^2001:db8::/);

    const stopping = await sdk.servers.stop(created.id);
    expect(schemaErrors('ActionResult', stopping)).toEqual([]);
    expect(stopping).toMatchObject({ status: 'success', message: 'Server is stopping', server: { id: created.id, name: 'life', status: 'stopping' } });
    await advance(token, 10);
    expect((await sdk.servers.get(created.id)).status).toBe('stopped');

    expect((await sdk.servers.start(created.id)).server.status).toBe('starting');
    await advance(token, 10);
    expect((await sdk.servers.get(created.id)).status).toBe('active');
    expect((await sdk.servers.reboot(created.id)).server).toEqual({ id: created.id, name: 'life', status: 'rebooting' });
    await advance(token, 20);
    const rebooted = await sdk.servers.get(created.id);
    expect(rebooted.status).toBe('active');
    expect(rebooted.ip_address).toBe(active.ip_address);

    await sdk.servers.delete(created.id);
    for (const call of [() => sdk.servers.get(created.id), () => sdk.servers.start(created.id), () => sdk.servers.patch(created.id, { name: 'x' }), () => sdk.servers.delete(created.id)]) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.body.code).toBe('not_found');
    }
    expect((await sdk.servers.list()).results.map((s) => s.id)).not.toContain(created.id);
  });

  it('settles exactly when the timed transition is due, not before', async () => {
    // The clock is real time plus the advances (engine.test.js drives the real-time part with a
    // clock of its own): 9 s after a stop the server is still stopping, at 10 s it is stopped.
    const token = newToken();
    const sdk = client(token);
    await sdk.servers.stop(12345);
    await advance(token, 9);
    expect((await sdk.servers.get(12345)).status).toBe('stopping');
    await advance(token, 1.5);
    expect((await sdk.servers.get(12345)).status).toBe('stopped');
  });

  // Every (status, action) the lifecycle refuses gets the documented 400 invalid_state.
  const refusals = lifecycle.actions.flatMap((a) =>
    lifecycle.states.filter((s) => !a.from.includes(s) && !lifecycle.external.includes(s)).map((s) => [a.action, s]),
  );
  /** Put server 12345 of a new token into `status` through the API and the clock. */
  async function serverIn(status) {
    const token = newToken();
    const sdk = client(token);
    if (status === 'provisioning') return { sdk, id: (await sdk.servers.create({ ...create, name: 'new-one' })).id };
    if (status === 'active') return { sdk, id: 12345 };
    if (status === 'stopping' || status === 'stopped') {
      await sdk.servers.stop(12345);
      if (status === 'stopped') await advance(token, 10);
    } else if (status === 'starting') {
      await sdk.servers.stop(12345);
      await advance(token, 10);
      await sdk.servers.start(12345);
    } else if (status === 'rebooting') await sdk.servers.reboot(12345);
    expect((await sdk.servers.get(12345)).status).toBe(status);
    return { sdk, id: 12345 };
  }

  it('refuses at least the documented cases', () => {
    expect(refusals).toEqual(expect.arrayContaining([['start', 'active'], ['stop', 'stopped'], ['reboot', 'stopped']]));
  });

  it.each(refusals)('%s from %s: BadRequestError, code invalid_state, nothing changes', async (action, status) => {
    const { sdk, id } = await serverIn(status);
    const error = await failure(sdk.servers[action](id));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(schemaErrors('Error', error.body)).toEqual([]);
    expect(error.body.code).toBe('invalid_state');
    expect(error.body.message).toContain(`is ${status}`);
    expect((await sdk.servers.get(id)).status).toBe(status);
  });
});

describe('many at once', () => {
  it('200 concurrent creates on one token: 200 distinct ids, a list that counts them, no 5xx', async () => {
    const token = newToken();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => request('POST', '/servers/', { json: { ...create, name: `many-${i}` }, token, baseUrl: url() })),
    );
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    const ids = answers.map((a) => a.body.id);
    expect(new Set(ids).size).toBe(200);
    const list = await client(token).servers.list();
    expect(list.count).toBe(202);
    expect(new Set(list.results.map((s) => s.id))).toEqual(new Set([12345, 12346, ...ids]));
    // All active: 202 distinct addresses from the documentation range.
    await advance(token, 300);
    const addresses = (await client(token).servers.list()).results.map((s) => s.ip_address);
    expect(new Set(addresses).size).toBe(202);
    expect(addresses.every((a) => /^203\.0\.113\.\d+$/.test(a))).toBe(true);
  });
});

describe('Prefer still forces any documented response', () => {
  it.each([
    [429, RateLimitError, 'rate_limited'],
    [500, InternalServerError, 'internal_error'],
    [402, PaymentRequiredError, 'payment_required'],
  ])('Prefer: code=%i on create → the spec\'s example, and nothing is created', async (code, ErrorClass, errorCode) => {
    const token = newToken();
    const sdk = createVpsClient({ token, baseUrl: url(), maxRetries: 0, headers: { prefer: `code=${code}` } });
    const error = await failure(sdk.servers.create({ ...create, name: 'forced' }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.body.code).toBe(errorCode);
    expect((await client(token).servers.list()).count).toBe(2);
  });

  it('Prefer: code=404 on a server that exists', async () => {
    const { status, body } = await request('GET', '/servers/12345/', { headers: { prefer: 'code=404' }, token: newToken(), baseUrl: url() });
    expect(status).toBe(404);
    expect(body.code).toBe('not_found');
  });

  it('an undocumented code gets Prism\'s 404 saying so, as in the static mock', async () => {
    const { status, body } = await request('GET', '/servers/', { headers: { prefer: 'code=402' }, token: newToken(), baseUrl: url() });
    expect(status).toBe(404);
    expect(body.detail).toMatch(/402 is not defined/);
  });

  it('no token: the documented 401, as in the static mock', async () => {
    const { status, body } = await request('GET', '/servers/', { token: null, baseUrl: url() });
    expect(status).toBe(401);
    expect(body).toEqual({ code: 'unauthorized', message: 'Invalid or missing API token.' });
  });
});

describe('the control API under /__sandbox/', () => {
  it('advance moves only the caller\'s clock; reset restores the seeds and real time', async () => {
    const [token, other] = [newToken(), newToken()];
    const before = await request('GET', '/__sandbox/', { token, baseUrl: url() });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ offset_seconds: 0, quota: 250, items: { servers: 2 } });
    const moved = await advance(token, 3600);
    expect(moved.body.offset_seconds).toBe(3600);
    expect(Date.parse(moved.body.clock) - Date.parse(before.body.clock)).toBeGreaterThanOrEqual(3600_000);
    expect((await request('GET', '/__sandbox/', { token: other, baseUrl: url() })).body.offset_seconds).toBe(0);
    await client(token).servers.delete(12345);
    const reset = await control('reset', token);
    expect(reset.body).toMatchObject({ offset_seconds: 0, items: { servers: 2 } });
    expect((await client(token).servers.list()).results.map((s) => s.id)).toEqual([12345, 12346]);
  });

  it.each([
    [{ seconds: -1 }],
    [{ seconds: 'ten' }],
    [{}],
    [{ seconds: 1e12 }],
  ])('advance %j: 400 naming seconds', async (body) => {
    const { status, body: answer } = await control('advance', newToken(), body);
    expect(status).toBe(400);
    expect(answer).toMatchObject({ code: 'invalid_request', details: [{ field: 'seconds' }] });
  });

  it('the Sandbox-Advance request header moves the caller\'s clock before the request is answered', async () => {
    // How a workflow that cannot call the control API (an Arazzo document that also runs against
    // a real server, spec/workflows/) waits: its poll itself moves the clock.
    const token = newToken();
    const { id } = await client(token).servers.create({ ...create, name: 'advanced-by-header' });
    const polled = await request('GET', `/servers/${id}/`, { token, baseUrl: url(), headers: { 'sandbox-advance': '300' } });
    expect(polled.status).toBe(200);
    expect(polled.body).toMatchObject({ status: 'active', ip_address: expect.any(String) });
    expect((await request('GET', '/__sandbox/', { token, baseUrl: url() })).body.offset_seconds).toBe(300);
    expect((await request('GET', '/__sandbox/', { token: newToken(), baseUrl: url() })).body.offset_seconds).toBe(0);
  });

  it.each(['soon', '-5', '1e3', String(11 * 365 * 24 * 3600)])('Sandbox-Advance: %s is a 400 naming the header; the clock does not move', async (value) => {
    const token = newToken();
    const { status, body } = await request('GET', '/servers/', { token, baseUrl: url(), headers: { 'sandbox-advance': value } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'invalid_request', details: [{ field: 'Sandbox-Advance', message: expect.stringContaining('seconds') }] });
    expect((await request('GET', '/__sandbox/', { token, baseUrl: url() })).body.offset_seconds).toBe(0);
  });

  it('the static mock ignores Sandbox-Advance, as a real server would', async () => {
    const { status } = await request('GET', '/servers/12345/', { baseUrl: inject('mockUrl'), headers: { 'sandbox-advance': 'soon' } });
    expect(status).toBe(200);
  });

  it('needs a token (401) and names its routes on an unknown one (404)', async () => {
    expect((await control('advance', null, { seconds: 1 })).status).toBe(401);
    const unknown = await control('rewind', newToken());
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('POST /__sandbox/advance');
  });

  it('startMock\'s advance() and reset() call it for the token given', async () => {
    // The suite's sandbox was started by global-setup; a Mock object of our own shows the API.
    const sandbox = await startMock({ stateful: true, quota: 3 });
    try {
      watchMock(sandbox.url);
      const token = newToken();
      const sdk = client(token, sandbox.url);
      const { id } = await sdk.servers.create({ ...create, name: 'via-api' });
      await sandbox.advance(300, token);
      expect((await sdk.servers.get(id)).status).toBe('active');
      // The quota: 3 servers per token here, then the documented 402.
      const error = await failure(sdk.servers.create({ ...create, name: 'one-too-many' }));
      expect(error).toBeInstanceOf(PaymentRequiredError);
      expect(error.body).toMatchObject({ code: 'payment_required', message: expect.stringContaining('3 servers per token') });
      await sandbox.reset(token);
      expect((await sdk.servers.list()).count).toBe(2);
      await expect(sandbox.advance(1)).rejects.toThrow(/token/);
    } finally {
      await sandbox.stop();
    }
  }, 90_000); // a sandbox of its own to start
});

describe('startMock({ stateful }) options', () => {
  it.each([
    [{ stateful: 'yes' }, /stateful must be a boolean/],
    [{ stateful: true, dynamic: true }, /cannot be combined/],
    [{ stateFile: '/tmp/x.json' }, /need stateful: true/],
    [{ stateful: true, quota: -1 }, /quota must be a non-negative integer/],
    [{ stateful: true, stateFile: '' }, /stateFile must be a file path/],
    [{ tokens: [] }, /tokens must be a non-empty array/],
    [{ tokens: 'test-token' }, /tokens must be a non-empty array/],
    [{ tokens: ['two words'] }, /tokens must be a non-empty array of tokens \(no spaces\)/],
  ])('%j is refused', async (options, message) => {
    await expect(startMock(options)).rejects.toThrow(message);
  });

  it('a static mock has no control API', async () => {
    const { status } = await request('POST', '/__sandbox/advance', { json: { seconds: 1 }, baseUrl: inject('mockUrl') });
    expect(status).toBe(404);
  });
});
