// Tests of provision.ts against the sandbox: no server process, no network, and time moves only
// when the test says so (sandbox.advance).
import { BadRequestError, createVpsClient } from '@vpsorg/client';
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { provisionServer } from './provision.js';
import { sandbox, server } from './setup.js';

const TOKEN = 'test-token';
// Made in each test, after the set-up's server.listen(): the client keeps the fetch it finds.
const client = () => createVpsClient({ token: TOKEN, maxRetries: 0 });

it('provisions a server: provisioning, then active with an address once two minutes pass', async () => {
  // Provisioning takes 2-5 minutes (the sandbox: 2). Let five pass each time the app polls a
  // server: a handler that returns nothing hands the request on to the sandbox's.
  server.use(http.get(`${sandbox.baseUrl}/servers/:id/`, () => void sandbox.advance(300, { token: TOKEN })));
  expect(await provisionServer(client(), 'web-01', { pollMs: 10 })).toEqual({ id: 12347, address: '203.0.113.1' });
  expect(sandbox.servers({ token: TOKEN }).map((s) => `${s.id} ${s.status}`)).toEqual(['12345 active', '12346 active', '12347 active']);
});

it('cannot stop a server that is still provisioning: the API says 400 invalid_state', async () => {
  const { id } = await client().servers.create({ name: 'web-02', plan_id: 1, os_id: 5, location: 'us-west' });
  const error = await client().servers.stop(id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestError);
  expect((error as BadRequestError).body).toMatchObject({ code: 'invalid_state' });
});

it('starts every test from the spec seeds (the set-up resets the sandbox)', async () => {
  expect((await client().servers.list()).results.map((s) => s.id)).toEqual([12345, 12346]);
});

it('lets one test answer differently: a server.use handler goes first', async () => {
  server.use(http.post('https://admin.vps.org/api/v1/servers/', () => HttpResponse.json({ code: 'payment_required', message: 'Insufficient credits.' }, { status: 402 })));
  await expect(provisionServer(client(), 'web-03')).rejects.toMatchObject({ status: 402 });
});
