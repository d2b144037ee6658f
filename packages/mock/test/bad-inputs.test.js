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
import { BAD_INPUTS as cases } from './support/bad-inputs.js';
import { request, sdk, violations } from './support/clients.js';
import { schemaErrors } from './support/spec.js';

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
