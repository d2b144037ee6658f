// The token never leaks: not in any error the SDK creates (message, stack, toString,
// JSON.stringify, util.inspect with hidden fields), not in its retry events, not in the client.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_VERSION, VpsApiError, VpsConnectionError, VpsError, VpsInvalidResponseError, VpsTimeoutError, VpsWaitTimeoutError, createVpsClient } from '../src/index.js';
import { redactUrl } from '../src/redact.js';
import { TEST_TOKEN, rejection, testClient } from './support/client.js';
import { activeServer, closeAllServers, json, refusedUrl, startServer, type TestServer } from './support/http-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^.*?\/servers\//, '/servers/');
    if (path === '/servers/404/') return json(res, 404, { code: 'not_found', message: 'Server not found.' }, { 'x-request-id': 'req_1' });
    if (path === '/servers/429/') return json(res, 429, { code: 'rate_limited', message: 'Slow down.' }, { 'retry-after-ms': '1' });
    if (path === '/servers/500/') return json(res, 500, { code: 'internal_error', message: 'Boom.' });
    if (path === '/servers/bad/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{not json');
    }
    if (path === '/servers/hang/') return;
    // A careless server that echoes the token it was sent, in an error body and in a broken 200.
    const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (path === '/servers/echo/') return json(res, 401, { code: 'unauthorized', message: `Token ${sent} is invalid.`, details: [{ field: sent, message: sent }] });
    if (path === '/servers/echo-bad/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`${sent} is not JSON`);
    }
    json(res, 200, { ...activeServer, status: 'provisioning' });
  });
});
afterAll(closeAllServers);

function renderings(value: unknown): string[] {
  const error = value as Error;
  return [
    String(value),
    error?.message ?? '',
    error?.stack ?? '',
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    inspect(value, { depth: Infinity }),
  ];
}

function expectNoToken(value: unknown) {
  for (const text of renderings(value)) {
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toContain(TEST_TOKEN.slice(4, 16));
  }
}

describe('the token never appears', () => {
  it('in API errors, connection errors, timeouts, bad responses and wait timeouts', async () => {
    const { client, retries } = testClient(server.url, { timeoutMs: 10_000 });
    const errors: unknown[] = [
      await rejection(client.raw.GET('/servers/{server_id}/', { params: { path: { server_id: 1 } } }).then(() => client.servers.get(404))),
      await rejection(client.servers.get('429' as unknown as number)),
      await rejection(client.servers.get('500' as unknown as number)),
      await rejection(client.servers.get('bad' as unknown as number)),
      await rejection(client.servers.get('hang' as unknown as number, { timeoutMs: 100 })),
      await rejection(client.servers.waitFor(1, 'active', { timeoutMs: 100, intervalMs: 10 })),
      await rejection(testClient(await refusedUrl()).client.servers.get(1)),
      await rejection(testClient(await refusedUrl()).client.raw.GET('/servers/', {})),
    ];
    expect(errors.map((e) => (e as Error).constructor)).toEqual([
      expect.any(Function),
      expect.any(Function),
      expect.any(Function),
      VpsInvalidResponseError,
      VpsTimeoutError,
      VpsWaitTimeoutError,
      VpsConnectionError,
      VpsConnectionError,
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(VpsError);
      expectNoToken(error);
    }
    expect(errors[0]).toBeInstanceOf(VpsApiError);
    expect(retries.length).toBeGreaterThan(0);
    for (const event of retries) expectNoToken(event);
  });

  it('in errors built from a body that echoes the token back', async () => {
    const { client } = testClient(server.url, { maxRetries: 0 });
    const unauthorized = await rejection(client.servers.get('echo' as unknown as number));
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.message).toContain('Token REDACTED is invalid.');
    expect(unauthorized.body.details).toEqual([{ field: 'REDACTED', message: 'REDACTED' }]);
    expectNoToken(unauthorized);
    const invalid = await rejection(client.servers.get('echo-bad' as unknown as number));
    expect(invalid).toBeInstanceOf(VpsInvalidResponseError);
    expect(invalid.body).toBe('REDACTED is not JSON');
    expectNoToken(invalid);
  });

  it('in the client object, its raw client and its operation groups', () => {
    const { client } = testClient(server.url);
    expectNoToken(client);
    expectNoToken(client.raw);
    expectNoToken(client.servers);
    expect(inspect(client)).toBe(`VpsClient {"baseUrl":"${server.url}","sdk":"vpsorg-client-js/${SDK_VERSION}"}`);
  });

  it('in URLs: a token in the base URL path or its credentials is redacted', async () => {
    const inPath = createVpsClient({ token: TEST_TOKEN, baseUrl: `${server.url}/t/${TEST_TOKEN}`, maxRetries: 0 });
    const error = await rejection(inPath.servers.get(404));
    expect(error).toBeInstanceOf(VpsApiError);
    expect(error.url).toBe(`${server.url}/t/REDACTED/servers/404/`);
    expectNoToken(error);
    expectNoToken(inPath);

    // Credentials in the base URL are refused outright, without echoing them.
    const refusal = (() => {
      try {
        createVpsClient({ token: TEST_TOKEN, baseUrl: server.url.replace('http://', `http://admin:${TEST_TOKEN}@`) });
      } catch (e) {
        return e;
      }
    })();
    expect(String(refusal)).toContain('baseUrl must not contain a user name or password');
    expectNoToken(refusal);
  });

  it('redactUrl takes out secret query values, credentials and the token', () => {
    expect(redactUrl('https://api.example/v1/servers/?status=active&api_key=k1&token=t2&X-Signature=s3')).toBe(
      'https://api.example/v1/servers/?status=active&api_key=REDACTED&token=REDACTED&X-Signature=REDACTED',
    );
    expect(redactUrl('https://user:pw@api.example/v1/')).toBe('https://REDACTED@api.example/v1/');
    expect(redactUrl(`https://api.example/${TEST_TOKEN}/x`, TEST_TOKEN)).toBe('https://api.example/REDACTED/x');
    expect(redactUrl('https://api.example/v1/servers/1/')).toBe('https://api.example/v1/servers/1/');
  });

  it('in configuration errors', () => {
    const errors = [
      (() => { try { createVpsClient({ token: `${TEST_TOKEN}\n` }); } catch (e) { return e; } })(),
      (() => { try { createVpsClient({ token: TEST_TOKEN, baseUrl: 'nope' }); } catch (e) { return e; } })(),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(TypeError);
      expectNoToken(error);
    }
  });
});
