// The token is taken out of everything vps writes by the client's rule (redactToken): where it
// stands as a whole token, however short, and nowhere else. A token that is a common string (`a`,
// `1`, `Bearer`) must neither show as a word of its own nor garble the words, hosts and ids that
// merely contain it; a real-looking one must not show at all. Through the installed `vps` and a
// loopback API that echoes the token back in success bodies, error bodies and headers.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer } from './support/http-server.js';
import { vps } from './support/vps.js';

const REAL = 'vps_live_7Hc2Kq9ZpX4mWn8RtY3v';
const TOKENS = ['a', '1', 'Bearer', REAL];

// Ordinary text that holds each short token only inside longer tokens: it must come out as it is.
const ORDINARY = ['web-server-01', 'a1.example.com', '203.0.113.10', '12345', 'BearerAuth', 'invalid', 'us-west'];

/** The token that the request carried, from its Authorization header. */
const tokenOf = (req) => String(req.headers.authorization ?? '').replace(/^Bearer /, '');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vps-redaction-'));
  api = await startServer((req, res) => {
    const t = tokenOf(req);
    const echo = `token ${t} is invalid; BearerAuth needs "${t}"`;
    if (req.url === '/servers/401/') return json(res, 401, { code: 'unauthorized', message: echo }, { 'x-request-id': 'req_1a' });
    json(
      res,
      200,
      {
        id: 12345,
        name: 'web-server-01',
        hostname: 'a1.example.com',
        status: 'active',
        ip_address: '203.0.113.10',
        location: 'us-west',
        plan: { id: 1, name: 'Standard VPS' },
        note: `a server for ${t} (invalid keys are refused; BearerAuth only)`,
      },
      { 'x-request-id': 'req_1a' },
    );
  });
});
afterAll(() => api.close());

/** The words of `text` as the rule cuts it: runs of word characters joined by `. ~ + -`. */
const words = (text) => text.split(/[^\w.~+-]+/).map((word) => word.replace(/^[.~+-]+|[.~+-]+$/g, ''));

/** The token is nowhere a word of its own; a long one is nowhere at all. */
function expectNoToken(text, token) {
  expect(words(text)).not.toContain(token);
  if (token.length >= 16) expect(text).not.toContain(token);
}

describe.each(TOKENS)('with the token %j', (token) => {
  const env = () => ({ VPS_BASE_URL: api.url, VPS_API_TOKEN: token, VPS_CONFIG_FILE: join(dir, 'none.json') });
  const ordinary = ORDINARY.filter((text) => text !== token);

  it('JSON output: valid JSON, the echoed token out, the rest as it was', async () => {
    const result = await vps(['servers', 'get', '12345', '-o', 'json'], { env: env() });
    expect(result.code).toBe(0);
    const output = result.stdout + result.stderr;
    expectNoToken(output, token);
    const server = JSON.parse(result.stdout);
    expect(server.note).toBe(token === 'a' ? 'REDACTED server for REDACTED (invalid keys are refused; BearerAuth only)' : 'a server for REDACTED (invalid keys are refused; BearerAuth only)');
    expect(server).toMatchObject({ id: 12345, name: 'web-server-01', hostname: 'a1.example.com', ip_address: '203.0.113.10', location: 'us-west' });
    // A number equal to the token is shown as the word REDACTED, as a string, so the JSON stays valid.
    expect(server.plan.id).toBe(token === '1' ? 'REDACTED' : 1);
    for (const text of ordinary) expect(output).toContain(text);
  });

  it('table and YAML output', async () => {
    for (const format of ['table', 'yaml']) {
      const result = await vps(['servers', 'get', '12345', '-o', format], { env: env() });
      expect(result.code).toBe(0);
      expectNoToken(result.stdout + result.stderr, token);
      if (format === 'yaml') expect(result.stdout).toContain('REDACTED');
      for (const text of ['web-server-01', 'a1.example.com', '203.0.113.10', '12345']) expect(result.stdout).toContain(text);
    }
  });

  it('an API error that echoes the token: one line, the token out, the words around it kept', async () => {
    const result = await vps(['servers', 'get', '401'], { env: env() });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expectNoToken(result.stderr, token);
    expect(result.stderr).toBe(
      `vps: error: 401 Unauthorized: token REDACTED is invalid; BearerAuth needs "REDACTED" (code unauthorized, request id req_1a)\n`,
    );
  });

  it('debug log lines go to stderr, redacted, and leave stdout the JSON result', async () => {
    const result = await vps(['servers', 'get', '12345', '-o', 'json'], { env: { ...env(), VPS_LOG: 'debug' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe(12345);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines.some((line) => line.startsWith('[vps] request GET') && line.includes('"authorization":"REDACTED"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('[vps] response 200 GET') && line.includes('(request id req_1a)'))).toBe(true);
    expectNoToken(result.stdout + result.stderr, token);
    for (const text of ['a1.example.com', '203.0.113.10', 'web-server-01']) expect(result.stderr).toContain(text);
  });

  it('configure, and a usage error that holds the token', async () => {
    const file = join(dir, `config-${TOKENS.indexOf(token)}.json`);
    const saved = await vps(['configure', '--token', token, '--base-url', api.url], { env: { VPS_CONFIG_FILE: file } });
    expect(saved.code).toBe(0);
    expectNoToken(saved.stdout + saved.stderr, token);
    expect(saved.stdout).toBe(`Saved profile "default" to ${file} (base URL ${api.url}).\n`);

    const usage = await vps(['--token', token, 'servers', 'list', '--status', token], { env: { VPS_CONFIG_FILE: file } });
    expect(usage.code).toBe(2);
    expectNoToken(usage.stdout + usage.stderr, token);
    expect(usage.stderr).toBe('vps: error: option --status must be one of: active, stopped, suspended, got "REDACTED"\n');
  });
});
