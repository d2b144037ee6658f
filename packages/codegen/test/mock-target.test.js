// The mock target (src/targets/mock.js, mock-validators.js) and the model entry it relies on:
// request schemas read as Prism reads them, compiled ahead of time into code that gives the same
// ajv errors as ajv itself with Prism's options, and a model entry that imports nothing from Node.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiModel, defaultSpecPath, loadApiModel } from '../src/index.js';
import { bodySchema, convertSchema, mergeAllOf, paramsSchema, renderRequestValidators, stripReadOnly } from '../src/targets/mock-validators.js';
import { TARGETS } from '../src/targets/index.js';

const model = await loadApiModel(defaultSpecPath);
let work;
let validators;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vpsorg-mock-target-'));
  const file = join(work, 'request-validators.js');
  await writeFile(file, renderRequestValidators(model));
  ({ requestValidators: validators } = await import(pathToFileURL(file).href));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('@vpsorg/codegen/model', () => {
  it('imports nothing from Node, however deep (it is bundled for browsers)', async () => {
    const seen = new Set();
    const visit = async (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, 'utf8');
      for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
        await visit(resolve(dirname(file), specifier));
      }
    };
    await visit(fileURLToPath(new URL('../src/model/index.js', import.meta.url)));
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it("keeps each response header's example", () => {
    const list = model.operation('listServers');
    expect(list.responses.find((r) => r.code === 429)?.headerExamples).toEqual({ 'Retry-After': '30', 'X-Request-Id': 'req_8f14e45fceea167a' });
  });
});

describe('request schemas as Prism reads them', () => {
  it('http-spec: example → examples, nullable → a type union, number formats → their ranges, boolean exclusive bounds', () => {
    expect(convertSchema({ type: 'integer', format: 'int64', minimum: 1, example: 3 })).toEqual({
      type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, examples: [3],
    });
    expect(convertSchema({ type: 'object', properties: { n: { type: 'string', nullable: true, enum: ['a'] } } })).toEqual({
      type: 'object', properties: { n: { type: ['string', 'null'], enum: ['a', null] } },
    });
    expect(convertSchema({ type: 'number', minimum: 0, exclusiveMinimum: true })).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(convertSchema({ type: 'integer', format: 'int32' })).toMatchObject({ minimum: -(2 ** 31), maximum: 2 ** 31 - 1 });
  });

  it('a body: allOf merged and readOnly properties taken out; parameters: one object, names lower-cased', () => {
    const merged = mergeAllOf({ allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { type: 'integer' } } }] });
    expect(merged).toEqual({ type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' } } });
    expect(() => mergeAllOf({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(/disagree on "type"/);
    expect(stripReadOnly({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } })).toEqual({
      type: 'object', required: ['name'], properties: { name: { type: 'string' } },
    });
    expect(paramsSchema(model.operation('listServers').queryParams)).toMatchObject({ type: 'object', required: [], properties: { status: { enum: ['active', 'stopped', 'suspended'] } } });
    expect(paramsSchema([{ name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } }])).toMatchObject({ properties: { 'x-trace': {} }, required: ['x-trace'] });
  });
});

describe('the compiled request checks', () => {
  // ajv itself, with Prism's options (prism-http validators/utils.js): the reference.
  const ajvFor = (coerceTypes) => {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, coerceTypes, logger: false });
    ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
    return ajv;
  };
  const errorsOf = (validate, value) => (validate(value) ? [] : validate.errors.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })));

  it('cover every operation: a body, query and path check where the operation has one', () => {
    expect(Object.keys(validators)).toEqual(model.operations.map((op) => op.operationId));
    expect(Object.keys(validators.createServer)).toEqual(['body']);
    expect(Object.keys(validators.listServers)).toEqual(['query']);
    expect(Object.keys(validators.updateServer)).toEqual(['body', 'path']);
    expect(validators.getServer.path).toBe(validators.startServer.path); // one function for one schema
  });

  const bodies = [
    {},
    { name: 'web-01', plan_id: 1, os_id: 5, location: 'us-west' },
    { name: 'a'.repeat(64), plan_id: '1', os_id: 0, location: 'US', hostname: 'localhost', ssh_key_id: -3, backups_enabled: 'yes', extra: 1 },
    { name: '😀😀', plan_id: 1.5, os_id: 5, location: 'us-west' },
    [],
    'text',
    null,
  ];
  it.each(['createServer', 'updateServer', 'partialUpdateServer'])('%s: the same errors as ajv, in the same order, for good and bad bodies', (operationId) => {
    const reference = ajvFor(false).compile(bodySchema(model.operation(operationId).body));
    for (const body of bodies) {
      expect(errorsOf(validators[operationId].body, structuredClone(body)), JSON.stringify(body)).toEqual(errorsOf(reference, structuredClone(body)));
    }
  });

  it('parameters are coerced from their strings as Prism coerces them', () => {
    const reference = ajvFor(true).compile(paramsSchema(model.operation('getServer').pathParams));
    for (const value of ['12345', '0', '-1', '1.5', 'abc', '99999999999999999999', ['1', '2']]) {
      expect(errorsOf(validators.getServer.path, { server_id: value }), JSON.stringify(value)).toEqual(errorsOf(reference, { server_id: value }));
    }
    expect(validators.getServer.path({ server_id: '12' })).toBe(true);
  });

  it('refuse what they cannot check as Prism does, naming it', () => {
    const withFormat = buildApiModel({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a/': { post: { operationId: 'a', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { e: { type: 'string', format: 'email' } } } } } }, responses: { 200: { description: 'ok' } } } } },
    });
    expect(() => renderRequestValidators(withFormat)).toThrow(/format "email" in a request schema: the in-process validator has no implementation of it/);
    const unique = buildApiModel({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a/': { post: { operationId: 'a', requestBody: { content: { 'application/json': { schema: { type: 'array', uniqueItems: true, items: { type: 'object' } } } } }, responses: { 200: { description: 'ok' } } } } },
    });
    expect(() => renderRequestValidators(unique)).toThrow(/needs ajv's ajv\/dist\/runtime\/equal/);
  });

  it('the target writes the spec as a module and these checks', async () => {
    const files = await TARGETS.mock.render({ specPath: defaultSpecPath, model });
    expect(files.map((f) => f.name)).toEqual(['spec.js', 'request-validators.js']);
    const spec = files[0].contents;
    expect(spec).toMatch(/^\/\/ The OpenAPI document/);
    expect(JSON.parse(spec.slice(spec.indexOf('{'), spec.lastIndexOf('}') + 1)).paths['/servers/']).toBeDefined();
    expect(files[1].contents).not.toMatch(/\brequire\(|\bimport\b/);
  });
});
