// The spec, loaded independently of Prism, and ajv (JSON Schema 2020-12) validators over its
// schemas: what the mock answers is checked against the document, not against Prism's reading of it.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { DEFAULT_SPEC } from '../../src/index.js';

export const spec = parse(readFileSync(DEFAULT_SPEC, 'utf8'));

const ROOT_ID = 'urn:vpsorg:servers';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follow a local JSON pointer such as '#/components/responses/NotFound'. */
export function resolvePointer(ref) {
  let node = spec;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`$ref ${ref} does not resolve`);
    node = node[key];
  }
  return node;
}

/** A Reference Object's target (its own siblings, like `description`, do not matter here). */
export function deref(node) {
  while (node && typeof node.$ref === 'string') node = resolvePointer(node.$ref);
  return node;
}

/** Every operation: { operationId, method, path, operation }. */
export const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  HTTP_METHODS.filter((m) => item[m]).map((method) => ({
    operationId: item[method].operationId,
    method: method.toUpperCase(),
    path,
    operation: item[method],
  })),
);

export function operation(operationId) {
  const found = operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId} in the spec`);
  return found;
}

/** The response object the spec declares for an operation and status, $refs resolved. */
export function declaredResponse(operationId, status) {
  const response = operation(operationId).operation.responses[String(status)];
  if (!response) throw new Error(`${operationId} declares no ${status} response`);
  return deref(response);
}

/** The first example of a declared JSON response. */
export function responseExample(operationId, status) {
  const content = declaredResponse(operationId, status).content['application/json'];
  const [example] = Object.values(content.examples);
  return deref(example).value;
}

/** Rewrite '#/components/schemas/X' to absolute refs into one root schema's $defs. */
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${ROOT_ID}#/$defs/`)
        : rewriteRefs(value),
    ]),
  );
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// Vendor extensions that annotate schemas (x-lifecycle: the status schema's lifecycle) validate nothing.
ajv.addVocabulary(['x-lifecycle']);
ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(spec.components.schemas) });
const compiled = new Map();

function validatorFor(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(rewriteRefs(schema)));
  return compiled.get(key);
}

/** Schema violations of `value` against a component schema, e.g. 'Error'; [] when valid. */
export function schemaErrors(schemaName, value) {
  if (!spec.components.schemas[schemaName]) throw new Error(`No schema ${schemaName} in the spec`);
  return report(validatorFor({ $ref: `#/components/schemas/${schemaName}` }), value);
}

/** Schema violations of a response body against what the spec declares for operation + status. */
export function responseErrors(operationId, status, body) {
  const content = declaredResponse(operationId, status).content?.['application/json'];
  if (!content) throw new Error(`${operationId} ${status} declares no JSON body`);
  return report(validatorFor(content.schema), body);
}

function report(validate, value) {
  if (validate(value)) return [];
  return validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The member schemas a value must satisfy at once: the schema itself and its allOf/anyOf/oneOf parts. */
function expand(schema) {
  const resolved = deref(schema);
  if (!resolved || typeof resolved !== 'object') return [];
  const parts = [resolved];
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const member of resolved[keyword] ?? []) parts.push(...expand(member));
  }
  return parts;
}

/**
 * JSON paths of properties in a response body that its declared schema does not declare:
 * the response schemas allow extra properties, but a mock inventing them would mislead.
 */
export function undeclaredResponseProperties(operationId, status, body) {
  const schema = declaredResponse(operationId, status).content['application/json'].schema;
  return undeclaredIn([schema], body, '');
}

function undeclaredIn(schemas, value, at) {
  const parts = schemas.flatMap(expand);
  if (Array.isArray(value)) {
    const items = parts.map((p) => p.items).filter(Boolean);
    return value.flatMap((v, i) => undeclaredIn(items, v, `${at}/${i}`));
  }
  if (value === null || typeof value !== 'object') return [];
  const declared = new Map();
  for (const part of parts) {
    for (const [name, sub] of Object.entries(part.properties ?? {})) declared.set(name, [...(declared.get(name) ?? []), sub]);
  }
  return Object.entries(value).flatMap(([name, v]) => (declared.has(name) ? undeclaredIn(declared.get(name), v, `${at}/${name}`) : [`${at}/${name}`]));
}
