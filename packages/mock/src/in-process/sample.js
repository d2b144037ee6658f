// One value a schema accepts, the same every time: what the in-process mock answers for
// `Prefer: dynamic=true`, where Prism generates a random one (json-schema-faker). Examples first
// (the spec's own values satisfy its patterns), then defaults, enums, formats and bounds.

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const FORMATS = { 'date-time': '2025-01-01T00:00:00Z', date: '2025-01-01', ipv4: '203.0.113.1', ipv6: '2001:db8::1', email: 'user@example.com', uri: 'https://example.com/', uuid: '00000000-0000-4000-8000-000000000000', hostname: 'example.com' };

/** @param {any} schema */
export function sample(schema) {
  if (!isObject(schema)) return undefined;
  if (schema.const !== undefined) return structuredClone(schema.const);
  if (Array.isArray(schema.examples) && schema.examples.length) return structuredClone(schema.examples[0]);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length) return structuredClone(schema.enum[0]);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map(sample);
    if (parts.every(isObject)) return Object.assign({}, ...parts, isObject(schema.properties) ? objectSample(schema) : {});
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length) {
    const preferred = alternatives.find((s) => !(isObject(s) && s.type === 'null')) ?? alternatives[0];
    return sample(preferred);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : isObject(schema.properties) ? ['object'] : [];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object':
      return objectSample(schema);
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      const text = FORMATS[schema.format] ?? 'string';
      return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength, 'x');
    }
    default:
      return null;
  }
}

function objectSample(schema) {
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sample(property)]));
}
