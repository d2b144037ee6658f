// Every operation of the spec, called through the SDK's operation surface and through its raw
// (openapi-fetch) client against a real Prism: each answer has the documented status and a body
// that validates against the spec's schema for it.
import { describe, expect, it } from 'vitest';
import { operationIndex } from '@vpsorg/client';
import { sdk } from './support/clients.js';
import { SERVER_ID, queryExample, requestExample } from './support/examples.js';
import { operations, responseErrors, responseExample } from './support/spec.js';

/** The success status each operation declares (the one 2xx it has). */
function successStatus(operationId) {
  const { operation } = operations.find((o) => o.operationId === operationId);
  const statuses = Object.keys(operation.responses).filter((s) => s.startsWith('2'));
  expect(statuses, `${operationId} declares one success status`).toHaveLength(1);
  return Number(statuses[0]);
}

/** How to call each operation with the spec's example input, both ways. */
const calls = {
  listServers: {
    sdk: (c) => c.servers.list(queryExample('listServers')),
    raw: (c) => c.raw.GET('/servers/', { params: { query: queryExample('listServers') } }),
  },
  createServer: {
    sdk: (c) => c.servers.create(requestExample('createServer')),
    raw: (c) => c.raw.POST('/servers/', { body: requestExample('createServer') }),
  },
  getServer: {
    sdk: (c) => c.servers.get(SERVER_ID),
    raw: (c) => c.raw.GET('/servers/{server_id}/', { params: { path: { server_id: SERVER_ID } } }),
  },
  updateServer: {
    sdk: (c) => c.servers.update(SERVER_ID, requestExample('updateServer')),
    raw: (c) =>
      c.raw.PUT('/servers/{server_id}/', {
        params: { path: { server_id: SERVER_ID } },
        body: requestExample('updateServer'),
      }),
  },
  partialUpdateServer: {
    sdk: (c) => c.servers.patch(SERVER_ID, requestExample('partialUpdateServer')),
    raw: (c) =>
      c.raw.PATCH('/servers/{server_id}/', {
        params: { path: { server_id: SERVER_ID } },
        body: requestExample('partialUpdateServer'),
      }),
  },
  deleteServer: {
    sdk: (c) => c.servers.delete(SERVER_ID),
    raw: (c) => c.raw.DELETE('/servers/{server_id}/', { params: { path: { server_id: SERVER_ID } } }),
  },
  startServer: {
    sdk: (c) => c.servers.start(SERVER_ID),
    raw: (c) => c.raw.POST('/servers/{server_id}/start/', { params: { path: { server_id: SERVER_ID } } }),
  },
  stopServer: {
    sdk: (c) => c.servers.stop(SERVER_ID),
    raw: (c) => c.raw.POST('/servers/{server_id}/stop/', { params: { path: { server_id: SERVER_ID } } }),
  },
  rebootServer: {
    sdk: (c) => c.servers.reboot(SERVER_ID),
    raw: (c) => c.raw.POST('/servers/{server_id}/reboot/', { params: { path: { server_id: SERVER_ID } } }),
  },
};

describe('every operation against the mock', () => {
  it('covers all operations of the spec, and the SDK exposes each of them', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((o) => o.operationId).sort());
    expect(Object.keys(operationIndex).sort()).toEqual(Object.keys(calls).sort());
  });

  describe.each(operations.map((o) => [o.operationId, o]))('%s', (operationId, { method, path }) => {
    const status = successStatus(operationId);
    const { group, method: sdkMethod } = operationIndex[operationId];

    it(`SDK servers.${sdkMethod}() resolves with a body valid against the spec (${method} ${path} -> ${status})`, async () => {
      const client = sdk();
      expect(group).toBe('servers');
      const result = await calls[operationId].sdk(client);
      if (status === 204) {
        expect(result).toBeUndefined();
        return;
      }
      expect(responseErrors(operationId, status, result)).toEqual([]);
      // Static mode serves the spec's example: the SDK hands it over unchanged.
      expect(result).toEqual(responseExample(operationId, status));
    });

    it(`raw client ${method} ${path} answers ${status} with a body valid against the spec`, async () => {
      const { data, error, response } = await calls[operationId].raw(sdk());
      expect(error).toBeUndefined();
      expect(response.status).toBe(status);
      // The spec's own example request is valid: Prism found nothing to report.
      expect(response.headers.get('sl-violations')).toBeNull();
      if (status === 204) {
        expect(data).toBeUndefined();
        return;
      }
      expect(response.headers.get('content-type')).toMatch(/^application\/json/i);
      expect(responseErrors(operationId, status, data)).toEqual([]);
    });
  });
});
