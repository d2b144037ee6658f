// Methods the spec does not declare on a path (found by Schemathesis: Prism answers them with a 405
// that names no `Allow` header, which RFC 9110 requires), HEAD and a plain OPTIONS, in both modes.
import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { TOKEN, request } from './support/clients.js';
import { schemaErrors } from './support/spec.js';

/** One request by node:http (fetch refuses TRACE): { status, headers (a Headers), body }. */
function raw(method, url) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        resolve({ status: res.statusCode, headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const MODES = [
  ['static mock', () => inject('mockUrl')],
  ['stateful sandbox', () => inject('sandboxUrl')],
];

const allowed = (headers) => (headers.get('allow') ?? '').split(',').map((m) => m.trim()).sort();

describe.each(MODES)('undeclared methods, %s', (_mode, baseUrl) => {
  it.each([
    ['TRACE', '/servers/12345/', ['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']],
    ['POST', '/servers/12345/', ['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']],
    ['DELETE', '/servers/', ['GET', 'HEAD', 'POST']],
    ['GET', '/servers/12345/start/', ['POST']],
    ['PUT', '/servers/12345/reboot/', ['POST']],
  ])('%s %s: 405 with Allow naming what the spec declares, and an Error body', async (method, path, methods) => {
    const { status, headers, body } = await raw(method, baseUrl() + path);
    expect(status).toBe(405);
    expect(allowed(headers)).toEqual(methods);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(schemaErrors('Error', body)).toEqual([]);
    expect(body.code).toBe('method_not_allowed');
    expect(body.message).toContain(method);
  });

  it('a plain OPTIONS gets 204 with Allow; a CORS preflight is still answered for browsers', async () => {
    const plain = await request('OPTIONS', '/servers/12345/start/', { baseUrl: baseUrl() });
    expect(plain.status).toBe(204);
    expect(allowed(plain.headers)).toEqual(['POST']);
    const preflight = await request('OPTIONS', '/servers/', {
      baseUrl: baseUrl(),
      token: null,
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('HEAD answers as GET does, without a body', async () => {
    const get = await request('GET', '/servers/12345/', { baseUrl: baseUrl() });
    const head = await request('HEAD', '/servers/12345/', { baseUrl: baseUrl() });
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.body).toBeUndefined();
    expect((await request('HEAD', '/servers/12345/', { baseUrl: baseUrl(), token: null })).status).toBe(401);
  });

  it('a path the spec does not have is still a 404, whatever the method', async () => {
    expect((await raw('TRACE', `${baseUrl()}/nothing/`)).status).toBe(404);
  });
});
