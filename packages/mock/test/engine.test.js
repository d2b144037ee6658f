// The sandbox engine and the path check, in-process, on a small spec of another API: a `widgets`
// resource with its own lifecycle, an integer path parameter that allows 0 and a string one.
// Nothing in the engine names servers, plans or statuses: what it does comes from the model.
import { describe, expect, it } from 'vitest';
import { buildApiModel } from '@vpsorg/codegen';
import { checkPathParams, createRouter, integerProblem } from '../src/routes.js';
import { createEngine } from '../src/sandbox/engine.js';
import { handleControl } from '../src/sandbox/control.js';
import { responseViolations } from './support/no-violations.js';

const json = (schema, examples) => ({ 'application/json': { schema, ...(examples && { examples }) } });
const error = { description: 'error', content: json({ $ref: '#/components/schemas/Error' }, { e: { value: { code: 'not_found', message: 'No widget.' } } }) };
const refused = { description: 'refused', content: json({ $ref: '#/components/schemas/Error' }, { s: { value: { code: 'invalid_state', message: 'Not now.' } } }) };
const idParam = { name: 'widget_id', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } };
const widget = (value) => ({ value });
const doc = {
  openapi: '3.1.0',
  info: { title: 'Widgets', version: '1' },
  paths: {
    '/widgets': {
      get: {
        operationId: 'listWidgets',
        parameters: [{ name: 'colour', in: 'query', schema: { type: 'string' } }],
        responses: { 200: { description: 'ok', content: json({ $ref: '#/components/schemas/WidgetList' }, { two: widget({ total: 1, items: [{ id: 7, colour: 'red', phase: 'idle' }] }) }) } },
      },
      post: {
        operationId: 'createWidget',
        requestBody: { content: json({ type: 'object', required: ['colour'], properties: { colour: { type: 'string' }, size: { type: 'integer', default: 3 } } }) },
        responses: { 201: { description: 'made', content: json({ $ref: '#/components/schemas/Widget' }) }, 400: error },
      },
    },
    '/widgets/{widget_id}': {
      parameters: [idParam],
      get: { operationId: 'getWidget', responses: { 200: { description: 'ok', content: json({ $ref: '#/components/schemas/Widget' }, { w: widget({ id: 7, colour: 'red', size: 1, phase: 'idle' }) }) }, 404: error } },
      delete: { operationId: 'deleteWidget', responses: { 204: { description: 'gone' }, 404: error } },
    },
    '/widgets/{widget_id}/spin': {
      parameters: [idParam],
      post: {
        operationId: 'spinWidget',
        responses: { 200: { description: 'spinning', content: json({ $ref: '#/components/schemas/Widget' }) }, 404: error, 409: { $ref: '#/components/responses/Refused' } },
      },
    },
    '/labels/{label}': {
      get: { operationId: 'getLabel', parameters: [{ name: 'label', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } },
    },
  },
  components: {
    responses: { Refused: refused },
    schemas: {
      Error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      Phase: {
        type: 'string',
        enum: ['new', 'idle', 'spinning'],
        'x-lifecycle': {
          initial: 'new',
          actions: { spinWidget: { from: ['idle'], to: 'spinning', refusal: '#/components/responses/Refused' } },
          timed: { new: { to: 'idle', seconds: 5 }, spinning: { to: 'idle', seconds: [30, 60] } },
        },
      },
      Widget: {
        type: 'object',
        required: ['id', 'colour', 'size', 'phase'],
        properties: { id: { type: 'integer' }, colour: { type: 'string' }, size: { type: 'integer' }, phase: { $ref: '#/components/schemas/Phase' } },
      },
      WidgetList: { type: 'object', required: ['total', 'items'], properties: { total: { type: 'integer' }, items: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } } },
    },
  },
};
const model = buildApiModel(doc);

function engine() {
  let now = Date.parse('2030-01-01T00:00:00Z');
  let changes = 0;
  const e = createEngine({ model, now: () => now, quota: 3, onChange: () => (changes += 1) });
  const call = (method, pathname, body, token = 'a', query = '') => e.handle({ method, pathname, body, token, query: new URLSearchParams(query) });
  return { e, call, tick: (s) => (now += s * 1000), changes: () => changes };
}

describe('the engine on another API', () => {
  it('seeds each token from the examples, creates with defaults and the clock, lists the projection', () => {
    const { call } = engine();
    expect(call('GET', '/widgets').body).toEqual({ total: 1, items: [{ id: 7, colour: 'red', size: 1, phase: 'idle' }] });
    const made = call('POST', '/widgets', { colour: 'blue' });
    expect(made).toMatchObject({ status: 201, body: { id: 8, colour: 'blue', size: 3, phase: 'new' } });
    expect(call('GET', '/widgets', undefined, 'a', 'colour=blue').body).toEqual({ total: 1, items: [made.body] });
    expect(call('GET', '/widgets', undefined, 'b').body.total).toBe(1);
  });

  it('follows its x-lifecycle: timed settling, an action, the refusal it declares (409 here)', () => {
    const { call, tick, e } = engine();
    const { id } = call('POST', '/widgets', { colour: 'blue' }).body;
    expect(call('POST', `/widgets/${id}/spin`)).toMatchObject({ status: 409, body: { code: 'invalid_state', message: expect.stringContaining('is new; spin needs idle') } });
    tick(5);
    expect(call('GET', `/widgets/${id}`).body.phase).toBe('idle');
    expect(call('POST', `/widgets/${id}/spin`).body.phase).toBe('spinning');
    e.advance('a', 29);
    expect(call('GET', `/widgets/${id}`).body.phase).toBe('spinning');
    e.advance('a', 1);
    expect(call('GET', `/widgets/${id}`).body.phase).toBe('idle');
  });

  it('deletes (204, then the documented 404), has no quota without a documented 402, resets one token', () => {
    const { call, e, changes } = engine();
    expect(call('DELETE', '/widgets/7')).toMatchObject({ status: 204, body: undefined });
    expect(call('GET', '/widgets/7')).toMatchObject({ status: 404, body: { code: 'not_found', message: 'No widget.' } });
    for (let i = 0; i < 3; i++) expect(call('POST', '/widgets', { colour: `c${i}` }).status).toBe(201);
    // The quota answers the documented 402; createWidget documents none, so there is no quota here.
    expect(call('POST', '/widgets', { colour: 'more' }).status).toBe(201);
    e.reset('a');
    expect(call('GET', '/widgets').body.total).toBe(1);
    expect(changes()).toBeGreaterThan(0);
  });

  it('round-trips its state through snapshot() and restore(), tokens only as hashes', () => {
    const { call, e } = engine();
    call('POST', '/widgets', { colour: 'kept' }, 'secret-token');
    const snapshot = JSON.parse(JSON.stringify(e.snapshot()));
    expect(JSON.stringify(snapshot)).not.toContain('secret-token');
    const other = engine();
    other.e.restore(snapshot);
    expect(other.call('GET', '/widgets', undefined, 'secret-token').body.items.map((w) => w.colour)).toEqual(['red', 'kept']);
    expect(() => other.e.restore({ format: 'nope' })).toThrow(/not a sandbox state/);
  });

  it('answers the control API for the caller\'s token only', () => {
    const { e, call } = engine();
    const control = (method, pathname, body, token = 'a') => handleControl(e, { method, pathname, headers: token ? { authorization: `Bearer ${token}` } : {}, body });
    expect(control('POST', '/__sandbox/advance', '{"seconds": 60}').body).toMatchObject({ offset_seconds: 60, items: { widgets: 1 } });
    expect(control('GET', '/__sandbox/', '', 'b').body.offset_seconds).toBe(0);
    expect(control('POST', '/__sandbox/advance', '{"seconds": "x"}').status).toBe(400);
    expect(control('POST', '/__sandbox/advance', 'not json').status).toBe(400);
    expect(control('POST', '/__sandbox/reset', '', null).status).toBe(401);
    expect(call('GET', '/widgets').body.total).toBe(1);
  });
});

describe('the path check, from the model', () => {
  const router = createRouter(model);
  it.each([
    ['/widgets/0', undefined],
    ['/widgets/12', undefined],
    ['/widgets/-3', undefined], // a plain integer: the range is Prism's to check
    ['/widgets/1e3', 'widget_id'],
    ['/widgets/0x10/spin', 'widget_id'],
    ['/widgets/+5', 'widget_id'],
    ['/widgets/007', 'widget_id'],
    ['/labels/1e3', undefined], // a string parameter: anything goes
    ['/nowhere/1e3', undefined],
  ])('%s → %s', (path, field) => {
    const refused = checkPathParams(router, 'GET', path);
    if (!field) return expect(refused).toBeUndefined();
    expect(refused?.body.details).toEqual([{ field, message: expect.stringContaining('non-negative integer written in decimal digits') }]);
    // No 400 documented here: the refusal is a 422, as Prism's own would be.
    expect(refused?.status).toBe(422);
    expect(refused?.violations[0].location).toEqual(['request', 'path', field]);
  });

  it('says positive for minimum 1 and nothing for non-integers', () => {
    expect(integerProblem({ type: 'integer', minimum: 1 }, '1e3')).toMatch(/positive integer/);
    expect(integerProblem({ type: ['integer', 'null'] }, '1.0')).toMatch(/an integer/);
    expect(integerProblem({ type: 'string' }, '1e3')).toBeUndefined();
  });
});

describe('the response-violation watcher', () => {
  const violation = { location: ['response', 'body', 'id'], severity: 'Error', code: 'type', message: 'must be integer' };
  it('reports response violations and Prism problem 5xx, not request ones', () => {
    expect(responseViolations(new Response('{}', { headers: { 'sl-violations': JSON.stringify([violation]) } }))).toEqual([violation]);
    expect(responseViolations(new Response('{}', { status: 500, headers: { 'content-type': 'application/problem+json' } }))).toHaveLength(1);
    expect(responseViolations(new Response('{}', { status: 400, headers: { 'sl-violations': JSON.stringify([{ ...violation, location: ['request', 'query'] }]) } }))).toEqual([]);
    expect(responseViolations(new Response('{}', { status: 500, headers: { 'content-type': 'application/json' } }))).toEqual([]);
  });
});
