// Just enough JSON Schema for the sandbox to build values the spec describes: the properties of
// an object schema (allOf merged), whether a value fits a property, and a value for a required
// property nobody gave. The schemas are the model's, with every $ref already resolved.

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const typesOf = (schema) => (Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : []);

/** { properties, required } of an object schema, allOf parts merged (later parts win). */
export function objectShape(schema) {
  const properties = {};
  const required = new Set();
  const visit = (s) => {
    if (!isObject(s)) return;
    for (const part of s.allOf ?? []) visit(part);
    Object.assign(properties, s.properties ?? {});
    for (const name of s.required ?? []) required.add(name);
  };
  visit(schema);
  return { properties, required };
}

export function isObjectSchema(schema) {
  return typesOf(schema).includes('object') || Array.isArray(schema?.allOf) || isObject(schema?.properties);
}

export function allowsNull(schema) {
  return typesOf(schema).includes('null') || (schema?.oneOf ?? schema?.anyOf ?? []).some(allowsNull);
}

/** Whether `value` fits `schema` at the top level (enum and type; formats and nesting are trusted). */
export function fits(schema, value) {
  if (!isObject(schema)) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) return alternatives.some((s) => fits(s, value));
  const types = typesOf(schema);
  if (types.length === 0) return true;
  return types.some((type) => {
    if (type === 'null') return value === null;
    if (type === 'integer') return Number.isInteger(value);
    if (type === 'number') return typeof value === 'number';
    if (type === 'array') return Array.isArray(value);
    if (type === 'object') return isObject(value);
    return typeof value === type;
  });
}

/** A value for a required property nobody gave: null, the default, the schema's example, else by type. */
function placeholder(schema) {
  if (allowsNull(schema)) return null;
  if (schema?.default !== undefined) return schema.default;
  if (isObjectSchema(schema)) return shape(schema, {});
  if (Array.isArray(schema?.examples) && schema.examples.length) return schema.examples[0];
  const types = typesOf(schema);
  if (types.includes('integer') || types.includes('number')) return schema.minimum ?? 0;
  if (types.includes('boolean')) return false;
  if (types.includes('array')) return [];
  return '';
}

/**
 * `value` cut and completed to exactly the properties `schema` describes. A property comes from
 * `value` when it fits, else from `fallback` (an example of the same shape), else, for an object
 * property whose required fields `value` itself has (an action result embedding the item), from
 * `value` as a whole; a required property still missing gets a placeholder.
 */
export function shape(schema, value, fallback = undefined) {
  const { properties, required } = objectShape(schema);
  const out = {};
  for (const [name, property] of Object.entries(properties)) {
    let v = value?.[name];
    let from = fallback?.[name];
    if (v !== undefined && !fits(property, v)) v = undefined;
    if (v === undefined && isObjectSchema(property) && required.has(name)) {
      const inner = objectShape(property);
      if (inner.required.size > 0 && [...inner.required].every((k) => value?.[k] !== undefined)) v = value;
    }
    if (v === undefined && from !== undefined && fits(property, from)) {
      v = from;
      from = undefined;
    }
    if (v === undefined) {
      if (!required.has(name)) continue;
      v = placeholder(property);
    }
    out[name] = isObject(v) && isObjectSchema(property) ? shape(property, v, isObject(from) ? from : undefined) : v;
  }
  return out;
}
