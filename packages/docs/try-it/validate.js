// A validator for the part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the spec's
// schemas use, driven by the schemas themselves: they are data the build puts in the page
// (scripts/try-it-model.mjs), read here keyword by keyword. Nothing is generated or evaluated at
// run time (no eval, no new Function); a `pattern` becomes a RegExp, as a pattern must.
// The build refuses a schema with a keyword this file does not know (unsupportedKeywords), and
// test/try-it-validate.test.mjs checks its verdicts against ajv on the spec's own schemas.

/** Keywords that constrain a value: each is checked below. */
export const KEYWORDS = Object.freeze([
  '$ref', 'type', 'enum', 'const', 'format',
  'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties',
  'items', 'minItems', 'maxItems', 'uniqueItems',
  'allOf', 'anyOf', 'oneOf', 'not',
]);
/** Keywords that only describe: no effect on validity. */
export const ANNOTATIONS = Object.freeze([
  'title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'externalDocs', 'xml',
]);
/** The formats checked (ajv-formats' "full" meaning); another one in the spec stops the build. */
export const FORMATS = Object.freeze(['date-time', 'date', 'time', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'uuid', 'email', 'uri']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const SUBSCHEMA = new Set(['items', 'not', 'additionalProperties']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * Every keyword or format in `schema` (and its subschemas) that validate() does not handle, as
 * 'path: keyword' strings; `x-` extensions and annotations are fine.
 */
export function unsupportedKeywords(schema, at = '#') {
  if (typeof schema === 'boolean') return [];
  if (!isObject(schema)) return [`${at}: not a schema`];
  const found = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || ANNOTATIONS.includes(key)) continue;
    if (!KEYWORDS.includes(key)) found.push(`${at}: ${key}`);
    else if (key === 'format' && !FORMATS.includes(value)) found.push(`${at}: format ${value}`);
    else if (key === '$ref' && (typeof value !== 'string' || !value.startsWith('#/'))) found.push(`${at}: $ref ${value} (only local references)`);
    else if (key === 'properties') for (const [name, sub] of Object.entries(value)) found.push(...unsupportedKeywords(sub, `${at}/properties/${name}`));
    else if (SUBSCHEMA.has(key) && typeof value !== 'boolean') found.push(...unsupportedKeywords(value, `${at}/${key}`));
    else if (SUBSCHEMA_LISTS.has(key)) value.forEach((sub, i) => found.push(...unsupportedKeywords(sub, `${at}/${key}/${i}`)));
  }
  return found;
}

// --- formats ------------------------------------------------------------------------------

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS[month]);
}
function validTime(text) {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:z|([+-])(\d{2}):(\d{2}))$/i.exec(text);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const offsetOk = m[4] === undefined || (Number(m[5]) <= 23 && Number(m[6]) <= 59);
  return hour <= 23 && minute <= 59 && (second <= 59 || (second === 60 && hour === 23 && minute === 59)) && offsetOk;
}
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
function validIpv6(text) {
  let groups = text;
  let needed = 8;
  const v4 = /^(.*:)((?:\d+\.){3}\d+)$/.exec(text);
  if (v4) {
    if (!IPV4.test(v4[2])) return false;
    groups = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1);
    needed = 6;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (!parts.flat().every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const count = parts.flat().length;
  return halves.length === 2 ? count < needed : count === needed;
}
const FORMAT_CHECKS = {
  'date-time': (v) => typeof v !== 'string' || ((m) => !!m && validDate(m[1]) && validTime(m[2]))(/^(\d{4}-\d{2}-\d{2})[t\s](.*)$/i.exec(v)),
  date: (v) => typeof v !== 'string' || validDate(v),
  time: (v) => typeof v !== 'string' || validTime(v),
  ipv4: (v) => typeof v !== 'string' || IPV4.test(v),
  ipv6: (v) => typeof v !== 'string' || validIpv6(v),
  int32: (v) => typeof v !== 'number' || (Number.isInteger(v) && v <= 2 ** 31 - 1 && v >= -(2 ** 31)),
  // A JavaScript number is an int64 whenever it is an integer (ajv-formats reads it so too).
  int64: (v) => typeof v !== 'number' || Number.isInteger(v),
  float: () => true,
  double: () => true,
  uuid: (v) => typeof v !== 'string' || /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v),
  email: (v) => typeof v !== 'string' || /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(v),
  uri: (v) => typeof v !== 'string' || /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v),
};

// --- validation -----------------------------------------------------------------------------

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value; // 'string' | 'number' | 'boolean' | 'object'
}
function hasType(value, type) {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeOf(value) === type;
  }
}
function equal(a, b) {
  if (a === b) return true;
  if (typeOf(a) !== typeOf(b) || typeof a !== 'object' || a === null) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
}

const patterns = new Map();
function regex(pattern) {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'u');
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** The node a local `$ref` names in `root` (`#/components/schemas/Server`). */
export function resolveRef(root, ref) {
  let node = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = isObject(node) || Array.isArray(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  return node;
}

/**
 * Check `value` against `schema`. Returns every problem found, [] when valid:
 * [{ path: (string|number)[], keyword, params }] — `path` leads to the value at fault (for
 * `required` and `additionalProperties`, to the property missing or not allowed).
 * @param {unknown} schema @param {unknown} value @param {{ root?: unknown }} [options] root: what `$ref`s point into
 */
export function validate(schema, value, { root = {} } = {}) {
  const errors = [];
  check(schema, value, [], errors, root);
  return errors;
}

function check(schema, value, path, errors, root) {
  if (schema === true || schema === undefined) return;
  if (schema === false) {
    errors.push({ path, keyword: 'false', params: {} });
    return;
  }
  const add = (keyword, params = {}, at = path) => errors.push({ path: at, keyword, params });
  if (schema.$ref !== undefined) check(resolveRef(root, schema.$ref), value, path, errors, root);

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type))) {
      add('type', { type: types });
      return; // the rest would only repeat it
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((allowed) => equal(allowed, value))) add('enum', { values: schema.enum });
  if (schema.const !== undefined && !equal(schema.const, value)) add('const', { value: schema.const });
  if (schema.format !== undefined && FORMAT_CHECKS[schema.format] && !FORMAT_CHECKS[schema.format](value)) add('format', { format: schema.format });

  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) add('minLength', { limit: schema.minLength });
    if (schema.maxLength !== undefined && length > schema.maxLength) add('maxLength', { limit: schema.maxLength });
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) add('pattern', { pattern: schema.pattern });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add('minimum', { limit: schema.minimum });
    if (schema.maximum !== undefined && value > schema.maximum) add('maximum', { limit: schema.maximum });
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) add('exclusiveMinimum', { limit: schema.exclusiveMinimum });
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) add('exclusiveMaximum', { limit: schema.exclusiveMaximum });
    if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) add('multipleOf', { limit: schema.multipleOf });
  }
  if (isObject(value)) {
    const names = Object.keys(value);
    for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) add('required', { property: name }, [...path, name]);
    const properties = schema.properties ?? {};
    for (const name of names) {
      if (Object.hasOwn(properties, name)) check(properties[name], value[name], [...path, name], errors, root);
      else if (schema.additionalProperties === false) add('additionalProperties', { property: name }, [...path, name]);
      else if (isObject(schema.additionalProperties)) check(schema.additionalProperties, value[name], [...path, name], errors, root);
    }
    if (schema.minProperties !== undefined && names.length < schema.minProperties) add('minProperties', { limit: schema.minProperties });
    if (schema.maxProperties !== undefined && names.length > schema.maxProperties) add('maxProperties', { limit: schema.maxProperties });
  }
  if (Array.isArray(value)) {
    if (schema.items !== undefined) value.forEach((item, i) => check(schema.items, item, [...path, i], errors, root));
    if (schema.minItems !== undefined && value.length < schema.minItems) add('minItems', { limit: schema.minItems });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add('maxItems', { limit: schema.maxItems });
    if (schema.uniqueItems === true && value.some((item, i) => value.findIndex((other) => equal(other, item)) !== i)) add('uniqueItems');
  }

  for (const branch of schema.allOf ?? []) check(branch, value, path, errors, root);
  if (schema.anyOf !== undefined) alternatives('anyOf', schema.anyOf, value, path, errors, root);
  if (schema.oneOf !== undefined) alternatives('oneOf', schema.oneOf, value, path, errors, root);
  if (schema.not !== undefined && validate(schema.not, value, { root }).length === 0) add('not');
}

/**
 * anyOf / oneOf. When no branch matches, the problems of the one branch of the value's type are
 * the useful ones (a `oneOf: [Hostname, {type: null}]` string that breaks the pattern says so);
 * otherwise the keyword itself is the problem.
 */
function alternatives(keyword, branches, value, path, errors, root) {
  const results = branches.map((branch) => validate(branch, value, { root }).map((e) => ({ ...e, path: [...path, ...e.path] })));
  const passed = results.filter((r) => r.length === 0).length;
  if (passed === 1 || (keyword === 'anyOf' && passed > 1)) return;
  if (passed > 1) {
    errors.push({ path, keyword, params: { passed } });
    return;
  }
  const ofItsType = results.filter((r) => !r.some((e) => e.keyword === 'type' && e.path.length === path.length));
  if (ofItsType.length === 1) errors.push(...ofItsType[0]);
  else errors.push({ path, keyword, params: { passed: 0 } });
}
