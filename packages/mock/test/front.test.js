// The front's reading of Prism violations (src/front.js), case by case (the bad-input table
// checks the same end to end against a real Prism), and its switchable upstream (pnpm start).
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createFront, explain, fieldOf } from '../src/front.js';
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
