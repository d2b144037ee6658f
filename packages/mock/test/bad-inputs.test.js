// Bad input, through raw HTTP and through the SDK: every case gets a 4xx (never a 5xx) with an
// Error body whose `details` name the offending field, Prism's `sl-violations` header names the
// same location, and the SDK raises BadRequestError carrying the parsed body.
//
// Prism alone would answer with the declared 400's example body whatever the mistake; the
// mock's front (src/front.js) turns its violations into the body, so these tests check both.
// Every case runs against both modes: the static mock and the stateful sandbox, where Prism's
// validating proxy refuses the input before the sandbox engine sees it.
import { describe, expect, inject, it } from 'vitest';
import { BadRequestError } from '@vpsorg/client';
import { request, sdk, violations } from './support/clients.js';
import { SERVER_ID, requestExample } from './support/examples.js';
import { schemaErrors } from './support/spec.js';

const create = requestExample('createServer');
const replace = requestExample('updateServer');
const id = SERVER_ID;

/**
 * Each case: the raw request, the SDK call making the same mistake, and where the mistake is:
 * `at` is the violation's location after 'request' ([] for the request as a whole), and
 * `says` a piece of the violation's message; `field` is what the body's `details` must name.
 */
const cases = [
  {
    name: 'unknown status filter',
    field: 'status',
    raw: ['GET', '/servers/?status=deleted'],
    sdk: (c) => c.servers.list({ status: 'deleted' }),
    at: ['query', 'status'],
    says: 'allowed values',
  },
  {
    name: 'location filter breaking its pattern',
    field: 'location',
    raw: ['GET', '/servers/?location=US%20West'],
    sdk: (c) => c.servers.list({ location: 'US West' }),
    at: ['query', 'location'],
    says: 'pattern',
  },
  {
    name: 'non-integer server_id (word)',
    field: 'server_id',
    raw: ['GET', '/servers/abc/'],
    sdk: (c) => c.servers.get('abc'),
    at: ['path', 'server_id'],
    says: 'integer',
  },
  {
    name: 'non-integer server_id (decimal)',
    field: 'server_id',
    raw: ['GET', '/servers/1.5/'],
    sdk: (c) => c.servers.get(1.5),
    at: ['path', 'server_id'],
    says: 'integer',
  },
  {
    name: 'negative server_id',
    field: 'server_id',
    raw: ['GET', '/servers/-1/'],
    sdk: (c) => c.servers.get(-1),
    at: ['path', 'server_id'],
    says: '>= 1',
  },
  {
    name: 'zero server_id',
    field: 'server_id',
    raw: ['DELETE', '/servers/0/'],
    sdk: (c) => c.servers.delete(0),
    at: ['path', 'server_id'],
    says: '>= 1',
  },
  // Prism reads these as numbers (1e3 as server 1000); the front refuses them in both modes.
  ...[
    ['exponent', '1e3'],
    ['hexadecimal', '0x10'],
    ['plus sign', '+5'],
    ['leading zero', '01'],
  ].map(([kind, value]) => ({
    name: `server_id spelled with a ${kind} (${value})`,
    field: 'server_id',
    raw: ['GET', `/servers/${encodeURIComponent(value)}/`],
    sdk: (c) => c.servers.get(value),
    at: ['path', 'server_id'],
    says: 'positive integer',
  })),
  // Found by Schemathesis: a path id with a newline and characters beyond Latin-1 went into the
  // sl-violations header as it was, Node refused to write the header, and the mock process died.
  {
    name: 'server_id with a control character and characters beyond Latin-1',
    field: 'server_id',
    raw: ['POST', '/servers/%C2%91%C3%99%0Al%F0%92%92%98/start/'],
    sdk: (c) => c.servers.start('\u0091\u00d9\nl\u{12498}'),
    at: ['path', 'server_id'],
    says: 'positive integer',
  },
  // Found by Schemathesis: int64 ids beyond 2^53 - 1 were valid by the spec, refused by Prism, and
  // no JavaScript client reads them exactly; the spec now says at most 9007199254740991.
  {
    name: 'server_id beyond 2^53 - 1',
    field: 'server_id',
    raw: ['GET', '/servers/9007199254740992/'],
    sdk: (c) => c.servers.get(9007199254740992),
    at: ['path', 'server_id'],
    says: '9007199254740991',
  },
  // Found by Schemathesis: Prism reads `?location=` as no filter at all, so an empty value (which
  // OpenAPI does not allow unless the parameter says allowEmptyValue) listed every server.
  {
    name: 'empty location filter',
    field: 'location',
    raw: ['GET', '/servers/?location='],
    sdk: (c) => c.servers.list({ location: '' }),
    at: ['query', 'location'],
    says: 'empty',
  },
  {
    name: 'empty status filter',
    field: 'status',
    raw: ['GET', '/servers/?status=&location=us-west'],
    sdk: (c) => c.servers.list({ status: '', location: 'us-west' }),
    at: ['query', 'status'],
    says: 'empty',
  },
  {
    name: 'non-integer server_id on an action',
    field: 'server_id',
    raw: ['POST', '/servers/web-01/start/'],
    sdk: (c) => c.servers.start('web-01'),
    at: ['path', 'server_id'],
    says: 'integer',
  },
  {
    name: 'create without the required name',
    field: 'name',
    raw: ['POST', '/servers/', { json: { ...create, name: undefined } }],
    sdk: (c) => c.servers.create({ ...create, name: undefined }),
    at: ['body'],
    says: "'name'",
  },
  {
    name: 'create without plan_id, os_id and location',
    field: 'plan_id',
    raw: ['POST', '/servers/', { json: { name: 'web-01' } }],
    sdk: (c) => c.servers.create({ name: 'web-01' }),
    at: ['body'],
    says: "'plan_id'",
  },
  {
    name: 'name breaking the pattern',
    field: 'name',
    raw: ['POST', '/servers/', { json: { ...create, name: 'web server!' } }],
    sdk: (c) => c.servers.create({ ...create, name: 'web server!' }),
    at: ['body', 'name'],
    says: 'pattern',
  },
  {
    name: 'name starting with a hyphen',
    field: 'name',
    raw: ['POST', '/servers/', { json: { ...create, name: '-web' } }],
    sdk: (c) => c.servers.create({ ...create, name: '-web' }),
    at: ['body', 'name'],
    says: 'pattern',
  },
  {
    name: 'name longer than 63 characters',
    field: 'name',
    raw: ['POST', '/servers/', { json: { ...create, name: 'a'.repeat(64) } }],
    sdk: (c) => c.servers.create({ ...create, name: 'a'.repeat(64) }),
    at: ['body', 'name'],
    says: '63',
  },
  {
    name: 'plan_id as a string',
    field: 'plan_id',
    raw: ['POST', '/servers/', { json: { ...create, plan_id: '1' } }],
    sdk: (c) => c.servers.create({ ...create, plan_id: '1' }),
    at: ['body', 'plan_id'],
    says: 'integer',
  },
  {
    name: 'os_id of zero',
    field: 'os_id',
    raw: ['POST', '/servers/', { json: { ...create, os_id: 0 } }],
    sdk: (c) => c.servers.create({ ...create, os_id: 0 }),
    at: ['body', 'os_id'],
    says: '>= 1',
  },
  {
    name: 'negative ssh_key_id',
    field: 'ssh_key_id',
    raw: ['POST', '/servers/', { json: { ...create, ssh_key_id: -3 } }],
    sdk: (c) => c.servers.create({ ...create, ssh_key_id: -3 }),
    at: ['body', 'ssh_key_id'],
    says: '>= 1',
  },
  {
    name: 'backups_enabled as a string',
    field: 'backups_enabled',
    raw: ['POST', '/servers/', { json: { ...create, backups_enabled: 'yes' } }],
    sdk: (c) => c.servers.create({ ...create, backups_enabled: 'yes' }),
    at: ['body', 'backups_enabled'],
    says: 'boolean',
  },
  {
    name: 'location in upper case',
    field: 'location',
    raw: ['POST', '/servers/', { json: { ...create, location: 'US-WEST' } }],
    sdk: (c) => c.servers.create({ ...create, location: 'US-WEST' }),
    at: ['body', 'location'],
    says: 'pattern',
  },
  {
    name: 'hostname that is not an FQDN',
    field: 'hostname',
    raw: ['POST', '/servers/', { json: { ...create, hostname: 'localhost' } }],
    sdk: (c) => c.servers.create({ ...create, hostname: 'localhost' }),
    at: ['body', 'hostname'],
    says: 'pattern',
  },
  {
    name: 'unknown (misspelt) property',
    field: 'backup_enabled',
    raw: ['POST', '/servers/', { json: { ...create, backup_enabled: true } }],
    sdk: (c) => c.servers.create({ ...create, backup_enabled: true }),
    at: ['body'],
    says: "'backup_enabled'",
  },
  // Found by Schemathesis: Prism quotes an unknown property's name in its sl-violations header,
  // and a name beyond Latin-1 made it throw while writing the header and exit (the mock died).
  {
    name: 'unknown property whose name has characters beyond Latin-1',
    field: 'nom😀',
    raw: ['PATCH', `/servers/${id}/`, { json: { 'nom😀': [[true, '\u0087x']] } }],
    sdk: (c) => c.servers.patch(id, { 'nom😀': [[true, '\u0087x']] }),
    at: ['body'],
    says: 'nom😀',
  },
  {
    name: 'body that is an array',
    field: 'body',
    raw: ['POST', '/servers/', { json: [create] }],
    sdk: (c) => c.servers.create([create]),
    at: ['body'],
    says: 'object',
  },
  {
    name: 'create without a body',
    field: 'body',
    raw: ['POST', '/servers/'],
    sdk: (c) => c.servers.create(undefined),
    at: [],
    says: 'required',
  },
  {
    name: 'wrong content type',
    field: 'Content-Type',
    raw: ['POST', '/servers/', { body: 'name=web-01', headers: { 'content-type': 'text/plain' } }],
    sdk: (c) => c.servers.create(create, { headers: { 'Content-Type': 'text/plain' } }),
    at: [],
    says: 'application/json',
  },
  {
    name: 'PUT without backups_enabled (all fields are required)',
    field: 'backups_enabled',
    raw: ['PUT', `/servers/${id}/`, { json: { ...replace, backups_enabled: undefined } }],
    sdk: (c) => c.servers.update(id, { ...replace, backups_enabled: undefined }),
    at: ['body'],
    says: "'backups_enabled'",
  },
  {
    name: 'PUT with a null hostname',
    field: 'hostname',
    raw: ['PUT', `/servers/${id}/`, { json: { ...replace, hostname: null } }],
    sdk: (c) => c.servers.update(id, { ...replace, hostname: null }),
    at: ['body', 'hostname'],
    says: 'string',
  },
  {
    name: 'empty PATCH body',
    field: 'body',
    raw: ['PATCH', `/servers/${id}/`, { json: {} }],
    sdk: (c) => c.servers.patch(id, {}),
    at: ['body'],
    says: 'fewer than 1',
  },
  {
    name: 'PATCH with a read-only property',
    field: 'status',
    raw: ['PATCH', `/servers/${id}/`, { json: { status: 'active' } }],
    sdk: (c) => c.servers.patch(id, { status: 'active' }),
    at: ['body'],
    says: "'status'",
  },
  {
    name: 'PATCH with an empty name',
    field: 'name',
    raw: ['PATCH', `/servers/${id}/`, { json: { name: '' } }],
    sdk: (c) => c.servers.patch(id, { name: '' }),
    at: ['body', 'name'],
    says: 'fewer than 1',
  },
];

const MODES = [
  ['static mock', () => inject('mockUrl')],
  ['stateful sandbox', () => inject('sandboxUrl')],
];

describe.each(MODES)('bad input, %s', (_mode, baseUrl) => {
  it('malformed JSON gets 400 with an Error body that says so (Prism alone never answers)', async () => {
    const { status, headers, body } = await request('POST', '/servers/', {
      body: '{"name": "web-01",',
      headers: { 'content-type': 'application/json' },
      baseUrl: baseUrl(),
    });
    expect(status).toBe(400);
    expect(schemaErrors('Error', body)).toEqual([]);
    expect(body).toMatchObject({ code: 'invalid_request', details: [{ field: 'body', message: expect.stringContaining('not valid JSON') }] });
    expect(violations(headers)).toContainEqual(expect.objectContaining({ location: ['request', 'body'] }));
  });

  it('malformed JSON quoting characters beyond Latin-1 gets the same 400, and the mock keeps answering', async () => {
    // V8's parse error quotes the body ("Unexpected token '𒒘'"): it goes into the sl-violations
    // header, which Node refuses to write with such characters (the process died before).
    const { status, headers, body } = await request('POST', '/servers/', {
      body: '{"name": 𒒘\n}',
      headers: { 'content-type': 'application/json' },
      baseUrl: baseUrl(),
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'invalid_request', details: [{ field: 'body', message: expect.stringContaining('not valid JSON') }] });
    expect(violations(headers)).toContainEqual(expect.objectContaining({ location: ['request', 'body'], message: body.details[0].message }));
    expect((await request('GET', '/servers/', { baseUrl: baseUrl() })).status).toBe(200);
  });

  it('the table has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(cases.map((c) => [c.name, c]))('%s', (_name, { raw, sdk: call, at, says, field }) => {
    it('raw HTTP: a 4xx with an Error body, and the violation names what was wrong', async () => {
      const [method, path, init] = raw;
      const { status, headers, body } = await request(method, path, { ...init, baseUrl: baseUrl() });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(headers.get('content-type')).toMatch(/^application\/json/i);
      expect(schemaErrors('Error', body)).toEqual([]);
      expect(body.code).toBe('invalid_request');
      expect(body.details).toContainEqual({ field, message: expect.stringContaining(says) });
      const found = violations(headers);
      expect(found, 'the sl-violations header').not.toEqual([]);
      expect(found).toContainEqual(
        expect.objectContaining({ location: ['request', ...at], message: expect.stringContaining(says) }),
      );
    });

    it('SDK: BadRequestError with the body parsed', async () => {
      const error = await call(sdk({ baseUrl: baseUrl() })).then(
        () => expect.unreachable('the call resolved'),
        (e) => e,
      );
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.status).toBe(400);
      expect(schemaErrors('Error', error.body)).toEqual([]);
      expect(error.body.code).toBe('invalid_request');
      expect(error.body.details.map((d) => d.field)).toContain(field);
    });
  });
});
