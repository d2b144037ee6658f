// The front's reading of Prism violations (src/front.js), case by case (the bad-input table
// checks the same end to end against a real Prism), and its switchable upstream (pnpm start).
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createFront, explain, fieldOf, headerJson } from '../src/front.js';
import { schemaErrors } from './support/spec.js';

const v = (location, message, extra = {}) => ({ location, message, severity: 'Error', code: 'x', ...extra });

describe('fieldOf', () => {
  it.each([
    [v(['request', 'query', 'status'], 'must be equal to one of the allowed values'), 'status'],
    [v(['request', 'path', 'server_id'], 'must be integer'), 'server_id'],
    [v(['request', 'header', 'x-trace'], 'must be string'), 'x-trace'],
    [v(['request', 'body', 'name'], 'must match pattern'), 'name'],
    [v(['request', 'body', 'plan', 'id'], 'must be integer'), 'plan.id'],
    [v(['request', 'body'], "Request body must have required property 'os_id'"), 'os_id'],
    [v(['request', 'body'], "Request body must NOT have additional properties; found 'color'"), 'color'],
    [v(['request', 'body'], 'Request body must NOT have fewer than 1 properties'), 'body'],
    [v(['request'], 'Supported content types: application/json'), 'Content-Type'],
    [v(['request'], 'Body parameter is required'), 'body'],
  ])('%j -> %s', (violation, field) => {
    expect(fieldOf(violation)).toBe(field);
  });
});

describe('explain', () => {
  it('builds an Error body, valid against the spec, with one detail per request error', () => {
    const body = explain([
      v(['request', 'query', 'status'], 'Request query parameter status must be one of active, stopped'),
      v(['request', 'body', 'name'], 'Request body property name must match pattern'),
    ]);
    expect(schemaErrors('Error', body)).toEqual([]);
    expect(body.code).toBe('invalid_request');
    expect(body.details).toEqual([
      { field: 'status', message: 'Request query parameter status must be one of active, stopped' },
      { field: 'name', message: 'Request body property name must match pattern' },
    ]);
    expect(body.message).toContain('status must be one of');
  });

  it('leaves alone what is not a request error: warnings, response violations, security', () => {
    expect(explain([])).toBeUndefined();
    expect(explain([v(['request', 'body'], 'deprecated', { severity: 'Warning' })])).toBeUndefined();
    expect(explain([v(['response', 'body', 'id'], 'must be integer')])).toBeUndefined();
    expect(explain([v(['request'], 'Invalid security scheme used', { code: 401 })])).toBeUndefined();
  });
});

describe('createFront with a switchable upstream', () => {
  /**
   * A loopback HTTP server answering `name`; with `held`, only once `release()` is called (no timer:
   * the request is still in flight however slowly a loaded machine gets to look at it).
   */
  const backend = async (name, { held = false } = {}) => {
    const waiting = [];
    let released = !held;
    const server = createServer((_req, res) => (released ? res.end(name) : waiting.push(() => res.end(name))));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const release = () => {
      released = true;
      for (const answer of waiting.splice(0)) answer();
    };
    return { url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`, release, close: () => new Promise((r) => server.close(r)) };
  };

  it('answers 503 mock_starting without an upstream, sends each request to the upstream of its time, and counts those in flight', async () => {
    const slow = await backend('old', { held: true });
    const fast = await backend('new');
    let upstream = /** @type {string | null} */ (null);
    const front = createFront(() => upstream);
    await new Promise((r) => front.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (front.address()).port}/servers/`;
    try {
      const starting = await fetch(url);
      expect(starting.status).toBe(503);
      expect((await starting.json()).code).toBe('mock_starting');

      upstream = slow.url;
      const inFlight = fetch(url).then((r) => r.text());
      await expect.poll(() => front.inFlight(slow.url)).toBe(1);
      upstream = fast.url; // switched while the old upstream still answers a request
      expect(await (await fetch(url)).text()).toBe('new');
      expect(front.inFlight(slow.url)).toBe(1);
      slow.release();
      expect(await inFlight).toBe('old');
      await expect.poll(() => front.inFlight(slow.url)).toBe(0);
    } finally {
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
      await slow.close();
      await fast.close();
    }
  });
});

describe('createFront with the tokens it accepts (startMock({ tokens }), --token)', () => {
  it('refuses any other bearer token with the documented 401 before the upstream sees it; the accepted one passes', async () => {
    const { loadApiModel } = await import('@vpsorg/codegen');
    const { DEFAULT_SPEC } = await import('../src/index.js');
    const { createEngine } = await import('../src/sandbox/index.js');
    const model = await loadApiModel(DEFAULT_SPEC);
    const seen = [];
    const upstream = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
    const upstreamUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (upstream.address()).port}`;
    const engine = createEngine({ model });
    const front = createFront(upstreamUrl, { model, sandbox: engine, tokens: ['good-token'] });
    await new Promise((r) => front.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (front.address()).port}`;
    const call = (path, token, init = {}) => fetch(base + path, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });
    try {
      for (const [method, path] of [['GET', '/servers/'], ['DELETE', '/servers/12345/'], ['POST', '/servers/12345/start/']]) {
        const refused = await call(path, 'SCHEMATHESIS-INVALID-VALUE', { method });
        expect(refused.status, `${method} ${path}`).toBe(401);
        const body = await refused.json();
        expect(body).toEqual({ code: 'unauthorized', message: 'Invalid or missing API token.' });
        expect(schemaErrors('Error', body)).toEqual([]);
      }
      // The control API of the sandbox too: another token's world is not this caller's to move.
      const control = await call('/__sandbox/advance', 'other', { method: 'POST', body: '{"seconds":10}' });
      expect(control.status).toBe(401);
      expect(engine.describe('other').offset_seconds).toBe(0);
      expect(seen).toEqual([]);

      expect((await call('/servers/', 'good-token')).status).toBe(200);
      expect(seen).toEqual(['Bearer good-token']);
      // No token at all is the upstream's to refuse (Prism's 401), as without `tokens`.
      expect((await call('/servers/', undefined)).status).toBe(200);
    } finally {
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
      upstream.closeAllConnections();
      await new Promise((r) => upstream.close(r));
    }
  });
});

describe('headerJson', () => {
  it('escapes what no header can carry and stays the same JSON', () => {
    const value = [{ message: 'id "\u0091\u00d9\nl\u{12498}" is bad', name: 'nom😀' }];
    const text = headerJson(value);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('the checks the front makes before Prism (src/routes.js)', () => {
  const op = (extra) => ({ responses: [{ code: 400 }], queryParams: [], ...extra });

  it('an empty query value is refused unless the parameter says allowEmptyValue', async () => {
    const { checkQueryParams } = await import('../src/routes.js');
    const params = [{ name: 'q', allowEmptyValue: true }, { name: 'tag', allowEmptyValue: false }];
    expect(checkQueryParams(op({ queryParams: params }), new URLSearchParams('q=&tag=web'))).toBeUndefined();
    const refused = checkQueryParams(op({ queryParams: params }), new URLSearchParams('q=x&tag='));
    expect(refused).toMatchObject({ status: 400, body: { code: 'invalid_request', details: [{ field: 'tag' }] } });
    expect(refused.violations).toEqual([expect.objectContaining({ location: ['request', 'query', 'tag'] })]);
  });

  it('only an unknown property whose name no header can carry is the front\'s to refuse; Prism quotes the others', async () => {
    const { checkBodyPropertyNames } = await import('../src/routes.js');
    const body = { schema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } } };
    expect(checkBodyPropertyNames(op({ body }), { name: 'x', colour: 'red', 'façade': 1 })).toBeUndefined();
    expect(checkBodyPropertyNames(op({ body: { schema: { type: 'object', properties: {} } } }), { '😀': 1 })).toBeUndefined();
    const refused = checkBodyPropertyNames(op({ body }), { name: 'x', 'a\nb': 1, '😀': 2 });
    expect(refused.body.details.map((d) => d.field)).toEqual(['a\nb', '😀']);
    expect(schemaErrors('Error', refused.body)).toEqual([]);
  });
});
