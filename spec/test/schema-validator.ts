// An independent JSON Schema 2020-12 validator (ajv) over the spec's component schemas,
// plus a strict check that examples carry no property the schema does not declare.
import Ajv2020 from 'ajv/dist/2020.js';
import RedoclyAjv2020 from '@redocly/ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { deref, type Json, type JsonObject } from './spec-document.js';

const ROOT_ID = 'urn:vpsorg:servers';

/** Rewrite '#/components/schemas/X' to absolute refs into one root schema's $defs. */
function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${ROOT_ID}#/$defs/`)
        : rewriteRefs(value as Json),
    ]),
  );
}

/**
 * A validator of values against the spec's schemas. `closed`: every object schema read as closed,
 * as Redocly Respect checks responses (Redocly's ajv with defaultUnevaluatedProperties: false).
 */
export function createValidator(doc: JsonObject, { closed = false } = {}) {
  const ajv = closed
    ? (new RedoclyAjv2020({ strict: true, allErrors: true, defaultUnevaluatedProperties: false }) as unknown as Ajv2020)
    : new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // Vendor extensions that annotate schemas (x-lifecycle: the status schema's lifecycle) validate nothing.
  ajv.addVocabulary(['x-lifecycle']);
  const schemas = (doc.components as JsonObject).schemas as JsonObject;
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(schemas) as JsonObject });
  const cache = new Map<string, ValidateFunction>();

  return function validate(schema: Json, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as JsonObject);
      cache.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

/** The member schemas a value must satisfy at once: the schema itself and its allOf/anyOf/oneOf parts. */
function expand(doc: JsonObject, schema: Json): JsonObject[] {
  const resolved = deref(doc, schema) as JsonObject;
  if (!resolved || typeof resolved !== 'object') return [];
  const parts = [resolved];
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const member of (resolved[keyword] as Json[] | undefined) ?? []) parts.push(...expand(doc, member));
  }
  return parts;
}

/** Paths of properties in `value` that no (sub)schema declares: a typo in an example fails here. */
export function undeclaredProperties(doc: JsonObject, schema: Json, value: unknown): string[] {
  return undeclaredIn(doc, [schema], value, '');
}

/** `schemas` all apply to `value` at once (allOf semantics): a property declared by any of them is known. */
function undeclaredIn(doc: JsonObject, schemas: Json[], value: unknown, at: string): string[] {
  const parts = schemas.flatMap((s) => expand(doc, s));
  if (Array.isArray(value)) {
    const items = parts.map((p) => p.items).filter(Boolean) as Json[];
    return value.flatMap((v, i) => undeclaredIn(doc, items, v, `${at}/${i}`));
  }
  if (value === null || typeof value !== 'object') return [];
  const declared = new Map<string, Json[]>();
  for (const part of parts) {
    for (const [name, sub] of Object.entries((part.properties as JsonObject | undefined) ?? {})) {
      declared.set(name, [...(declared.get(name) ?? []), sub]);
    }
  }
  return Object.entries(value).flatMap(([name, v]) => {
    const subs = declared.get(name);
    return subs ? undeclaredIn(doc, subs, v, `${at}/${name}`) : [`${at}/${name}`];
  });
}
