// types.py: a pydantic v2 model per object schema (the TypeScript client's short names), a
// Literal alias per string enum, in an order where each class comes after the ones it uses.
import { INDENT, bracket, docstring, isKeyword, plainText, pyString } from './emit.js';
import { merged } from './schema-types.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
// BaseModel's own attributes: a field of that name would shadow them.
const SHADOWS = new Set(['copy', 'dict', 'json', 'schema', 'construct', 'validate', 'model_config', 'model_fields', 'model_computed_fields', 'model_extra', 'model_fields_set']);

/** The Python attribute of a JSON property, and whether it needs an alias. */
function attributeName(name) {
  let attribute = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^[0-9]/.test(attribute)) attribute = `_${attribute}`;
  if (attribute.startsWith('_')) attribute = `field${attribute}`;
  if (isKeyword(attribute) || SHADOWS.has(attribute) || attribute.startsWith('model_')) attribute = `${attribute}_`;
  return { attribute, alias: attribute === name ? undefined : name };
}

function renderEnum(type) {
  const values = type.schema.enum.map((v) => pyString(v));
  const lines = bracket(`${type.name}: TypeAlias = `, 'Literal[', values, ']');
  lines.push(...docstring(plainText(type.schema.description), ''));
  return lines;
}

function renderModel(type, registry) {
  const schema = merged(type.schema);
  const lines = [`class ${type.name}(BaseModel):`];
  lines.push(...docstring(plainText(schema.description) || `The ${type.specName ?? type.name} schema.`, INDENT));
  lines.push('');
  const closed = schema.additionalProperties === false;
  const properties = Object.entries(isObject(schema.properties) ? schema.properties : {});
  const aliased = properties.some(([name]) => attributeName(name).alias);
  // defer_build: the validator is made on first use, not at import (`import vpsorg` stays light).
  const options = [`extra=${closed ? '"forbid"' : '"allow"'}`, ...(aliased ? ['populate_by_name=True'] : []), 'defer_build=True'];
  lines.push(...bracket(`${INDENT}model_config = ConfigDict`, '(', options, ')'));
  const required = new Set(schema.required ?? []);
  for (const [name, property] of properties) {
    const { attribute, alias } = attributeName(name);
    const context = `${type.name}_${name}`;
    let annotation = registry.pythonType(property, context);
    const optional = !required.has(name);
    if (optional && !annotation.endsWith('| None') && annotation !== 'Any') annotation = `${annotation} | None`;
    let assignment = '';
    if (alias) assignment = optional ? ` = Field(default=None, alias=${pyString(alias)})` : ` = Field(alias=${pyString(alias)})`;
    else if (optional) assignment = ' = None';
    lines.push('', `${INDENT}${attribute}: ${annotation}${assignment}`);
    lines.push(...docstring(plainText(property?.description), INDENT));
  }
  return lines;
}

/** Names of the registry's types that `type`'s fields use. */
function dependencies(type, registry) {
  if (type.kind !== 'model') return [];
  const schema = merged(type.schema);
  const used = new Set();
  for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    for (const word of registry.pythonType(property, `${type.name}_${name}`).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      if (registry.types.has(word) && word !== type.name) used.add(word);
    }
  }
  return [...used];
}

/** The source of _generated/types.py (without the header). */
export function renderModels(registry) {
  // Rendering a model can add the classes of its unnamed nested objects: go until none is new.
  const order = [];
  const placed = new Set();
  const visiting = new Set();
  const place = (name) => {
    if (placed.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const dep of dependencies(registry.types.get(name), registry)) place(dep);
    visiting.delete(name);
    placed.add(name);
    order.push(name);
  };
  for (let size = -1; size !== registry.types.size; ) {
    size = registry.types.size;
    for (const name of [...registry.types.keys()]) place(name);
  }
  const blocks = order.map((name) => {
    const type = registry.types.get(name);
    return type.kind === 'enum' ? renderEnum(type) : renderModel(type, registry);
  });
  const text = blocks.map((b) => b.join('\n')).join('\n\n\n');
  const imports = [];
  if (/\bdatetime\b/.test(text)) imports.push('from datetime import datetime');
  const typing = ['Any', 'Literal', 'TypeAlias'].filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  if (typing.length) imports.push(`from typing import ${typing.join(', ')}`);
  const pydantic = ['BaseModel', 'ConfigDict', 'Field'].filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  const all = bracket('__all__ = ', '[', [...order].sort().map((n) => pyString(n)), ']');
  return [
    '"""The schemas of the spec: a pydantic model per object, a Literal per string enum."""',
    '',
    ...(imports.length ? [...imports, ''] : []),
    ...(pydantic.length ? [`from pydantic import ${pydantic.join(', ')}`, ''] : []),
    ...all,
    '',
    '',
    text,
    '',
  ].join('\n');
}
