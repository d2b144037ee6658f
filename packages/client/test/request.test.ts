// client.request: an endpoint the spec lacks, with everything an operation has (auth, headers,
// retries, timeouts, typed errors, .withResponse()), and never to another origin.
import { afterEach, describe, expect, it } from 'vitest';
import { InternalServerError, NotFoundError, VpsConfigError, VpsInvalidResponseError, VpsTimeoutError } from '../src/index.js';
import { TEST_TOKEN, rejection, testClient } from './support/client.js';
import { API_HEADERS, startFakeApi } from './support/fake-api.js';
import { closeAllServers, json, startServer } from './support/http-server.js';

afterEach(closeAllServers);

describe('client.request', () => {
  it('sends method, path and query with the client headers, and resolves with the JSON body', async () => {
    const api = await startFakeApi();
    const { client } = testClient(api.url, { headers: { 'X-Team': 'infra' }, userAgent: 'fleet/1' });
    const metrics = await client.request<{ cpu_percent: number; period: string }>({
      method: 'get',
      path: '/servers/12345/metrics/',
      query: { period: '1h', skipped: undefined, tag: ['a', 'b'] },
      headers: { 'X-Trace': 't1' },
    });
    expect(metrics).toMatchObject({ cpu_percent: 23.5, period: '1h' });
    const [sent] = api.requests;
    expect(`${sent!.method} ${sent!.url}`).toBe('GET /servers/12345/metrics/?period=1h&tag=a&tag=b');
    expect(sent!.headers).toMatchObject({ authorization: `Bearer ${TEST_TOKEN}`, 'x-team': 'infra', 'x-trace': 't1' });
    expect(sent!.headers['user-agent']).toMatch(/^fleet\/1 vpsorg-client-js\//);
  });

  it('sends a JSON body, and has .withResponse()', async () => {
    const api = await startFakeApi();
    const { client } = testClient(api.url);
    const { data, response, requestId } = await client
      .request<{ id: number; name: string }>({ method: 'POST', path: 'servers/12345/snapshots/', body: { name: 'nightly' } })
      .withResponse();
    expect(data).toEqual({ id: 7, name: 'nightly' });
    expect(response.status).toBe(201);
    expect(requestId).toBe(API_HEADERS['x-request-id']);
    expect(api.requests[0]).toMatchObject({ method: 'POST', url: '/servers/12345/snapshots/', body: '{"name":"nightly"}' });
    expect(api.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('resolves with the text of a non-JSON body and undefined for an empty one', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/export/') return res.writeHead(200, { 'content-type': 'text/csv' }).end('id,name\n1,web\n');
      res.writeHead(204).end();
    });
    const { client } = testClient(server.url);
    await expect(client.request({ method: 'GET', path: '/export/' })).resolves.toBe('id,name\n1,web\n');
    await expect(client.request({ method: 'DELETE', path: '/thing/' })).resolves.toBeUndefined();
  });

  it('malformed JSON is a VpsInvalidResponseError, an error status its typed error', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/bad/') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":');
      json(res, 404, { code: 'not_found', message: 'No such thing.' });
    });
    const { client } = testClient(server.url);
    expect(await rejection(client.request({ method: 'GET', path: '/bad/' }))).toBeInstanceOf(VpsInvalidResponseError);
    const notFound = await rejection(client.request({ method: 'GET', path: '/gone/' }));
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe(`GET ${server.url}/gone/ failed with 404: not_found: No such thing.`);
  });

  it('retries as the operations do: a GET by default, a POST only with an idempotency key', async () => {
    const server = await startServer((_req, res) => json(res, 503, {}));
    const { client } = testClient(server.url);
    expect(await rejection(client.request({ method: 'GET', path: '/x/' }))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
    await rejection(client.request({ method: 'POST', path: '/x/', body: {} }));
    expect(server.requests).toHaveLength(4);
    await rejection(client.request({ method: 'POST', path: '/x/', body: {}, idempotencyKey: 'k1', maxRetries: 1 }));
    expect(server.requests.slice(4).map((r) => r.headers['idempotency-key'])).toEqual(['k1', 'k1']);
  });

  it('names the requested URL in errors when the fetch gives a response without one', async () => {
    const fetchWithoutUrl = async () => new Response('{"code":"not_found","message":"No."}', { status: 404, headers: { 'content-type': 'application/json' } });
    const { client } = testClient('http://api.invalid/v1', { fetch: fetchWithoutUrl });
    expect((await rejection(client.servers.get(5))).url).toBe('http://api.invalid/v1/servers/5/');
    expect((await rejection(client.request({ method: 'GET', path: '/things/', query: { a: 1 } }))).url).toBe('http://api.invalid/v1/things/?a=1');
  });

  it('has the per-attempt timeout', async () => {
    const server = await startServer(() => {});
    const { client } = testClient(server.url, { maxRetries: 0 });
    const error = await rejection(client.request({ method: 'GET', path: '/slow/', timeoutMs: 50 }));
    expect(error).toBeInstanceOf(VpsTimeoutError);
  });

  it('accepts an absolute URL under baseUrl', async () => {
    const api = await startFakeApi();
    const { client } = testClient(`${api.url}/api`);
    await client.request({ method: 'GET', path: `${api.url}/api/servers/?page=2`, query: { status: 'active' } });
    expect(api.requests[0]!.url).toBe('/api/servers/?page=2&status=active');
  });

  it.each([
    ['another origin', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example/steal'],
    ['the same host outside baseUrl', 'BASE/../other/'],
  ])('refuses %s before sending anything', async (_what, path) => {
    const api = await startFakeApi();
    const { client } = testClient(`${api.url}/api`);
    const target = path.replace('BASE', `${api.url}/api`).replace('/api/../', '/');
    const error = await rejection(client.request({ method: 'GET', path: target }));
    expect(error).toBeInstanceOf(VpsConfigError);
    expect(error.message).toMatch(/^client\.request: ".*" is not under baseUrl http:\/\/127\.0\.0\.1:\d+\/api; the token is sent there only$/);
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    [{ method: 'GET' }, /path must be a string/],
    [{ method: 'GE T', path: '/x/' }, /method must be an HTTP method such as "GET", got "GE T"/],
    [{ method: 'GET', path: '/x/', query: 'a=1' }, /query must be an object/],
    [{ method: 'GET', path: '/x/', params: {} }, /unknown option "params"/],
    [{ method: 'GET', path: '/x/', timeoutMs: -1 }, /timeoutMs must be a positive number/],
  ])('%j is a VpsConfigError', async (options, message) => {
    const { client } = testClient('http://127.0.0.1:9');
    const error = await rejection(client.request(options as never));
    expect(error).toBeInstanceOf(VpsConfigError);
    expect(error.message).toMatch(message);
  });
});
