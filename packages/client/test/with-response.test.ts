// .withResponse() on every operation's promise: the result plus the response and request id, from
// the same single request; a failure rejects with the same typed error.
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, type VpsClient } from '../src/index.js';
import { rejection, testClient } from './support/client.js';
import { API_HEADERS, startFakeApi } from './support/fake-api.js';
import { activeServer, closeAllServers, json, startServer } from './support/http-server.js';

afterEach(closeAllServers);

const newServer = { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west' };
const calls: [string, (c: VpsClient) => ReturnType<VpsClient['servers'][keyof VpsClient['servers']]>][] = [
  ['list', (c) => c.servers.list({ status: 'active' })],
  ['create', (c) => c.servers.create(newServer)],
  ['get', (c) => c.servers.get(12345)],
  ['update', (c) => c.servers.update(12345, { name: 'a', hostname: 'a.example.com', backups_enabled: true })],
  ['patch', (c) => c.servers.patch(12345, { name: 'b' })],
  ['delete', (c) => c.servers.delete(12345)],
  ['start', (c) => c.servers.start(12345)],
  ['stop', (c) => c.servers.stop(12345)],
  ['reboot', (c) => c.servers.reboot(12345)],
];

describe('.withResponse()', () => {
  it.each(calls)('%s: the same data as the plain call, the response and its request id, one request each', async (_name, run) => {
    const api = await startFakeApi();
    const { client } = testClient(api.url);
    const plain = await (run(client) as Promise<unknown>);
    const { data, response, requestId } = await (run(client) as unknown as { withResponse(): Promise<{ data: unknown; response: Response; requestId?: string }> }).withResponse();
    expect(data).toEqual(plain);
    expect(response).toBeInstanceOf(Response);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-ratelimit-remaining')).toBe(API_HEADERS['x-ratelimit-remaining']);
    expect(requestId).toBe(API_HEADERS['x-request-id']);
    expect(api.requests).toHaveLength(2);
  });

  it('awaiting the promise and its withResponse() together still sends one request', async () => {
    const api = await startFakeApi();
    const { client } = testClient(api.url);
    const call = client.servers.get(12345);
    const [server, meta] = await Promise.all([call, call.withResponse()]);
    expect(meta.data).toBe(server);
    expect(api.requests).toHaveLength(1);
  });

  it('a failing call rejects with the same typed error, after one request', async () => {
    const api = await startFakeApi();
    const { client } = testClient(api.url);
    const error = await rejection(client.servers.get(99999).withResponse());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe(API_HEADERS['x-request-id']);
    expect(api.requests).toHaveLength(1);
  });

  it('after a retry and a redirect, the response is the last one', async () => {
    const server = await startServer((req, res, { attempt }) => {
      if (attempt === 1) return json(res, 503, {});
      if (req.url === '/servers/1/') {
        res.writeHead(307, { location: '/servers/2/' });
        return res.end();
      }
      json(res, 200, activeServer, { 'x-request-id': 'req_last' });
    });
    const { client, retries } = testClient(server.url);
    const { data, response, requestId } = await client.servers.get(1).withResponse();
    expect(data).toEqual(activeServer);
    expect(retries.map((r) => r.status)).toEqual([503]);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.url}/servers/2/`);
    expect(requestId).toBe('req_last');
  });

  it('works the same while raw middleware is registered', async () => {
    const api = await startFakeApi();
    const { client } = testClient(api.url);
    const seen: string[] = [];
    client.raw.use({ onRequest: ({ request }) => void seen.push(request.method) });
    const { data, response, requestId } = await client.servers.get(12345).withResponse();
    expect(data).toMatchObject({ id: 12345, status: 'active' });
    expect(response.status).toBe(200);
    expect(requestId).toBe(API_HEADERS['x-request-id']);
    expect(seen).toEqual(['GET']);
  });
});
