// Logging: one line per request, response, retry and error, at the levels the README gives; the
// token and Authorization never in any line at any level; off, the logger is never touched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VpsConfigError, createVpsClient, type Logger, type LogLevel } from '../src/index.js';
import { TEST_TOKEN, rejection } from './support/client.js';
import { activeServer, closeAllServers, json, refusedUrl, startServer, type TestServer } from './support/http-server.js';

afterEach(async () => {
  vi.unstubAllEnvs();
  await closeAllServers();
});

/** A logger keeping every line with the method it came through. */
function recorder() {
  const lines: string[] = [];
  const logger: Logger = {
    error: (line) => void lines.push(`error: ${line}`),
    warn: (line) => void lines.push(`warn: ${line}`),
    info: (line) => void lines.push(`info: ${line}`),
    debug: (line) => void lines.push(`debug: ${line}`),
  };
  return { lines, logger };
}

/** A careless API: it echoes the token in bodies and in a redirect, and fails in every way. */
function startEchoingApi(): Promise<TestServer> {
  return startServer((req, res, { attempt }) => {
    const sent = String(req.headers.authorization).replace('Bearer ', '');
    if (req.url === '/servers/1/' && attempt === 1) return json(res, 503, { message: `busy, ${sent}` });
    if (req.url === '/servers/1/') return res.writeHead(302, { location: `/servers/2/?echo=${sent}` }).end();
    if (req.url === '/servers/404/') return json(res, 404, { code: 'not_found', message: `no server for ${sent}` }, { 'x-request-id': 'req_404' });
    if (req.method === 'POST') return json(res, 201, { ...activeServer, message: `created for\n${sent}` });
    json(res, 200, { ...activeServer, name: `web of ${sent}` }, { 'x-request-id': 'req_ok', 'set-cookie': `session=${sent}` });
  });
}

/** Every kind of event once: a retried and redirected get, a create with a body, a 404, a refused connection. */
async function traffic(level: LogLevel) {
  const api = await startEchoingApi();
  const { lines, logger } = recorder();
  const options = { token: TEST_TOKEN, logger, logLevel: level, retry: { baseDelayMs: 1 } };
  const client = createVpsClient({ ...options, baseUrl: api.url });
  await client.servers.get(1);
  await client.servers.create({ name: 'web', plan_id: 1, os_id: 5, location: 'us-west' });
  await rejection(client.servers.get(404));
  await rejection(createVpsClient({ ...options, baseUrl: await refusedUrl(), maxRetries: 1 }).servers.list());
  return { api, lines };
}

const kinds = (lines: string[]) => lines.map((line) => /^(\w+): \[vps\] (\w+)/.exec(line)!.slice(1).join(' '));

describe('logging', () => {
  it.each(['error', 'warn', 'info', 'debug'] as const)('at %s: never the token or an Authorization value, one line per event', async (level) => {
    const { lines } = await traffic(level);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(TEST_TOKEN);
      expect(line).not.toContain(TEST_TOKEN.slice(4, 16));
      expect(line).not.toMatch(/bearer\s+\w/i);
      expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it('each level adds its events to the ones above', async () => {
    const error = kinds((await traffic('error')).lines);
    const warn = kinds((await traffic('warn')).lines);
    const info = kinds((await traffic('info')).lines);
    expect(error).toEqual(['error error', 'error error']);
    expect(warn).toEqual(['warn retry', 'error error', 'warn retry', 'error error']);
    expect(info).toEqual([
      'info request', 'info response', 'warn retry', 'info request', 'info response', // the 503, then the redirected 200
      'info request', 'info response', // create
      'info request', 'info response', 'error error', // 404
      'info request', 'warn retry', 'info request', 'error error', // refused twice
    ]);
    expect(kinds((await traffic('debug')).lines)).toEqual(info.map((kind) => kind.replace(/^info/, 'debug')));
  });

  it('lines say what happened; bodies and headers only at debug, credentials shown as REDACTED', async () => {
    const info = (await traffic('info')).lines;
    const { api, lines: debug } = await traffic('debug');
    expect(info.join('\n')).not.toMatch(/ (body|headers) /);
    expect(info).toContainEqual(expect.stringMatching(/^info: \[vps\] response 200 GET http:\/\/127\.0\.0\.1:\d+\/servers\/2\/\?echo=REDACTED in \d+ ms \(request id req_ok\)$/));
    expect(info).toContainEqual(expect.stringMatching(/^warn: \[vps\] retry 1 of 2 GET http:\/\/127\.0\.0\.1:\d+\/servers\/1\/ in \d+ ms after 503$/));
    expect(info).toContainEqual(
      expect.stringMatching(/^error: \[vps\] error NotFoundError: GET .*\/servers\/404\/ failed with 404: not_found: no server for REDACTED \(request id req_404\)$/),
    );
    expect(info).toContainEqual(expect.stringMatching(/^error: \[vps\] error VpsConnectionError: GET .* failed: could not connect .*ECONNREFUSED/));

    const create = debug.find((line) => line.startsWith('debug: [vps] request POST'))!;
    expect(create).toContain(' body {"name":"web","plan_id":1,"os_id":5,"location":"us-west"}');
    expect(create).toContain('"authorization":"REDACTED"');
    expect(create).toContain('"content-type":"application/json"');
    const created = debug.find((line) => line.startsWith('debug: [vps] response 201'))!;
    expect(created).toContain('created for\\nREDACTED'); // the body's line break, escaped
    const got = debug.find((line) => line.includes('request id req_ok'))!;
    expect(got).toContain('"set-cookie":"REDACTED"');
    expect(got).toContain('"name":"web of REDACTED"');
    expect(api.requests.length).toBeGreaterThan(0);
  });

  it('off (the default): the logger is never touched after construction', async () => {
    const api = await startEchoingApi();
    let touched = 0;
    const trap = new Proxy({} as Logger, {
      get: (_target, name) => {
        touched++;
        return typeof name === 'string' ? () => undefined : undefined;
      },
    });
    for (const options of [{}, { logLevel: 'off' as const }]) {
      const client = createVpsClient({ token: TEST_TOKEN, baseUrl: api.url, logger: trap, retry: { baseDelayMs: 1 }, ...options });
      const atConstruction = touched;
      await client.servers.get(1);
      await rejection(client.servers.get(404));
      expect(touched).toBe(atConstruction);
    }
  });

  it('VPS_LOG sets the level when the options do not; logLevel wins over it', async () => {
    const api = await startEchoingApi();
    vi.stubEnv('VPS_LOG', 'Warn');
    const fromEnvironment = recorder();
    await createVpsClient({ token: TEST_TOKEN, baseUrl: api.url, logger: fromEnvironment.logger, retry: { baseDelayMs: 1 } }).servers.get(1);
    expect(kinds(fromEnvironment.lines)).toEqual(['warn retry']);
    const fromOption = recorder();
    await createVpsClient({ token: TEST_TOKEN, baseUrl: api.url, logger: fromOption.logger, logLevel: 'off' }).servers.get(1);
    expect(fromOption.lines).toEqual([]);
  });

  it('console is the default logger', async () => {
    const api = await startEchoingApi();
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      await createVpsClient({ token: TEST_TOKEN, baseUrl: api.url, logLevel: 'info', maxRetries: 0 }).servers.get(12345);
      expect(info.mock.calls.map((args) => String(args[0]).split(' ').slice(0, 3).join(' '))).toEqual(['[vps] request GET', '[vps] response 200']);
    } finally {
      info.mockRestore();
    }
  });

  it.each([
    [{ logLevel: 'verbose' }, undefined, /^createVpsClient: logLevel must be one of off, error, warn, info, debug, got "verbose"$/],
    [{}, 'loud', /^createVpsClient: VPS_LOG must be one of off, error, warn, info, debug, got "loud"$/],
    [{ logger: { info: () => undefined } }, undefined, /logger must have error, warn, info and debug methods/],
  ])('%j (VPS_LOG=%s) is refused at construction', (options, environment, message) => {
    if (environment) vi.stubEnv('VPS_LOG', environment);
    expect(() => createVpsClient({ token: TEST_TOKEN, ...(options as object) })).toThrow(VpsConfigError);
    expect(() => createVpsClient({ token: TEST_TOKEN, ...(options as object) })).toThrow(message);
  });
});
