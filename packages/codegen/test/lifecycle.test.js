// The lifecycle read from x-lifecycle: the real spec's, the state table, and each refused shape.
import { describe, expect, it } from 'vitest';
import { buildApiModel, defaultSpecPath, LIFECYCLE_LABELS_EN, loadApiModel, renderLifecycleTable, unreachableStates } from '../src/index.js';

const error = { description: 'bad', content: { 'application/json': { schema: { type: 'object' } } } };
/** A small spec: a collection, an item and two actions, with the given x-lifecycle on Status. */
function spec(lifecycle) {
  const ok = (schema) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } }, '400': { $ref: '#/components/responses/Refused' } });
  const item = { $ref: '#/components/schemas/Thing' };
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things/': { post: { operationId: 'createThing', responses: ok(item) } },
      '/things/{id}/': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], get: { operationId: 'getThing', responses: ok(item) } },
      '/things/{id}/on/': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], post: { operationId: 'turnOn', responses: ok(item) } },
      '/things/{id}/off/': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], post: { operationId: 'turnOff', responses: { '200': error } } },
    },
    components: {
      responses: { Refused: error },
      schemas: {
        Status: { type: 'string', enum: ['new', 'on', 'off', 'warming'], 'x-lifecycle': lifecycle },
        Thing: { type: 'object', properties: { id: { type: 'integer' }, state: { $ref: '#/components/schemas/Status' } } },
      },
    },
  };
}
const good = {
  initial: 'new',
  actions: { turnOn: { from: ['new', 'off'], to: 'warming', refusal: '#/components/responses/Refused' } },
  timed: { warming: { to: 'on', seconds: [5, 9] } },
  external: ['off'],
};

describe('the lifecycle of spec/servers.yaml', async () => {
  const model = await loadApiModel(defaultSpecPath);
  const [lifecycle] = model.lifecycles;

  it('is ServerStatus on the servers resource, field status, created provisioning', () => {
    expect(model.lifecycles).toHaveLength(1);
    expect(lifecycle).toMatchObject({ schema: 'ServerStatus', resource: 'servers', field: 'status', initial: 'provisioning' });
    expect(lifecycle.states).toEqual(model.schemas.ServerStatus.enum);
  });

  it('covers every action operation, each refusing with the documented 400 invalid_state', () => {
    const actionIds = model.operations.filter((op) => op.resource.role === 'action').map((op) => op.operationId);
    expect(lifecycle.actions.map((a) => a.operationId).sort()).toEqual(actionIds.sort());
    expect(lifecycle.actions.map((a) => `${a.action}: ${a.from.join(',')} → ${a.to}`)).toEqual([
      'start: stopped → starting',
      'stop: active → stopping',
      'reboot: active → rebooting',
    ]);
    for (const action of lifecycle.actions) {
      expect(action.refusal).toEqual({ ref: '#/components/responses/InvalidState', status: '400', code: 400 });
    }
  });

  it('settles provisioning in the documented 2-5 minutes, the others after inferred durations', () => {
    expect(lifecycle.timed).toEqual([
      { from: 'provisioning', to: 'active', seconds: { min: 120, max: 300 }, inferred: false },
      { from: 'starting', to: 'active', seconds: { min: 10, max: 10 }, inferred: true },
      { from: 'stopping', to: 'stopped', seconds: { min: 10, max: 10 }, inferred: true },
      { from: 'rebooting', to: 'active', seconds: { min: 20, max: 20 }, inferred: true },
    ]);
    expect(unreachableStates(lifecycle)).toEqual([]);
  });
});

describe('a lifecycle in a small spec', () => {
  it('is read with its resource and field', () => {
    const [lifecycle] = buildApiModel(spec(good)).lifecycles;
    expect(lifecycle).toEqual({
      schema: 'Status',
      resource: 'things',
      field: 'state',
      states: ['new', 'on', 'off', 'warming'],
      initial: 'new',
      actions: [{ operationId: 'turnOn', action: 'on', from: ['new', 'off'], to: 'warming', refusal: { ref: '#/components/responses/Refused', status: '400', code: 400 } }],
      timed: [{ from: 'warming', to: 'on', seconds: { min: 5, max: 9 }, inferred: false }],
      external: ['off'],
    });
  });

  it('lists the statuses nothing reaches', () => {
    const [lifecycle] = buildApiModel(spec({ ...good, external: [] })).lifecycles;
    expect(unreachableStates(lifecycle)).toEqual(['off']);
  });

  it.each([
    [{ ...good, initial: 'gone' }, /x-lifecycle\.initial: "gone" is not one of Status's statuses \(new, on, off, warming\)/],
    [{ ...good, actions: { turnUp: good.actions.turnOn } }, /actions\.turnUp: the spec has no operation "turnUp"/],
    [{ ...good, actions: { getThing: good.actions.turnOn } }, /getThing is not an action/],
    [{ ...good, actions: { turnOn: { ...good.actions.turnOn, to: 'hot' } } }, /actions\.turnOn\.to: "hot" is not one/],
    [{ ...good, actions: { turnOn: { ...good.actions.turnOn, from: [] } } }, /needs from/],
    [{ ...good, actions: { turnOff: { from: ['on'], to: 'off', refusal: '#/components/responses/Refused' } } }, /turnOff\.refusal: .* is not a response turnOff declares/],
    [{ ...good, timed: { warming: { to: 'on', seconds: [9, 5] } } }, /seconds must be a positive number or \[min, max\]/],
    [{ ...good, timed: { hot: { to: 'on', seconds: 1 } } }, /timed\.hot: "hot" is not one/],
    [{ ...good, external: ['gone'] }, /external\[0\]: "gone"/],
  ])('refuses a broken extension (%#)', (lifecycle, message) => {
    expect(() => buildApiModel(spec(lifecycle))).toThrow(message);
  });
});

describe('renderLifecycleTable', () => {
  const model = buildApiModel(spec(good));

  it('renders one row per status and one column per action', () => {
    expect(renderLifecycleTable(model)).toBe(
      [
        '### Server lifecycle',
        '',
        LIFECYCLE_LABELS_EN.intro,
        '',
        '| Status | `on` | Becomes by itself |',
        '| --- | --- | --- |',
        '| `new` (created in this status) | → `warming` | — |',
        '| `on` | refused | — |',
        '| `off` (set by VPS.org only) | → `warming` | — |',
        '| `warming` | refused | `on` after 5–9 s |',
        '',
      ].join('\n'),
    );
  });

  it('takes a locale\'s labels', () => {
    const table = renderLifecycleTable(model, { heading: 'Cycle de vie', status: 'Statut', refused: 'refusé', afterRange: 'après {min} à {max} s' }, { headingLevel: 2 });
    expect(table).toMatch(/^## Cycle de vie\n/);
    expect(table).toContain('| Statut | `on` |');
    expect(table).toContain('| `on` | refusé | — |');
    expect(table).toContain('`on` après 5 à 9 s');
  });

  it('is empty without a lifecycle', () => {
    const { components, ...rest } = spec(good);
    delete components.schemas.Status['x-lifecycle'];
    expect(renderLifecycleTable(buildApiModel({ ...rest, components }))).toBe('');
  });
});
