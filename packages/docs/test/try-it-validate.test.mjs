// The Try it console's validator (try-it/validate.js) against ajv (JSON Schema 2020-12 with
// ajv-formats), on the spec's own schemas: the same verdict on every example of the spec and on
// hundreds of broken copies of them (a field removed, nulled, of another type, too long, out of
// range, against its pattern, outside its enum, unknown), and problems only where ajv finds them.
// Then the build's refusal of a keyword it does not handle, and the messages in a locale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';
import { loadTranslations } from '../scripts/i18n.mjs';
import { tryItModel } from '../scripts/try-it-model.mjs';
import { describeProblems } from '../try-it/messages.js';
import { FORMATS, unsupportedKeywords, validate } from '../try-it/validate.js';

const bundled = JSON.parse(readFileSync(path.join(inject('docsDist'), 'openapi/servers.json'), 'utf8'));
const model = tryItModel(bundled);
const ROOT_ID = 'urn:vpsorg:servers';

const rewrite = (node) => {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' ? v.replace('#/components/schemas/', `${ROOT_ID}#/$defs/`) : rewrite(v)]));
};
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: ROOT_ID, $defs: rewrite(model.components.schemas) });
const compiled = new Map();
/** ajv's problems as paths: a missing or unknown property at the property's own path, as ours. */
function ajvProblems(schema, value) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(rewrite(schema)));
  const fn = compiled.get(key);
  if (fn(value)) return null;
  return new Set(
    fn.errors.map((e) => {
      const at = e.instancePath;
      if (e.keyword === 'required') return `${at}/${e.params.missingProperty}`;
      if (e.keyword === 'additionalProperties') return `${at}/${e.params.additionalProperty}`;
      return at;
    }),
  );
}
const pathOf = (error) => error.path.map((s) => `/${s}`).join('');

/** Every (schema, example value) pair of the spec: request bodies, responses, parameters, components. */
function examplePairs() {
  const pairs = [];
  for (const op of model.operations) {
    if (op.body) pairs.push([`${op.id} body`, op.body.schema, op.body.example]);
    for (const p of op.params) if (p.example !== undefined) pairs.push([`${op.id} ${p.name}`, p.schema, p.example]);
    const raw = Object.values(bundled.paths).flatMap((item) => Object.values(item)).find((o) => o?.operationId === op.id);
    for (const [status, response] of Object.entries(op.responses)) {
      let documented = raw.responses[status];
      if (documented.$ref) documented = documented.$ref.slice(2).split('/').reduce((n, k) => n[k], bundled);
      for (const example of Object.values(documented.content?.['application/json']?.examples ?? {})) {
        const value = example.$ref ? example.$ref.slice(2).split('/').reduce((n, k) => n[k], bundled).value : example.value;
        pairs.push([`${op.id} ${status}`, response.schema, value]);
      }
    }
  }
  for (const [name, schema] of Object.entries(bundled.components.schemas)) {
    for (const example of schema.examples ?? []) pairs.push([`schema ${name}`, { $ref: `#/components/schemas/${name}` }, example]);
  }
  return pairs;
}

/** Broken copies of a value: each leaf and object changed in the ways a reader or a server gets wrong. */
function mutations(value) {
  const out = [];
  const set = (root, at, change) => {
    const copy = structuredClone(root);
    if (at.length === 0) return change(copy);
    const parent = at.slice(0, -1).reduce((n, k) => n[k], copy);
    const key = at.at(-1);
    const next = change(parent[key]);
    if (next === undefined && Array.isArray(parent)) parent.splice(key, 1);
    else if (next === undefined) delete parent[key];
    else parent[key] = next;
    return copy;
  };
  const walk = (node, at) => {
    const variants = [() => undefined, () => null, () => 'text', () => 42, () => 1.5, () => -1, () => true, () => [], () => ({})];
    if (typeof node === 'string') variants.push((s) => `${s}!`, (s) => s.repeat(300), () => '', () => 'zzz-not-a-value', () => '999.1.1.1', () => '2025-13-40T99:00:00Z');
    if (typeof node === 'number') variants.push((n) => n + 0.5, (n) => -n, () => 2 ** 64, () => 0);
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) variants.push((o) => ({ ...o, not_in_the_schema: 1 }), () => ({}));
    if (Array.isArray(node)) variants.push((a) => [...a, 'extra'], () => [{}]);
    for (const variant of variants) {
      const changed = set(value, at, variant);
      if (changed !== undefined) out.push(changed);
    }
    if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...at, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  return out;
}

describe('the console validator against ajv, on the spec\'s schemas', () => {
  const pairs = examplePairs();

  it('finds every example of the spec valid, as ajv does', () => {
    expect(pairs.length).toBeGreaterThan(40);
    for (const [what, schema, value] of pairs) {
      expect(ajvProblems(schema, value), `${what}: ajv`).toBeNull();
      expect(validate(schema, value, { root: model }), what).toEqual([]);
    }
  });

  it('gives ajv\'s verdict on broken copies of every example, naming only places ajv names', () => {
    let broken = 0;
    for (const [what, schema, example] of pairs) {
      for (const value of mutations(example)) {
        const theirs = ajvProblems(schema, value);
        const ours = validate(schema, value, { root: model });
        expect(ours.length === 0, `${what}: ${JSON.stringify(value).slice(0, 300)}`).toBe(theirs === null);
        if (theirs) {
          broken++;
          for (const error of ours) expect([...theirs], `${what}: ${error.keyword} at ${pathOf(error)}`).toContain(pathOf(error));
        }
      }
    }
    expect(broken).toBeGreaterThan(1000);
  });

  it.each([
    ['date-time', ['2025-01-10T14:30:00Z', '2024-02-29T23:59:60Z', '2025-01-10t14:30:00+01:00', '2023-02-29T10:00:00Z', '2025-01-10 14:30:00Z', '2025-01-10T24:00:00Z', '2025-01-10', 'now']],
    ['ipv4', ['203.0.113.10', '0.0.0.0', '256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', 'a.b.c.d']],
    ['ipv6', ['2001:db8::1', '::', '::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '::ffff:192.0.2.1', '2001:db8::1::2', '2001:db8:0:0:0:0:0:0:1', 'g::1', '1:2:3:4:5:6:7::']],
    ['int64', [0, 12345, 2 ** 53, -(2 ** 62), 2 ** 63, 1.5]],
    ['uuid', ['123e4567-e89b-12d3-a456-426614174000', 'not-a-uuid']],
  ])('checks the format %s as ajv-formats does', (format, values) => {
    const type = format === 'int64' ? 'number' : 'string';
    for (const value of values) {
      expect(validate({ type, format }, value).length === 0, `${format} ${value}`).toBe(ajvProblems({ type, format }, value) === null);
    }
  });

  it('reads the value of a oneOf null pair as its own type: a hostname against its pattern says so', () => {
    const schema = { oneOf: [{ $ref: '#/components/schemas/Hostname' }, { type: 'null' }] };
    expect(validate(schema, null, { root: model })).toEqual([]);
    expect(validate(schema, 'not a hostname', { root: model }).map((e) => e.keyword)).toEqual(['pattern']);
    expect(validate(schema, 5, { root: model }).map((e) => e.keyword)).toEqual(['oneOf']);
  });
});

describe('what the validator does not handle stops the build', () => {
  it('names each keyword, format or reference it cannot check', () => {
    expect(unsupportedKeywords({ type: 'object', description: 'x', 'x-anything': 1, properties: { a: { type: 'string', examples: ['a'] } } })).toEqual([]);
    expect(
      unsupportedKeywords({
        type: 'object',
        unevaluatedProperties: false,
        properties: { when: { type: 'string', format: 'duration' }, other: { $ref: 'other.yaml#/X' } },
        allOf: [{ patternProperties: { '^x': {} } }],
      }),
    ).toEqual(['#: unevaluatedProperties', '#/properties/when: format duration', '#/properties/other: $ref other.yaml#/X (only local references)', '#/allOf/0: patternProperties']);
    expect(FORMATS).toEqual(expect.arrayContaining(['date-time', 'ipv4', 'ipv6', 'int64']));
  });

  it('tryItModel refuses a spec whose schema uses one, naming where', () => {
    const spec = structuredClone(bundled);
    spec.components.schemas.ServerName.unevaluatedProperties = false;
    expect(() => tryItModel(spec)).toThrow(/cannot check these schema keywords[\s\S]*#\/components\/schemas\/ServerName: unevaluatedProperties/);
  });
});

describe('the problems in the page\'s language', () => {
  it('names the field and says what is wrong with the schema\'s own values, in French', () => {
    const labels = Object.fromEntries(Object.entries(loadTranslations('fr').labels).filter(([k]) => k.startsWith('tryit.')).map(([k, e]) => [k.slice(6), e.text]));
    const create = model.operations.find((op) => op.id === 'createServer');
    const errors = validate(create.body.schema, { name: 'web 01', plan_id: 'un', location: 'us-west', couleur: 'rouge' }, { root: model });
    expect(describeProblems(errors, labels, labels['field.body']).map((p) => p.text)).toEqual([
      'os_id : est requis',
      'name : doit correspondre au motif ^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$',
      'plan_id : doit être de type integer',
      "couleur : n'est pas un champ prévu ici",
    ]);
    expect(describeProblems(validate(create.body.schema, [], { root: model }), labels, labels['field.body']).map((p) => p.text)).toEqual(['Corps de la requête : doit être de type object']);
  });
});
