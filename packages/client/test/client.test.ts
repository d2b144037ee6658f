// Construction, headers, and the two surfaces sending what the spec says.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_BASE_URL, SDK_VERSION, VpsConfigError, createVpsClient, operationIndex, type VpsClientOptions } from '../src/index.js';
import { TEST_TOKEN, testClient } from './support/client.js';
import { activeServer, closeAllServers, json, startServer } from './support/http-server.js';

afterEach(async () => {
  vi.unstubAllEnvs();
  await closeAllServers();
});

const packageVersion = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const spec = parse(readFileSync(new URL('../../../spec/servers.yaml', import.meta.url), 'utf8'));

describe('construction', () => {
  it('a missing token is an error at construction that says how to give one', () => {
    vi.stubEnv('VPS_API_TOKEN', undefined);
    expect(() => createVpsClient()).toThrow(VpsConfigError);
    expect(() => createVpsClient({})).toThrow(/no API token\. Pass \{ token \} or set the VPS_API_TOKEN environment variable/);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('an %s token is an error at construction', (_what, token) => {
    vi.stubEnv('VPS_API_TOKEN', undefined);
    expect(() => createVpsClient({ token })).toThrow(/the API token is empty/);
  });

  it('an empty VPS_API_TOKEN is an error too', () => {
    vi.stubEnv('VPS_API_TOKEN', '');
    expect(() => createVpsClient()).toThrow(/the API token is empty/);
  });

  it('a token with a line break is refused without echoing it', () => {
    expect(() => createVpsClient({ token: 'abc123secret\n' })).toThrow(/whitespace or a line break/);
    try {
      createVpsClient({ token: 'abc123secret\n' });
    } catch (error) {
      expect(String(error)).not.toContain('abc123secret');
    }
  });

  it.each([
    [{ baseUrl: 'admin.vps.org/api/v1' }, /baseUrl must be an absolute http\(s\) URL, got "admin.vps.org\/api\/v1"/],
    [{ baseUrl: 'ftp://example.com' }, /baseUrl must use http or https/],
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number of milliseconds/],
    [{ timeoutMs: Number.NaN }, /timeoutMs must be a positive number/],
    [{ maxRetries: -1 }, /maxRetries must be a whole number >= 0, got -1/],
    [{ maxRetries: 1.5 }, /maxRetries must be a whole number/],
    [{ headers: { 'X-Team': 7 } as unknown as Record<string, string> }, /header "X-Team" must be a string/],
    [{ retry: { baseDelayMs: -5 } }, /retry.baseDelayMs must be a number of milliseconds >= 0/],
    [{ baseURL: 'http://127.0.0.1:1' }, /unknown option "baseURL"; did you mean "baseUrl"\? \(known: token, baseUrl/],
    [{ apiKey: 'k' }, /unknown option "apiKey"; did you mean "token"\?/],
    [{ retry: { baseDelay: 5 } }, /unknown retry option "baseDelay" \(known: baseDelayMs/],
    [{ baseUrl: 'https://admin.vps.org/api/v1?region=eu' }, /baseUrl must not contain a query \(\?\) or fragment/],
    [{ baseUrl: 'https://admin.vps.org/api/v1#top' }, /baseUrl must not contain a query \(\?\) or fragment/],
    [{ fetch: 'fetch' }, /fetch must be a function, got string/],
    [{ headers: { 'X-Team': 'a\r\nX-Injected: 1' } }, /header "X-Team" contains a line break or NUL/],
    [{ headers: { 'X Team': 'a' } }, /"X Team" in headers is not a valid header name/],
    [{ userAgent: 'app/1\nX-Injected: 1' }, /userAgent contains a line break or NUL/],
  ])('rejects %j with a clear message', (options, message) => {
    expect(() => createVpsClient({ token: TEST_TOKEN, ...(options as VpsClientOptions) })).toThrow(VpsConfigError);
    expect(() => createVpsClient({ token: TEST_TOKEN, ...(options as VpsClientOptions) })).toThrow(message);
  });

  it('defaults the base URL to the spec server', () => {
    expect(DEFAULT_BASE_URL).toBe(spec.servers[0].url);
    expect(JSON.parse(JSON.stringify(createVpsClient({ token: TEST_TOKEN }))).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it('falls back to VPS_API_TOKEN', async () => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    vi.stubEnv('VPS_API_TOKEN', 'from-the-environment');
    await createVpsClient({ baseUrl: server.url }).servers.get(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer from-the-environment');
  });

  it('an explicit token wins over VPS_API_TOKEN', async () => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    vi.stubEnv('VPS_API_TOKEN', 'from-the-environment');
    await createVpsClient({ token: 'explicit', baseUrl: server.url }).servers.get(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer explicit');
  });
});

describe('per-call options', () => {
  it.each([
    ['a signal that is not an AbortSignal', { signal: 'stop' }, /^GET \/servers\/\{server_id\}\/: signal must be an AbortSignal$/],
    ['a misspelt option', { timeout: 5 }, /GET \/servers\/\{server_id\}\/: unknown option "timeout"; did you mean "timeoutMs"\?/],
    ['a header with a line break', { headers: { 'X-Trace': 'a\nb' } }, /header "X-Trace" contains a line break or NUL/],
    ['an empty idempotency key', { idempotencyKey: ' ' }, /idempotencyKey must be a non-empty string/],
    ['a zero timeout', { timeoutMs: 0 }, /^GET \/servers\/\{server_id\}\/: timeoutMs must be a positive number/],
  ])('%s rejects the call with a VpsConfigError and sends nothing', async (_what, options, message) => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    const { client } = testClient(server.url);
    const error = await client.servers.get(1, options as never).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(VpsConfigError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('waitFor checks its arguments the same way', async () => {
    const { client } = testClient('http://127.0.0.1:9');
    const errors = await Promise.all([
      client.servers.waitFor(1, [], {}).catch((e: unknown) => e),
      client.servers.waitFor(1, 'active', { intervalMs: -1 }).catch((e: unknown) => e),
      client.servers.waitFor(1, 'active', { timeout: 5 } as never).catch((e: unknown) => e),
    ]);
    for (const error of errors) expect(error).toBeInstanceOf(VpsConfigError);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'servers.waitFor: give at least one status to wait for',
      'servers.waitFor: intervalMs must be a number of milliseconds >= 0, got -1',
      expect.stringMatching(/^servers\.waitFor: unknown option "timeout"; did you mean "timeoutMs"\?/),
    ]);
  });
});

describe('headers', () => {
  it('sends the token, and names the SDK and its package.json version in User-Agent and X-Client', async () => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    const { client } = testClient(server.url);
    await client.servers.get(1);
    await client.raw.GET('/servers/{server_id}/', { params: { path: { server_id: 1 } } });
    expect(SDK_VERSION).toBe(packageVersion);
    for (const { headers } of server.requests) {
      expect(headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
      expect(headers['user-agent']).toBe(`vpsorg-client-js/${packageVersion}`);
      expect(headers['x-client']).toBe(`vpsorg-client-js/${packageVersion}`);
    }
  });

  it('puts userAgent in front, adds client and per-call headers, and keeps its own Authorization', async () => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    const { client } = testClient(server.url, {
      userAgent: 'fleet-manager/2.1',
      headers: { 'X-Team': 'infra', Authorization: 'Bearer someone-else' },
    });
    await client.servers.get(1, { headers: { 'X-Trace': 'abc' } });
    const { headers } = server.requests[0]!;
    expect(headers['user-agent']).toBe(`fleet-manager/2.1 vpsorg-client-js/${packageVersion}`);
    expect(headers['x-team']).toBe('infra');
    expect(headers['x-trace']).toBe('abc');
    expect(headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('uses the fetch it is given', async () => {
    const server = await startServer((_req, res) => json(res, 200, activeServer));
    const seen: string[] = [];
    const { client } = testClient(server.url, {
      fetch: (input, init) => {
        seen.push(typeof input === 'string' ? input : input.url);
        return fetch(input, init);
      },
    });
    await client.servers.get(5);
    await client.raw.GET('/servers/', {});
    expect(seen).toEqual([`${server.url}/servers/5/`, `${server.url}/servers/`]);
  });
});

describe('the operation surface', () => {
  const newServer = { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west', backups_enabled: true };

  it('sends each operation with the method, path, query and body of the spec', async () => {
    const server = await startServer((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      json(res, req.method === 'POST' && req.url === '/servers/' ? 201 : 200, { echo: `${req.method} ${req.url}` });
    });
    const { client } = testClient(server.url);
    await client.servers.list({ status: 'active', location: 'us-west' });
    await client.servers.list();
    await client.servers.create(newServer);
    await client.servers.get(12345);
    await client.servers.update(12345, { name: 'a', hostname: 'a.example.com', backups_enabled: false });
    await client.servers.patch(12345, { name: 'b' });
    await client.servers.delete(12345);
    await client.servers.start(12345);
    await client.servers.stop(12345);
    await expect(client.servers.reboot(12345)).resolves.toEqual({ echo: 'POST /servers/12345/reboot/' });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'GET /servers/?status=active&location=us-west ',
      'GET /servers/ ',
      `POST /servers/ ${JSON.stringify(newServer)}`,
      'GET /servers/12345/ ',
      'PUT /servers/12345/ {"name":"a","hostname":"a.example.com","backups_enabled":false}',
      'PATCH /servers/12345/ {"name":"b"}',
      'DELETE /servers/12345/ ',
      'POST /servers/12345/start/ ',
      'POST /servers/12345/stop/ ',
      'POST /servers/12345/reboot/ ',
    ]);
    expect(server.requests[2]!.headers['content-type']).toBe('application/json');
  });

  it('has one method per spec operation, where operationIndex says', () => {
    const { client } = testClient('http://127.0.0.1:9');
    const specOperations = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((item) => Object.values(item).map((op) => op?.operationId))
      .filter(Boolean);
    expect(Object.keys(operationIndex).sort()).toEqual([...specOperations].sort());
    for (const entry of Object.values(operationIndex)) {
      expect(typeof (client as any)[entry.group][entry.method]).toBe('function');
    }
    expect(Object.keys(client.servers).sort()).toEqual(
      ['create', 'delete', 'get', 'list', 'patch', 'reboot', 'start', 'stop', 'update', 'waitFor'].sort(),
    );
  });

  it('works the same while raw middleware is registered, which sees real Requests', async () => {
    const server = await startServer((_req, res, { attempt }) =>
      attempt === 1 ? json(res, 503, {}) : json(res, 200, activeServer),
    );
    const { client } = testClient(server.url);
    const seen: string[] = [];
    const middleware = {
      onRequest({ request }: { request: Request }) {
        seen.push(`${request instanceof Request} ${request.method} ${new URL(request.url).pathname}`);
        request.headers.set('X-From-Middleware', 'yes');
        return request;
      },
    };
    client.raw.use(middleware);
    await expect(client.servers.get(12345)).resolves.toEqual(activeServer);
    expect(seen).toEqual(['true GET /servers/12345/']);
    expect(server.requests.map((r) => r.headers['x-from-middleware'])).toEqual(['yes', 'yes']);
    client.raw.eject(middleware);
    await client.servers.get(12345);
    expect(seen).toHaveLength(1);
  });
});
