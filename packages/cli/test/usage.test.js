// Bad input exits 2 with a message naming what is wrong, and sends nothing; API and network
// errors exit 1 with one line; the token never appears in any output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer } from './support/http-server.js';
import { vps } from './support/vps.js';

const TOKEN = 'tok_live_S3CRET_value_42';
/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;
const env = () => ({ VPS_BASE_URL: api.url, VPS_API_TOKEN: TOKEN });

beforeAll(async () => {
  api = await startServer((req, res, body) => {
    const echo = `token ${TOKEN} is not allowed`; // a server that echoes the token back
    if (req.url === '/servers/500/') return json(res, 500, { code: 'internal_error', message: 'Boom.' });
    if (req.url === '/servers/401/') return json(res, 401, { code: 'unauthorized', message: echo }, { 'x-request-id': 'req_401' });
    if (req.url === '/servers/402/') return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
    if (req.url === '/servers/' && req.method === 'POST') {
      return json(res, 400, { code: 'invalid_request', message: 'Invalid parameters.', details: [{ field: 'name', message: 'Name taken.' }] }, { 'x-request-id': 'req_400' });
    }
    json(res, 200, { id: 1, name: 'web', status: 'active', note: echo, echoed: body });
  });
});
afterAll(() => api.close());

describe('usage errors: exit 2, the flag named, nothing sent', () => {
  const create = ['servers', 'create', '--name', 'web-01', '--plan-id', '1', '--os-id', '5', '--location', 'us-west'];
  it.each([
    ['a wrong type', [...create.slice(0, 5), 'one', ...create.slice(6)], /^vps: error: option --plan-id must be an integer, got "one"/],
    ['a value out of range', [...create.slice(0, 5), '0', ...create.slice(6)], /option --plan-id must be at least 1, got "0"/],
    ['a value against the pattern', ['servers', 'create', ...create.slice(2, 3), 'web_01!', ...create.slice(4)], /option --name must match/],
    ['an enum value not in the list', ['servers', 'list', '--status', 'exploded'], /option --status must be one of: active, stopped, suspended, got "exploded"/],
    ['a missing required flag', create.slice(0, 8), /missing required option --location \(or give the whole body with --body\)/],
    ['a missing required boolean', ['servers', 'update', '1', '--name', 'a', '--hostname', 'a.example.com'], /missing required option --backups-enabled or --no-backups-enabled/],
    ['an empty patch', ['servers', 'patch', '1'], /give at least one of --name, --hostname, --backups-enabled \(or --body\)/],
    ['an unknown flag, with the nearest one', [...create, '--hostnme', 'a.example.com'], /^vps: error: unknown option '--hostnme' \(did you mean --hostname\?\)$/m],
    ['an unknown command, with the nearest one', ['servers', 'lsit'], /^vps: error: unknown command 'lsit' \(did you mean list\?\)$/m],
    ['an unknown group', ['server', 'list'], /unknown command 'server' \(did you mean servers\?\)/],
    ['a path argument that is not an integer', ['servers', 'get', 'web-01'], /argument <server-id> must be an integer, got "web-01"/],
    ['a missing path argument', ['servers', 'get'], /missing required argument 'server-id'/],
    ['--body that is not JSON', ['servers', 'create', '--body', '{name:'], /option --body must be a JSON object .* not JSON/],
    ['--body with an unknown field', ['servers', 'create', '--body', '{"name":"a","plan_id":1,"os_id":5,"location":"x","nmae":"b"}'], /option --body: unknown field "nmae"/],
    ['--body with a wrong type', ['servers', 'create', '--body', '{"name":"a","plan_id":"1","os_id":5,"location":"x"}'], /option --body: field plan_id must be an integer/],
    ['an unknown output format', ['servers', 'list', '-o', 'xml'], /argument 'xml' is invalid\. Allowed choices are table, json, yaml/],
    ['delete in a pipe without --yes', ['servers', 'delete', '1'], /asks for confirmation, and stdin is not a terminal: pass --yes/],
  ])('%s', async (_, args, message) => {
    const before = api.requests.length;
    const result = await vps(args, { env: env() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(api.requests.length).toBe(before);
  });

  it('no token anywhere is exit 2 saying where a token comes from', async () => {
    const result = await vps(['servers', 'list'], { env: { VPS_BASE_URL: api.url } });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('vps: error: no API token: pass --token, set VPS_API_TOKEN, or save one with vps configure\n');
  });
});

describe('what is sent', () => {
  it('flags become the typed body, a --body file is merged under them, and the SDK identifies itself', async () => {
    const result = await vps(['servers', 'patch', '7', '--body', '{"name":"from-body","hostname":"h.example.com"}', '--name', 'from-flag', '--no-backups-enabled'], { env: env() });
    expect(result.code).toBe(0);
    const request = /** @type {any} */ (api.requests.at(-1));
    expect(request).toMatchObject({ method: 'PATCH', url: '/servers/7/' });
    expect(JSON.parse(request.body)).toEqual({ name: 'from-flag', hostname: 'h.example.com', backups_enabled: false });
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['user-agent']).toMatch(/^vpsorg-cli\/0\.1\.0 vpsorg-client-js\/0\.1\.0$/);
  });

  it('--body @- reads the body from stdin', async () => {
    const result = await vps(['servers', 'update', '7', '--body', '@-'], { env: env(), input: '{"name":"a","hostname":"a.example.com","backups_enabled":true}' });
    expect(result.code).toBe(0);
    expect(JSON.parse(/** @type {any} */ (api.requests.at(-1)).body)).toEqual({ name: 'a', hostname: 'a.example.com', backups_enabled: true });
  });
});

describe('API and network errors: exit 1, one line', () => {
  it('a 400 names the fields at fault and the request id', async () => {
    const result = await vps(['servers', 'create', '--name', 'web', '--plan-id', '1', '--os-id', '5', '--location', 'us-west'], { env: env() });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('vps: error: 400 Bad Request: Invalid parameters. name: Name taken. (code invalid_request, request id req_400)\n');
  });

  it('a 5xx after no retries, and a non-JSON body, each in one line', async () => {
    const failed = await vps(['servers', 'get', '500', '--max-retries', '0'], { env: env() });
    expect(failed).toMatchObject({ code: 1, stderr: 'vps: error: 500 Internal Server Error: Boom. (code internal_error, request id req_test_1)\n' });
    const html = await vps(['servers', 'get', '402', '--max-retries', '0'], { env: env() });
    expect(html.code).toBe(1);
    expect(html.stderr).toBe('vps: error: 502 Bad Gateway: <html><body>Bad gateway</body></html>\n');
  });

  it('an API that cannot be reached', async () => {
    const result = await vps(['servers', 'list', '--max-retries', '0'], { env: { VPS_BASE_URL: 'http://127.0.0.1:9', VPS_API_TOKEN: TOKEN } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^vps: error: GET http:\/\/127\.0\.0\.1:9\/servers\/ failed: could not connect/);
  });
});

describe('the token is never printed', () => {
  it.each([
    ['in an error body the API echoes', ['servers', 'get', '401'], 1],
    ['in a success body the API echoes, as JSON', ['servers', 'get', '3'], 0],
    ['in a success body, as a table', ['servers', 'get', '3', '-o', 'table'], 0],
    ['in a success body, as YAML', ['servers', 'get', '3', '-o', 'yaml'], 0],
    ['given with --token, in a usage error', ['--token', TOKEN, 'servers', 'get', TOKEN], 2],
  ])('%s', async (_, args, code) => {
    const result = await vps(/** @type {string[]} */ (args), { env: env() });
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(result.stdout + result.stderr).toMatch(/REDACTED/);
  });
});
