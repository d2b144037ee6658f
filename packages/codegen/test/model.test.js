// The API model on the real spec, and on small specs that each show one rule.
import { describe, expect, it } from 'vitest';
import { buildApiModel, defaultSpecPath, kebabCase, loadApiModel, resolveDeep } from '../src/index.js';

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };
/** A minimal document with the given paths. */
const doc = (paths, extra = {}) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.test/v1/' }], paths, ...extra });

describe('the model of spec/servers.yaml', async () => {
  const model = await loadApiModel(defaultSpecPath);

  it('has the nine operations with their SDK names, methods and paths, in spec order', () => {
    expect(model.operations.map((op) => `${op.operationId} ${op.group}.${op.name} ${op.httpMethod} ${op.path}`)).toEqual([
      'listServers servers.list GET /servers/',
      'createServer servers.create POST /servers/',
      'getServer servers.get GET /servers/{server_id}/',
      'updateServer servers.update PUT /servers/{server_id}/',
      'deleteServer servers.delete DELETE /servers/{server_id}/',
      'partialUpdateServer servers.patch PATCH /servers/{server_id}/',
      'startServer servers.start POST /servers/{server_id}/start/',
      'stopServer servers.stop POST /servers/{server_id}/stop/',
      'rebootServer servers.reboot POST /servers/{server_id}/reboot/',
    ]);
    expect(model.baseUrl).toBe('https://admin.vps.org/api/v1');
    expect(model.operations.every((op) => op.bearerAuth && op.baseUrl === model.baseUrl)).toBe(true);
  });

  it('forms one resource: the collection, the item and its three actions', () => {
    expect(model.resources).toEqual([
      {
        name: 'servers',
        collectionPath: '/servers/',
        itemPath: '/servers/{server_id}/',
        idParam: 'server_id',
        parent: undefined,
        operations: { list: 'listServers', create: 'createServer', get: 'getServer', replace: 'updateServer', delete: 'deleteServer', update: 'partialUpdateServer' },
        actions: [
          { name: 'start', path: '/servers/{server_id}/start/', operationId: 'startServer' },
          { name: 'stop', path: '/servers/{server_id}/stop/', operationId: 'stopServer' },
          { name: 'reboot', path: '/servers/{server_id}/reboot/', operationId: 'rebootServer' },
        ],
      },
    ]);
    expect(model.operation('rebootServer').resource).toEqual({ name: 'servers', collectionPath: '/servers/', role: 'action', action: 'reboot' });
    expect(model.operation('partialUpdateServer').resource.role).toBe('update');
  });

  it('reads parameters with their resolved schemas and examples', () => {
    const list = model.operation('listServers');
    expect(list.pathParams).toEqual([]);
    expect(list.queryParams.map((p) => [p.name, p.required, p.schema.enum ?? p.schema.pattern, p.example])).toEqual([
      ['status', false, ['active', 'stopped', 'suspended'], 'active'],
      ['location', false, '^[a-z0-9]+(?:-[a-z0-9]+)*$', 'us-west'],
    ]);
    // OpenAPI's default: no empty value (`?location=`); the mock's front refuses one by it.
    expect(list.queryParams.map((p) => p.allowEmptyValue)).toEqual([false, false]);
    const [id] = model.operation('getServer').pathParams;
    expect(id).toMatchObject({ name: 'server_id', in: 'path', required: true, example: 12345, description: 'Unique server ID.' });
    expect(id.schema).toMatchObject({ type: 'integer', minimum: 1 });
    expect(JSON.stringify(model.operations)).not.toContain('$ref');
  });

  it('reads the request body: schema, required fields, examples, minProperties', () => {
    const create = model.operation('createServer').body;
    expect(create.requiredFields).toEqual(['name', 'plan_id', 'os_id', 'location']);
    expect(Object.keys(create.schema.properties)).toEqual(['name', 'plan_id', 'os_id', 'location', 'hostname', 'ssh_key_id', 'backups_enabled']);
    expect(create.schema.properties.name.maxLength).toBe(63);
    expect(create.example).toEqual({ name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west', hostname: 'web02.example.com', backups_enabled: true });
    expect(create.nonEmpty).toBe(false);
    expect(model.operation('partialUpdateServer').body.nonEmpty).toBe(true);
    expect(model.operation('getServer').body).toBeUndefined();
  });

  it('reads success and error responses with their examples and this operation\'s descriptions', () => {
    const start = model.operation('startServer');
    expect(start.success).toMatchObject({ code: 200, hasBody: true });
    expect(start.success.examples[0].value.server.status).toBe('starting');
    expect(start.errors.map((r) => r.code)).toEqual([400, 401, 404, 429, 500]);
    const invalidState = start.errors[0];
    expect(invalidState.description).toBe('Bad request - the server is already running.');
    expect(invalidState.ref).toBe('#/components/responses/InvalidState');
    expect(invalidState.examples[0].value.code).toBe('invalid_state');
    expect(model.operation('deleteServer').success).toMatchObject({ code: 204, hasBody: false });
    expect(model.operation('getServer').success.examples[0]).toMatchObject({ name: 'activeServer', summary: 'An active server with its resource usage' });
  });

  it('resolves allOf members and component schemas', () => {
    expect(model.schemas.Server.allOf[0].required).toContain('status');
    expect(model.schemas.ServerStatus.enum).toContain('provisioning');
  });
});

describe('the model of small specs', () => {
  it('a new operation appears with names derived from its operationId, under its resource', () => {
    const model = buildApiModel(
      doc({
        '/servers/{server_id}/': { parameters: [{ name: 'server_id', in: 'path', required: true, schema: { type: 'integer' } }], get: { operationId: 'getServer', responses: ok } },
        '/servers/{server_id}/snapshot/': {
          parameters: [{ name: 'server_id', in: 'path', required: true, schema: { type: 'integer' } }],
          post: { operationId: 'snapshotServer', summary: 'Snapshot a server', responses: { '201': ok['200'] } },
        },
        '/ssh-keys/': { get: { operationId: 'listSshKeys', responses: ok } },
      }),
    );
    const snapshot = model.operation('snapshotServer');
    expect(snapshot).toMatchObject({ group: 'servers', name: 'snapshot', httpMethod: 'POST', success: { code: 201 }, summary: 'Snapshot a server' });
    expect(snapshot.resource).toMatchObject({ name: 'servers', role: 'action', action: 'snapshot' });
    expect(model.resources.map((r) => [r.name, r.collectionPath, r.actions.map((a) => a.name)])).toEqual([
      ['servers', '/servers/', ['snapshot']],
      ['sshKeys', '/ssh-keys/', []],
    ]);
    expect(model.operation('listSshKeys')).toMatchObject({ group: 'sshKeys', name: 'list' });
    expect(model.baseUrl).toBe('https://api.test/v1');
  });

  it('keeps a query parameter\'s allowEmptyValue', () => {
    const model = buildApiModel(
      doc({
        '/ssh-keys/': {
          get: {
            operationId: 'listSshKeys',
            parameters: [
              { name: 'q', in: 'query', allowEmptyValue: true, schema: { type: 'string' } },
              { name: 'tag', in: 'query', schema: { type: 'string' } },
            ],
            responses: ok,
          },
        },
      }),
    );
    expect(model.operation('listSshKeys').queryParams.map((p) => [p.name, p.allowEmptyValue])).toEqual([['q', true], ['tag', false]]);
  });

  it('a nested collection is a resource with its parent, not an action', () => {
    const id = { name: 'server_id', in: 'path', required: true, schema: { type: 'integer' } };
    const model = buildApiModel(
      doc({
        '/servers/{server_id}/backups/': { parameters: [id], get: { operationId: 'listServerBackups', responses: ok }, post: { operationId: 'createServerBackup', responses: ok } },
      }),
    );
    expect(model.resources).toMatchObject([{ name: 'backups', collectionPath: '/servers/{server_id}/backups/', parent: '/servers/', operations: { list: 'listServerBackups', create: 'createServerBackup' } }]);
    expect(model.operation('listServerBackups').name).toBe('listBackups');
  });

  it('x-sdk-method and x-sdk-group override the derived names', () => {
    const model = buildApiModel(
      doc({
        '/servers/{server_id}/rebuild/': {
          parameters: [{ name: 'server_id', in: 'path', required: true, schema: { type: 'integer' } }],
          post: { operationId: 'rebuildServerFromImage', 'x-sdk-method': 'rebuild', 'x-sdk-group': 'machines', responses: ok },
        },
      }),
    );
    expect(model.operation('rebuildServerFromImage')).toMatchObject({ group: 'machines', name: 'rebuild', extensions: { 'x-sdk-method': 'rebuild', 'x-sdk-group': 'machines' } });
  });

  it('two operations mapping to one SDK name is an error that names both and the fix', () => {
    expect(() =>
      buildApiModel(
        doc({
          '/servers/': { get: { operationId: 'listServers', responses: ok } },
          '/servers/all/': { get: { operationId: 'listAllServers', 'x-sdk-method': 'list', responses: ok } },
        }),
      ),
    ).toThrow('listServers and listAllServers both map to servers.list; set x-sdk-method on one of them');
  });

  it.each([
    ['no operationId', { '/servers/': { get: { responses: ok } } }, 'GET /servers/ has no operationId'],
    ['no 2xx response', { '/servers/': { get: { operationId: 'listServers', responses: { '404': { description: 'x' } } } } }, 'GET /servers/ declares no 2xx response'],
    ['an undeclared path parameter', { '/servers/{id}/': { get: { operationId: 'getServer', responses: ok } } }, 'GET /servers/{id}/: path parameter {id} is not declared'],
    ['an operationId used twice', { '/a/': { get: { operationId: 'x', responses: ok } }, '/b/': { get: { operationId: 'x', responses: ok } } }, 'operationId "x" is used twice (GET /a/ and GET /b/)'],
    ['a non-JSON body', { '/a/': { post: { operationId: 'upload', requestBody: { content: { 'text/plain': {} } }, responses: ok } } }, 'POST /a/: only JSON request bodies are supported'],
    ['an external $ref', { '/a/': { get: { operationId: 'x', responses: { '200': { $ref: 'other.yaml#/r' } } } } }, 'Only local $refs are supported, got "other.yaml#/r"'],
    ['a dangling $ref', { '/a/': { get: { operationId: 'x', responses: { '200': { $ref: '#/components/responses/Nope' } } } } }, '$ref "#/components/responses/Nope" points to nothing'],
  ])('%s is an error that says where', (_, paths, message) => {
    expect(() => buildApiModel(doc(paths))).toThrow(message);
  });

  it('is not an OpenAPI document without paths', () => {
    expect(() => buildApiModel({ openapi: '3.1.0' })).toThrow('Not an OpenAPI document');
  });

  it('does not change the document, and shares no objects with it', () => {
    const document = doc({ '/a/': { get: { operationId: 'getA', responses: { '200': { $ref: '#/components/responses/A' } } } } }, {
      components: { responses: { A: { description: 'a', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } }, schemas: { A: { type: 'object', properties: { n: { type: 'integer' } } } } },
    });
    const before = JSON.stringify(document);
    const model = buildApiModel(document);
    model.operation('getA').success.schema.properties.n.type = 'string';
    expect(JSON.stringify(document)).toBe(before);
  });
});

describe('helpers', () => {
  it('resolveDeep keeps a recursive reference as a $ref and lets sibling keywords win', () => {
    const document = { components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } } };
    const resolved = resolveDeep(document, { $ref: '#/components/schemas/Node', description: 'mine' });
    expect(resolved).toEqual({ type: 'object', description: 'mine', properties: { next: { $ref: '#/components/schemas/Node' } } });
  });

  it.each([
    ['plan_id', 'plan-id'],
    ['backupsEnabled', 'backups-enabled'],
    ['server_id', 'server-id'],
    ['sshKeyID', 'ssh-key-id'],
  ])('kebabCase(%s) is %s', (input, expected) => {
    expect(kebabCase(input)).toBe(expected);
  });
});
