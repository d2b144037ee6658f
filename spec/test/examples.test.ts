import { describe, expect, it } from 'vitest';
import { deref, loadSpec, operations, type Json, type JsonObject } from './spec-document.js';
import { createValidator, undeclaredProperties } from './schema-validator.js';

const doc = loadSpec();
const validate = createValidator(doc);
const validateClosed = createValidator(doc, { closed: true });

interface ExampleCase {
  where: string;
  schema: Json;
  value: unknown;
}

/** Every example in the document, each paired with the schema it must satisfy. */
function collectExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const fromContent = (where: string, content: JsonObject | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      const { schema, examples, example } = media as JsonObject;
      if (example !== undefined) cases.push({ where: `${where} ${mediaType} example`, schema: schema!, value: example });
      for (const [name, ex] of Object.entries((examples as JsonObject | undefined) ?? {})) {
        cases.push({ where: `${where} ${mediaType} examples.${name}`, schema: schema!, value: (deref(doc, ex) as JsonObject).value });
      }
    }
  };
  const fromHeaders = (where: string, headers: JsonObject | undefined) => {
    for (const [name, header] of Object.entries(headers ?? {})) {
      const h = deref(doc, header) as JsonObject;
      if (h.example !== undefined) cases.push({ where: `${where} header ${name}`, schema: h.schema!, value: h.example });
    }
  };
  for (const { path, method, operation } of operations(doc)) {
    const op = `${method.toUpperCase()} ${path}`;
    const pathItem = (doc.paths as JsonObject)[path] as JsonObject;
    const params = [...((pathItem.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])];
    for (const p of params.map((x) => deref(doc, x) as JsonObject)) {
      if (p.example !== undefined) cases.push({ where: `${op} parameter ${p.name}`, schema: p.schema!, value: p.example });
    }
    if (operation.requestBody) fromContent(`${op} request`, (deref(doc, operation.requestBody) as JsonObject).content as JsonObject);
    for (const [code, response] of Object.entries(operation.responses as JsonObject)) {
      const r = deref(doc, response) as JsonObject;
      fromContent(`${op} ${code}`, r.content as JsonObject);
      fromHeaders(`${op} ${code}`, r.headers as JsonObject);
    }
  }
  // Schema-level `examples` on every component schema and each of its properties.
  const walkSchema = (where: string, schema: JsonObject) => {
    for (const value of (schema.examples as Json[] | undefined) ?? []) cases.push({ where, schema, value });
    for (const [name, sub] of Object.entries((schema.properties as JsonObject | undefined) ?? {})) {
      walkSchema(`${where}.${name}`, sub as JsonObject);
    }
    for (const member of (schema.allOf as JsonObject[] | undefined) ?? []) walkSchema(`${where} (allOf)`, member);
  };
  for (const [name, schema] of Object.entries((doc.components as JsonObject).schemas as JsonObject)) {
    walkSchema(`schema ${name}`, schema as JsonObject);
  }
  return cases;
}

const cases = collectExamples();

describe('examples (checked by ajv, JSON Schema 2020-12, independent of Redocly)', () => {
  it('finds the documented examples on every operation', () => {
    // 9 operations: 5 request examples (create, update, patch) + success examples + error examples.
    const successExamples = cases.filter((c) => / (200|201) application\/json examples/.test(c.where));
    expect(successExamples.map((c) => c.where.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      [
        'GET /servers/',
        'GET /servers/{server_id}/',
        'PATCH /servers/{server_id}/',
        'POST /servers/',
        'POST /servers/{server_id}/reboot/',
        'POST /servers/{server_id}/start/',
        'POST /servers/{server_id}/stop/',
        'PUT /servers/{server_id}/',
      ],
    );
    expect(cases.some((c) => c.where === 'POST /servers/ request application/json examples.webServer')).toBe(true);
    expect(cases.filter((c) => / 4\d\d application\/json/.test(c.where)).length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s validates against its schema', (_where, c) => {
    expect(validate(c.schema, c.value)).toEqual([]);
  });

  // Found running the workflows: Redocly Respect reads every object schema as closed, and a
  // server's `plan` (PlanDetail, with `bandwidth`) failed against ServerSummary's Plan.
  it.each(cases.filter((c) => / \d{3} application\/json/.test(c.where)).map((c) => [c.where, c] as const))(
    '%s validates with every object schema closed, as Redocly Respect reads them',
    (_where, c) => {
      expect(validateClosed(c.schema, c.value)).toEqual([]);
    },
  );

  it.each(cases.map((c) => [c.where, c] as const))('%s declares no unknown property', (_where, c) => {
    expect(undeclaredProperties(doc, c.schema, c.value)).toEqual([]);
  });

  it('the validator really rejects bad values', () => {
    const server = { $ref: '#/components/schemas/ServerCreate' };
    expect(validate(server, { name: 'ok-name', plan_id: '1', os_id: 5, location: 'us-west' })).not.toEqual([]);
    expect(validate(server, { plan_id: 1, os_id: 5, location: 'us-west' })).not.toEqual([]);
    expect(validate(server, { name: 'bad name!', plan_id: 1, os_id: 5, location: 'us-west' })).not.toEqual([]);
    expect(validate({ $ref: '#/components/schemas/ServerPatch' }, {})).not.toEqual([]);
    expect(validate({ $ref: '#/components/schemas/Hostname' }, 'localhost')).not.toEqual([]);
    expect(validate({ $ref: '#/components/schemas/IPv4Address' }, '2001:db8::1')).not.toEqual([]);
    expect(undeclaredProperties(doc, { $ref: '#/components/schemas/Server' }, { id: 1, plan: { bandwith: 1 } })).toEqual([
      '/plan/bandwith',
    ]);
  });
});
