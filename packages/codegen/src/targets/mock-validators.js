// The request checks of the in-process sandbox (@vpsorg/mock/msw), compiled ahead of time: for each
// operation, the body, query, header and path schemas exactly as the pinned Prism (5.14, with
// @stoplight/http-spec 7 and ajv 8) reads and validates them, turned into plain functions by ajv's
// standalone code generation. So the handlers refuse a request with the very ajv errors Prism
// finds, in the same order, without carrying ajv (or compiling code at run time) in a browser.
//
// What Prism does to a request schema before ajv sees it, reproduced here:
//   - @stoplight/http-spec's conversion of an OpenAPI 3 schema (oas/transformers/schema): `example`
//     becomes `examples`, `nullable` a type union, boolean exclusiveMinimum/Maximum numbers, and the
//     number formats int32/int64/float/double add their ranges as minimum/maximum;
//   - a body: allOf merged, readOnly properties taken out (prism-http validators/body.js);
//   - parameters: one object schema per location, names lower-cased (validators/params.js);
//   - ajv's draft-07 class with allErrors, allowUnionTypes and strict off; parameters coerced from
//     their strings (coerceTypes), bodies not.
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

const RANGES = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  float: [-(2 ** 128), 2 ** 128 - 1],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

/** http-spec's keyword conversions, applied to one schema node (in its order). */
function convertKeywords(schema) {
  for (const keyword of ['x-example', 'example']) {
    if (keyword in schema) {
      schema.examples = [schema[keyword]];
      delete schema[keyword];
    }
  }
  if ('id' in schema) {
    if (typeof schema.id === 'string') schema.$id = schema.id;
    delete schema.id;
  }
  if (typeof schema.format === 'string' && schema.format in RANGES) {
    const [min, max] = RANGES[schema.format];
    const number = (value, fallback) => (Number.isNaN(Number(value)) ? fallback : Number(value));
    schema.minimum = Math.max(number(schema.minimum, min), min);
    schema.maximum = Math.min(number(schema.maximum, max), max);
  } else if (schema.format === 'byte') {
    schema.pattern = '^[\\w\\d+\\/=]*$';
  } else if (schema.format === 'base64') {
    schema.contentEncoding = 'base64';
    delete schema.format;
  } else if (schema.format === 'binary') {
    schema.contentMediaType = 'application/octet-stream';
    delete schema.format;
  }
  for (const keyword of ['x-nullable', 'nullable']) {
    if (!(keyword in schema)) continue;
    if (schema[keyword] === true && typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    }
    delete schema[keyword];
  }
  for (const [keyword, value] of /** @type {const} */ ([['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']])) {
    if (!(keyword in schema) || typeof schema[keyword] === 'number') continue;
    if (schema[keyword] !== true || typeof schema[value] !== 'number') delete schema[keyword];
    else {
      schema[keyword] = schema[value];
      delete schema[value];
    }
  }
}

const STRUCTS = ['allOf', 'anyOf', 'oneOf', 'not', 'items', 'additionalProperties', 'additionalItems'];

/** A copy of `schema` as http-spec hands it to Prism's validator. */
export function convertSchema(schema) {
  if (!isObject(schema)) return schema;
  const copy = { ...schema };
  for (const struct of STRUCTS) {
    if (Array.isArray(copy[struct])) copy[struct] = copy[struct].filter(isObject).map(convertSchema);
    else if (isObject(copy[struct])) copy[struct] = convertSchema(copy[struct]);
  }
  if (isObject(copy.properties)) copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, convertSchema(v)]));
  convertKeywords(copy);
  return copy;
}

/** allOf parts merged into one schema (properties merged deeply, required joined), as Prism does for bodies. */
export function mergeAllOf(schema) {
  if (!isObject(schema)) return schema;
  let merged = { ...schema };
  if (Array.isArray(merged.allOf)) {
    const { allOf, ...rest } = merged;
    merged = allOf.map(mergeAllOf).reduce(mergeTwo, rest);
  }
  if (isObject(merged.properties)) merged.properties = Object.fromEntries(Object.entries(merged.properties).map(([k, v]) => [k, mergeAllOf(v)]));
  if (isObject(merged.items)) merged.items = mergeAllOf(merged.items);
  return merged;
}

function mergeTwo(a, b) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties' && isObject(out.properties)) {
      out.properties = { ...out.properties };
      for (const [name, sub] of Object.entries(value)) out.properties[name] = name in out.properties ? mergeTwo(out.properties[name], sub) : sub;
    } else if (key === 'required' && Array.isArray(out.required)) {
      out.required = [...new Set([...out.required, ...value])];
    } else if (!(key in out)) {
      out[key] = value;
    } else if (JSON.stringify(out[key]) !== JSON.stringify(value) && !ANNOTATIONS.has(key)) {
      throw new Error(`allOf parts disagree on "${key}" (${JSON.stringify(out[key])} vs ${JSON.stringify(value)}): the in-process validator cannot merge them as Prism does`);
    }
  }
  return out;
}

/** Properties marked readOnly taken out of `properties` and `required` (a request never sends them). */
export function stripReadOnly(schema) {
  if (!isObject(schema)) return schema;
  const copy = { ...schema };
  if (isObject(copy.items)) copy.items = stripReadOnly(copy.items);
  if (isObject(copy.properties)) {
    const kept = Object.entries(copy.properties).filter(([, p]) => !(isObject(p) && p.readOnly === true));
    copy.properties = Object.fromEntries(kept.map(([k, v]) => [k, stripReadOnly(v)]));
    if (Array.isArray(copy.required)) copy.required = copy.required.filter((name) => kept.some(([k]) => k === name));
  }
  return copy;
}

/** Keywords that validate nothing: dropped so the generated code does not carry them. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'x-stoplight']);

function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-'))
      .map(([key, value]) => [key, key === 'properties' || key === '$defs' || key === 'definitions'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]))
        : key === 'enum' || key === 'const' ? value : withoutAnnotations(value)]),
  );
}

/** The object schema Prism validates one location's parameters against (names lower-cased). */
export function paramsSchema(params) {
  const withSchema = params.filter((p) => isObject(p.schema));
  return {
    type: 'object',
    properties: Object.fromEntries(withSchema.map((p) => [p.name.toLowerCase(), convertSchema(p.schema)])),
    required: params.filter((p) => p.required).map((p) => p.name.toLowerCase()),
  };
}

/** The body schema Prism validates a JSON request body against. */
export function bodySchema(body) {
  return stripReadOnly(mergeAllOf(convertSchema(body.schema)));
}

// The formats ajv-formats 2 (Prism's) knows. A request schema using one must be validated here as
// Prism does: the number formats below are; any other fails the generation, naming it.
const KNOWN_FORMATS = ['date', 'time', 'date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url', 'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment', 'relative-json-pointer', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary'];
const FORMAT_CODE = {
  int32: '{ type: "number", validate: (n) => Number.isInteger(n) && n <= 2147483647 && n >= -2147483648 }',
  int64: '{ type: "number", validate: (n) => Number.isInteger(n) }',
  float: '{ type: "number", validate: () => true }',
  double: '{ type: "number", validate: () => true }',
};
const ALWAYS_VALID = new Set(['password', 'binary']);
// ajv's runtime helpers the standalone code may ask for, written out (no ajv at run time).
const RUNTIME = {
  'ajv/dist/runtime/ucs2length': [
    'ucs2length',
    // ajv/dist/runtime/ucs2length.js: length in Unicode code points (a surrogate pair counts once).
    'function ucs2length(str) { let length = 0, pos = 0, value; while (pos < str.length) { length++; value = str.charCodeAt(pos++); if (value >= 0xd800 && value <= 0xdbff && pos < str.length) { value = str.charCodeAt(pos); if ((value & 0xfc00) === 0xdc00) pos++; } } return length; }',
  ],
};

function makeAjv(coerceTypes) {
  const ajv = new Ajv({
    allErrors: true,
    allowUnionTypes: true,
    allowMatchingProperties: true,
    strict: false,
    coerceTypes,
    logger: false,
    code: { source: true, formats: _`formats` },
  });
  for (const name of KNOWN_FORMATS) ajv.addFormat(name, ALWAYS_VALID.has(name) ? true : FORMAT_CODE[name] ? { type: 'number', validate: () => true } : () => true);
  return ajv;
}

/** ajv standalone code for `schemas` ({ exportName: schema }), as the body of a function returning them. */
function compile(schemas, coerceTypes, used) {
  const ajv = makeAjv(coerceTypes);
  const ids = {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(withoutAnnotations(schema), name);
    ids[name] = name;
  }
  let code = standaloneCode(ajv, ids).replace(/^"use strict";/, '');
  code = code.replace(/require\("([^"]+)"\)\.default/g, (_match, id) => {
    if (!RUNTIME[id]) throw new Error(`the validator code needs ajv's ${id}, which the in-process validator does not carry: add it to RUNTIME in packages/codegen/src/targets/mock-validators.js`);
    used.runtime.add(id);
    return RUNTIME[id][0];
  });
  if (/\brequire\(/.test(code)) throw new Error(`the validator code needs a module: ${/require\([^)]*\)/.exec(code)?.[0]}`);
  for (const [, dotted, quoted] of code.matchAll(/\bformats(?:\.(\w+)|\["([^"]+)"\])/g)) used.formats.add(dotted ?? quoted);
  return code;
}

/**
 * The generated module: `requestValidators[operationId]` = { body?, query?, header?, path? }, each
 * an ajv validate function (errors on `.errors`).
 * @param {import('../index.js').ApiModel} model
 */
export function renderRequestValidators(model) {
  const bodies = {};
  const params = {};
  const table = [];
  const dedupe = (group, prefix, schema) => {
    const key = JSON.stringify(withoutAnnotations(schema));
    const found = Object.entries(group).find(([, s]) => JSON.stringify(withoutAnnotations(s)) === key);
    if (found) return found[0];
    const name = `${prefix}${Object.keys(group).length}`;
    group[name] = schema;
    return name;
  };
  for (const op of model.operations) {
    const entry = [];
    if (op.body) entry.push(`body: body.${dedupe(bodies, 'b', bodySchema(op.body))}`);
    for (const [location, list] of /** @type {const} */ ([['header', op.headerParams], ['query', op.queryParams], ['path', op.pathParams]])) {
      if (list.length) entry.push(`${location}: params.${dedupe(params, 'p', paramsSchema(list))}`);
    }
    table.push(`  ${op.operationId}: { ${entry.join(', ')} },`);
  }
  const used = { runtime: new Set(), formats: new Set() };
  const bodyCode = Object.keys(bodies).length ? compile(bodies, false, used) : '';
  const paramsCode = Object.keys(params).length ? compile(params, true, used) : '';
  for (const name of used.formats) {
    if (!FORMAT_CODE[name]) throw new Error(`format "${name}" in a request schema: the in-process validator has no implementation of it (add one to FORMAT_CODE in packages/codegen/src/targets/mock-validators.js)`);
  }
  const formats = [...used.formats].sort().map((name) => `  ${JSON.stringify(name)}: ${FORMAT_CODE[name]},`);
  return [
    "// The spec's request checks as Prism reads them, compiled by ajv's standalone code generation",
    '// (packages/codegen/src/targets/mock-validators.js). Used by @vpsorg/mock/msw. ajv writes untyped code:',
    '// @ts-nocheck',
    ...[...used.runtime].sort().map((id) => RUNTIME[id][1]),
    `const formats = {${formats.length ? `\n${formats.join('\n')}\n` : ''}};`,
    `const body = ((exports) => {${bodyCode}\nreturn exports;})({});`,
    `const params = ((exports) => {${paramsCode}\nreturn exports;})({});`,
    '',
    '/** By operationId: the validate functions of its body and of its header, query and path parameters. */',
    'export const requestValidators = {',
    ...table,
    '};',
    '',
  ].join('\n');
}
