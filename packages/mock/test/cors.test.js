// CORS, for a page on another origin (the docs' Try it console): preflights answered in both
// modes, and every answer to a request with an Origin allows it and exposes X-Request-Id and
// Retry-After, whether Prism, the sandbox engine or the front itself (malformed JSON, a bad path
// id, the control API) made it. Chromium's side of it is in packages/docs/test/try-it.test.mjs.
import { describe, expect, inject, it } from 'vitest';

const ORIGIN = 'http://127.0.0.1:8080';
const TOKEN = 'cors-token';
const mocks = { static: inject('mockUrl'), sandbox: inject('sandboxUrl') };

const call = (base, path, { method = 'GET', headers = {}, body } = {}) =>
  fetch(base + path, { method, headers: { origin: ORIGIN, ...headers }, body });

/** What a browser checks on an answer to a request from ORIGIN. */
function expectAllowed(response, what) {
  expect(response.headers.get('access-control-allow-origin'), what).toBe(ORIGIN);
  const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
  expect(exposed, what).toEqual(expect.arrayContaining(['*']));
}

describe.each(Object.entries(mocks))('the %s mock', (mode, base) => {
  it('answers a preflight for any route, the control API included, with the method and headers asked for', async () => {
    for (const path of ['/servers/', '/servers/12345/', '/__sandbox/advance']) {
      const response = await call(base, path, {
        method: 'OPTIONS',
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(response.status, `${mode} ${path}`).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
      expect(response.headers.get('access-control-allow-methods')).toMatch(/\bDELETE\b/);
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    }
  });

  it('allows the origin on Prism\'s answers and on the front\'s own: malformed JSON, a bad path id, no token', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const list = await call(base, '/servers/', { headers: auth });
    expect(list.status).toBe(200);
    expectAllowed(list, 'list');
    const malformed = await call(base, '/servers/', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"name":' });
    expect(malformed.status).toBe(400);
    expectAllowed(malformed, 'malformed JSON');
    const badId = await call(base, '/servers/1e3/', { headers: auth });
    expect(badId.status).toBe(400);
    expectAllowed(badId, 'bad path id');
    const noToken = await call(base, '/servers/');
    expect(noToken.status).toBe(401);
    expectAllowed(noToken, 'no token');
  });

  it('adds nothing to a request without an Origin (curl, the SDK)', async () => {
    const response = await fetch(`${base}/servers/1e3/`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the sandbox', () => {
  const base = mocks.sandbox;
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('lets another origin drive the clock and read the request id of a 404', async () => {
    const advanced = await call(base, '/__sandbox/advance', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"seconds":1}' });
    expect(advanced.status).toBe(200);
    expectAllowed(advanced, 'advance');
    const state = await call(base, '/__sandbox/', { headers: auth });
    expect(state.status).toBe(200);
    expectAllowed(state, 'state');
    expect((await state.json()).offset_seconds).toBeGreaterThanOrEqual(1);
    const missing = await call(base, '/servers/987654321/', { headers: auth });
    expect(missing.status).toBe(404);
    expectAllowed(missing, '404');
    expect(missing.headers.get('x-request-id')).toMatch(/\S/);
    await call(base, '/__sandbox/reset', { method: 'POST', headers: auth });
  });
});
