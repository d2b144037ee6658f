import { describe, expect, it } from 'vitest';
import { collectRefs, deref, loadSpec, operations, resolvePointer, type JsonObject } from './spec-document.js';

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
