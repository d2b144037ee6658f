// `cliWords` (@vpsorg/codegen) writes the `vps` command line of a request: the help's example
// lines and the docs' "copy as vps" come from it. Here the installed `vps` runs those words
// against a recording server, and must send exactly the request they were made from: every
// generated command, with flags, with a body flags cannot say (sent whole with --body), and
// with the global --base-url.
import { cliWords } from '@vpsorg/codegen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../src/generated/commands.js';
import { json, startServer } from './support/http-server.js';
import { vps } from './support/vps.js';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;
beforeAll(async () => {
  api = await startServer((req, res) => (req.method === 'DELETE' ? (res.writeHead(204), res.end()) : json(res, 200, { id: 1, status: 'active' })));
});
afterAll(() => api?.close());

/** The request `vps WORDS` sends (one request: nothing here waits or retries). */
async function sent(words) {
  const before = api.requests.length;
  const result = await vps(words, { env: { VPS_API_TOKEN: 'words-token' } });
  expect(result.stderr, words.join(' ')).toBe('');
  expect(result.code, words.join(' ')).toBe(0);
  expect(api.requests.length - before, words.join(' ')).toBe(1);
  const { method, url, body } = /** @type {(typeof api.requests)[number]} */ (api.requests.at(-1));
  const parsed = new URL(url, 'http://x');
  return { method, path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), body: body ? JSON.parse(body) : undefined };
}

const command = (operationId) => {
  const found = commands.find((c) => c.operationId === operationId);
  if (!found) throw new Error(`no command for ${operationId}`);
  return found;
};

describe('cliWords', () => {
  it.each(commands.map((c) => [c.operationId, c]))('%s: the example request, as words, is the request vps sends', async (_, spec) => {
    const path = Object.fromEntries(spec.args.map((arg) => [arg.name, arg.example ?? 7]));
    const query = Object.fromEntries(spec.query.filter((q) => Array.isArray(q.schema.enum)).map((q) => [q.name, q.schema.enum?.[0]]));
    const required = spec.body?.fields.filter((f) => f.required) ?? [];
    const fields = required.length || !spec.body?.nonEmpty ? required : spec.body.fields.slice(0, 1);
    const body = spec.body ? Object.fromEntries(fields.map((f) => [f.name, sample(f.schema)])) : undefined;
    const words = cliWords(spec, { path, query, body, baseUrl: api.url, yes: true });
    expect(words.slice(0, 2)).toEqual(['--base-url', api.url]);
    expect(words).not.toContain('--body'); // every field here is one a flag can say
    const request = await sent(words);
    let expectedPath = spec.path;
    for (const [name, value] of Object.entries(path)) expectedPath = expectedPath.replace(`{${name}}`, String(value));
    expect(request).toEqual({ method: spec.httpMethod, path: expectedPath, query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), body });
  });

  it('passes a body that flags cannot say exactly (a null, an unknown field) whole, with --body: vps checks it as it checks flags', async () => {
    const update = command('updateServer');
    const body = { name: 'web-01', hostname: null, backups_enabled: false };
    const words = cliWords(update, { path: { server_id: 12345 }, body, baseUrl: api.url });
    expect(words).toEqual(['--base-url', api.url, 'servers', 'update', '12345', '--body', JSON.stringify(body)]);
    const before = api.requests.length;
    // hostname is not nullable in a request: refused, naming the field, and nothing is sent.
    expect(await vps(words, { env: { VPS_API_TOKEN: 'words-token' } })).toMatchObject({ code: 2, stderr: expect.stringContaining('field hostname must be a string, got null') });
    const unknown = cliWords(update, { path: { server_id: 1 }, body: { name: 'web-01', hostname: 'web01.example.com', backups_enabled: true, colour: 'red' } });
    expect(unknown.slice(-2)).toEqual(['--body', '{"name":"web-01","hostname":"web01.example.com","backups_enabled":true,"colour":"red"}']);
    expect(await vps(['--base-url', api.url, ...unknown], { env: { VPS_API_TOKEN: 'words-token' } })).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown field "colour"') });
    expect(api.requests.length).toBe(before);
  });

  it('writes booleans as --x and --no-x, and adds --yes only to a command that asks first', async () => {
    const patch = command('partialUpdateServer');
    const words = cliWords(patch, { path: { server_id: 5 }, body: { backups_enabled: false }, baseUrl: api.url, yes: true });
    expect(words).toEqual(['--base-url', api.url, 'servers', 'patch', '5', '--no-backups-enabled']);
    expect(await sent(words)).toMatchObject({ method: 'PATCH', body: { backups_enabled: false } });
    expect(cliWords(command('deleteServer'), { path: { server_id: 5 }, yes: true })).toEqual(['servers', 'delete', '5', '--yes']);
    expect(cliWords(command('deleteServer'), { path: { server_id: 5 } })).toEqual(['servers', 'delete', '5']);
  });

  it('makes the example line of every command\'s help', () => {
    for (const spec of commands) {
      const path = Object.fromEntries(spec.args.map((arg) => [arg.name, arg.example ?? 1]));
      expect(spec.example?.slice(0, 2 + spec.args.length), spec.operationId).toEqual(cliWords(spec, { path }).slice(0, 2 + spec.args.length));
    }
    expect(command('createServer').example).toEqual(cliWords(command('createServer'), {
      body: { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west', hostname: 'web02.example.com', backups_enabled: true },
    }));
  });
});

/** A value that a flag of this schema accepts. */
function sample(schema) {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'boolean':
      return true;
    case 'json':
      return { any: ['json'] };
    default: {
      const fits = (s) => (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(s)) && s.length <= (schema.maxLength ?? Infinity);
      const found = ['a-name', 'web01.example.com'].find(fits);
      if (!found) throw new Error(`no sample string for ${JSON.stringify(schema)}`);
      return found;
    }
  }
}
