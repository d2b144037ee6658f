// JSON Schema (as the model has it: references resolved) -> Python types for the pydantic models
// and the method signatures. A schema equal to one of components.schemas (descriptions and
// examples aside) is called by its name; an object or enum without a name becomes a class or a
// Literal named after where it sits (`SnapshotServerResponse`).
import { pascalCase } from './emit.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const NOT_STRUCTURE = new Set(['description', 'examples', 'example', 'title', 'x-lifecycle', 'default', 'deprecated', 'readOnly', 'writeOnly']);

/** A schema's shape only: what decides whether two schemas are the same type. */
function signature(schema) {
  if (Array.isArray(schema)) return `[${schema.map(signature).join(',')}]`;
  if (!isObject(schema)) return JSON.stringify(schema);
  const keys = Object.keys(schema)
    .filter((key) => !NOT_STRUCTURE.has(key))
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${signature(schema[key])}`).join(',')}}`;
}

/** `allOf` parts merged into one object schema (properties and required lists). */
export function merged(schema) {
  if (!isObject(schema) || !Array.isArray(schema.allOf)) return schema ?? {};
  const result = { ...schema, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  delete result.allOf;
  const properties = {};
  const required = [];
  for (const part of schema.allOf.map(merged)) {
    Object.assign(properties, part.properties ?? {});
    required.push(...(part.required ?? []));
    if (part.type && !result.type) result.type = part.type;
    if (part.additionalProperties === false && result.additionalProperties === undefined) result.additionalProperties = false;
  }
  result.properties = { ...properties, ...result.properties };
  result.required = [...new Set([...required, ...result.required])];
  return result;
}

/** The schema without its `null` alternative, and whether it had one. */
export function withoutNull(schema) {
  if (!isObject(schema)) return { schema: {}, nullable: false };
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  if (schema.type === 'null') return { schema: {}, nullable: true };
  for (const key of ['oneOf', 'anyOf']) {
    if (!Array.isArray(schema[key])) continue;
    const options = schema[key].filter((s) => !(isObject(s) && s.type === 'null'));
    if (options.length < schema[key].length) {
      if (options.length === 1) return { schema: { description: schema.description, ...options[0] }, nullable: true };
      return { schema: { ...schema, [key]: options }, nullable: true };
    }
  }
  return { schema, nullable: false };
}

const isObjectSchema = (schema) => isObject(schema) && (schema.type === 'object' || isObject(schema.properties) || Array.isArray(schema.allOf));
const isStringEnum = (schema) => isObject(schema) && Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string');

/** The names some schemas get in Python (the TypeScript client's short names). */
export const RENAMES = { Error: 'ApiErrorBody' };

/**
 * The registry of named types: components.schemas first (by their short names), then the classes
 * and Literals made for unnamed schemas as the generator meets them.
 */
export function createTypeRegistry(schemas) {
  const bySignature = new Map();
  /** name -> { name, kind: 'model' | 'enum', schema, description } in the order they were made */
  const types = new Map();
  for (const [specName, schema] of Object.entries(schemas)) {
    const name = RENAMES[specName] ?? specName;
    if (isObjectSchema(schema)) types.set(name, { name, specName, kind: 'model', schema: merged(schema) });
    else if (isStringEnum(schema)) types.set(name, { name, specName, kind: 'enum', schema });
    else continue;
    const key = signature(schema);
    if (!bySignature.has(key)) bySignature.set(key, name);
  }

  function named(schema, suggested, kind) {
    const key = signature(schema);
    const known = bySignature.get(key);
    if (known) return known;
    let name = pascalCase(suggested);
    for (let n = 2; types.has(name); n++) name = `${pascalCase(suggested)}${n}`;
    types.set(name, { name, kind, schema: kind === 'model' ? merged(schema) : schema });
    bySignature.set(key, name);
    return name;
  }

  /** The Python type of `schema`; `context` names an unnamed object or enum found in it. */
  function pythonType(raw, context) {
    const { schema, nullable } = withoutNull(raw);
    const orNone = (type) => (nullable ? `${type} | None` : type);
    if (!isObject(schema) || Object.keys(schema).length === 0) return nullable ? 'Any | None' : 'Any';
    if (isStringEnum(schema)) return orNone(named(schema, context, 'enum'));
    for (const key of ['oneOf', 'anyOf']) {
      if (Array.isArray(schema[key])) {
        const options = [...new Set(schema[key].map((s, i) => pythonType(s, `${context}${i + 1}`)))];
        return orNone(options.join(' | '));
      }
    }
    if (isObjectSchema(schema)) {
      const m = merged(schema);
      if (!isObject(m.properties) || Object.keys(m.properties).length === 0) return orNone('dict[str, Any]');
      return orNone(named(schema, context, 'model'));
    }
    switch (schema.type) {
      case 'string':
        return orNone(schema.format === 'date-time' ? 'datetime' : 'str');
      case 'integer':
        return orNone('int');
      case 'number':
        return orNone('float');
      case 'boolean':
        return orNone('bool');
      case 'array':
        return orNone(`list[${pythonType(schema.items ?? {}, `${context}Item`)}]`);
      default:
        return orNone('Any');
    }
  }

  /** What the runtime checks an argument against: int, number, str, bool, object, array, any. */
  function argumentKind(raw) {
    const { schema, nullable } = withoutNull(raw);
    let kind = 'any';
    if (isStringEnum(schema)) kind = 'str';
    else if (isObjectSchema(schema)) kind = 'object';
    else if (schema.type === 'integer') kind = 'int';
    else if (schema.type === 'number') kind = 'number';
    else if (schema.type === 'string') kind = 'str';
    else if (schema.type === 'boolean') kind = 'bool';
    else if (schema.type === 'array') kind = 'array';
    return { kind, nullable };
  }

  /** The type of an argument: `datetime` strings are sent as they are given (str). */
  function argumentType(raw, context) {
    return pythonType(raw, context).replace(/\bdatetime\b/g, 'str');
  }

  return { types, pythonType, argumentKind, argumentType, named };
}
