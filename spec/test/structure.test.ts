import { describe, expect, it } from 'vitest';
import { collectRefs, deref, loadSpec, operations, resolvePointer, type Json, type JsonObject } from './spec-document.js';

const doc = loadSpec();
const ops = operations(doc);
const byId = new Map(ops.map((o) => [o.operation.operationId as string, o]));

// The published documentation's operations and status codes (shared/seeds/README.md).
const DOCUMENTED: Record<string, { method: string; path: string; codes: string[] }> = {
  listServers: { method: 'get', path: '/servers/', codes: ['200', '401'] },
  createServer: { method: 'post', path: '/servers/', codes: ['201', '400', '401', '402'] },
  getServer: { method: 'get', path: '/servers/{server_id}/', codes: ['200', '401', '404'] },
  updateServer: { method: 'put', path: '/servers/{server_id}/', codes: ['200', '400', '404'] },
  partialUpdateServer: { method: 'patch', path: '/servers/{server_id}/', codes: [] },
  deleteServer: { method: 'delete', path: '/servers/{server_id}/', codes: ['204', '404'] },
  startServer: { method: 'post', path: '/servers/{server_id}/start/', codes: ['200', '400', '404'] },
  stopServer: { method: 'post', path: '/servers/{server_id}/stop/', codes: [] },
  rebootServer: { method: 'post', path: '/servers/{server_id}/reboot/', codes: ['200', '400', '404'] },
};

const responseDescription = (response: unknown) => (deref(doc, response as JsonObject) as JsonObject).description as string;

describe('spec/servers.yaml structure', () => {
  it('is OpenAPI 3.1 with the production server and complete info', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://admin.vps.org/api/v1' })]);
    const info = doc.info as JsonObject;
    for (const field of ['title', 'version', 'description', 'contact', 'license']) expect(info[field]).toBeTruthy();
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const { ref } of refs) expect(() => resolvePointer(doc, ref)).not.toThrow();
  });

  it('has exactly the 9 documented operations, with their methods, paths and operationIds', () => {
    expect(ops).toHaveLength(9);
    for (const [id, { method, path }] of Object.entries(DOCUMENTED)) {
      expect(byId.get(id), id).toMatchObject({ method, path });
    }
  });

  it('keeps the trailing slash of every documented path', () => {
    for (const path of Object.keys(doc.paths as JsonObject)) expect(path.endsWith('/')).toBe(true);
  });

  it('requires the Bearer token on every operation', () => {
    const scheme = resolvePointer(doc, '#/components/securitySchemes/bearerAuth') as JsonObject;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { operation } of ops) expect(operation.security).toEqual([{ bearerAuth: [] }]);
  });

  it.each(Object.entries(DOCUMENTED))('%s declares its documented status codes', (id, { codes }) => {
    const declared = Object.keys(byId.get(id)!.operation.responses as JsonObject);
    for (const code of codes) expect(declared).toContain(code);
  });

  it.each(Object.entries(DOCUMENTED))('%s marks every undocumented response as inferred, and no documented one', (id, { codes }) => {
    const responses = byId.get(id)!.operation.responses as JsonObject;
    for (const [code, response] of Object.entries(responses)) {
      const description = responseDescription(response);
      if (codes.includes(code)) expect(description, `${id} ${code}`).not.toMatch(/^\*\*Inferred/);
      else expect(description, `${id} ${code}`).toMatch(/^\*\*Inferred\.?\*\*/);
    }
  });

  it('declares 401 on every operation, 404 wherever a server is addressed, and 204 on delete', () => {
    for (const { path, method, operation } of ops) {
      const codes = Object.keys(operation.responses as JsonObject);
      expect(codes).toContain('401');
      if (path.includes('{server_id}')) expect(codes).toContain('404');
      if (method === 'delete') expect(codes).toContain('204');
    }
  });

  it('uses one error body for every error response', () => {
    for (const { operation } of ops) {
      for (const [code, response] of Object.entries(operation.responses as JsonObject)) {
        if (Number(code) < 400) continue;
        const content = (deref(doc, response as JsonObject) as JsonObject).content as JsonObject;
        expect(content['application/json']).toMatchObject({ schema: { $ref: '#/components/schemas/Error' } });
      }
    }
  });

  it('types server_id as a positive integer and the status filter as the documented values', () => {
    const id = resolvePointer(doc, '#/components/schemas/ServerIdValue') as JsonObject;
    expect(id).toMatchObject({ type: 'integer', minimum: 1 });
    const filter = resolvePointer(doc, '#/components/schemas/ServerStatusFilter') as JsonObject;
    expect(filter.enum).toEqual(['active', 'stopped', 'suspended']);
    const status = resolvePointer(doc, '#/components/schemas/ServerStatus') as JsonObject;
    for (const value of ['provisioning', 'active', 'starting', 'stopping', 'stopped', 'rebooting', 'suspended']) {
      expect(status.enum).toContain(value);
      expect(status.description).toContain(`\`${value}\``);
    }
  });

  it('bounds every int64 by 2^53 - 1, the largest integer every JSON reader reads exactly (I-JSON, RFC 7493)', () => {
    // Found by Schemathesis: an int64 server_id above it was valid by the spec, refused by Prism,
    // and read wrongly by every JavaScript client (the TypeScript SDK's ids are numbers).
    const int64: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${at}/${i}`));
      else if (node && typeof node === 'object') {
        const schema = node as JsonObject;
        if (schema.format === 'int64') {
          int64.push(at);
          expect(schema.maximum, at).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        }
        for (const [key, value] of Object.entries(schema)) visit(value, `${at}/${key}`);
      }
    };
    visit(doc, '#');
    expect(int64).toContain('#/components/schemas/ServerIdValue');
  });

  it('links the create response and the list to the operations on a server, each by the id the response gives', () => {
    const links = (resolvePointer(doc, '#/components') as JsonObject).links as JsonObject;
    const responseOf = (operationId: string, code: string) =>
      deref(doc, (byId.get(operationId)!.operation.responses as JsonObject)[code] as JsonObject) as JsonObject;
    const responseLinks = (operationId: string, code: string) =>
      Object.values((responseOf(operationId, code).links ?? {}) as JsonObject).map((l) => deref(doc, l as JsonObject) as JsonObject);
    const onServer = ops.filter((o) => o.path.includes('{server_id}')).map((o) => o.operation.operationId);
    expect(responseLinks('createServer', '201').map((l) => l.operationId).sort()).toEqual([...onServer].sort());
    for (const link of responseLinks('createServer', '201')) expect(link.parameters).toEqual({ server_id: '$response.body#/id' });
    expect(responseLinks('listServers', '200')).toEqual([expect.objectContaining({ operationId: 'getServer', parameters: { server_id: '$response.body#/results/0/id' } })]);
    for (const action of ['startServer', 'stopServer', 'rebootServer']) {
      expect(responseLinks(action, '200')).toEqual([expect.objectContaining({ operationId: 'getServer', parameters: { server_id: '$response.body#/server/id' } })]);
    }
    for (const link of Object.values(links) as JsonObject[]) {
      expect(byId.has(link.operationId as string), String(link.operationId)).toBe(true);
      expect(link.description).toBeTruthy();
    }
    // Each pointer reads an id from the response's own example: the chain works on what the docs show.
    for (const { operation } of ops) {
      for (const [code, raw] of Object.entries(operation.responses as JsonObject)) {
        const response = deref(doc, raw as JsonObject) as JsonObject;
        const examples = Object.values((((response.content as JsonObject)?.['application/json'] as JsonObject)?.examples ?? {}) as JsonObject);
        for (const link of Object.values((response.links ?? {}) as JsonObject).map((l) => deref(doc, l as JsonObject) as JsonObject)) {
          for (const expression of Object.values(link.parameters as JsonObject) as string[]) {
            const pointer = expression.replace(/^\$response\.body#/, '');
            for (const example of examples) {
              const value = pointer.split('/').slice(1).reduce<Json>((node, key) => (node as JsonObject)?.[key], (deref(doc, example as JsonObject) as JsonObject).value);
              expect(Number.isInteger(value), `${operation.operationId} ${code}: ${expression}`).toBe(true);
            }
          }
        }
      }
    }
  });

  it('requires the documented fields on create and replace, and a non-empty patch', () => {
    const schema = (name: string) => resolvePointer(doc, `#/components/schemas/${name}`) as JsonObject;
    expect(schema('ServerCreate').required).toEqual(['name', 'plan_id', 'os_id', 'location']);
    expect(schema('ServerReplace').required).toEqual(['name', 'hostname', 'backups_enabled']);
    expect(schema('ServerPatch')).toMatchObject({ minProperties: 1 });
    expect(schema('ServerPatch').required).toBeUndefined();
  });

  it('tags every operation with a described tag and gives it a summary and description', () => {
    const tags = new Map(((doc.tags as JsonObject[]) ?? []).map((t) => [t.name, t.description]));
    for (const { operation } of ops) {
      expect(operation.summary).toBeTruthy();
      expect(operation.description).toBeTruthy();
      for (const tag of operation.tags as string[]) expect(tags.get(tag)).toBeTruthy();
    }
  });
});
