// Renders packages/cli/src/generated/commands.js from the API model: one command per operation,
// named as the SDK names it (`client.servers.list` -> `vps servers list`), with its positional
// arguments from the path parameters, flags from the query parameters and the body schema's
// top-level properties (kebab-case), and help from the spec's summaries and descriptions.
// The output is data; the CLI's runtime (packages/cli/src/) turns it into commands.
import { kebabCase } from '../model/naming.js';
import { cliWords } from './cli-words.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One line of help text: the spec's Markdown emphasis taken out, whitespace collapsed. */
function helpText(text) {
  if (typeof text !== 'string') return undefined;
  const line = text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\s+/g, ' ').trim();
  return line || undefined;
}

/** `allOf` parts merged into one object schema (properties and required lists). */
function merged(schema) {
  if (!isObject(schema) || !Array.isArray(schema.allOf)) return schema ?? {};
  const result = { ...schema, properties: {}, required: [] };
  delete result.allOf;
  for (const part of [...schema.allOf.map(merged), { properties: schema.properties, required: schema.required }]) {
    Object.assign(result.properties, part.properties ?? {});
    result.required.push(...(part.required ?? []));
    if (part.type && !result.type) result.type = part.type;
  }
  result.required = [...new Set(result.required)];
  return result;
}

/** The schema without its `null` alternative (`type: [string, 'null']`, `oneOf: [X, {type: null}]`). */
function nonNull(schema) {
  if (!isObject(schema)) return {};
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    return { ...schema, type: types.length === 1 ? types[0] : types };
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (!Array.isArray(schema[key])) continue;
    const options = schema[key].filter((s) => !(isObject(s) && s.type === 'null'));
    if (options.length === 1) return { description: schema.description, ...nonNull(options[0]), ...(schema.description ? { description: schema.description } : {}) };
  }
  return merged(schema);
}

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
const CONSTRAINTS = ['enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'format', 'default'];

/** What a flag or argument accepts: a scalar type and its constraints, or `json` for anything else. */
function valueSchema(raw) {
  const schema = nonNull(raw);
  const type = typeof schema.type === 'string' ? schema.type : Array.isArray(schema.enum) ? 'string' : undefined;
  const result = { type: type && SCALARS.has(type) ? type : 'json' };
  if (result.type !== 'json') for (const key of CONSTRAINTS) if (schema[key] !== undefined) result[key] = schema[key];
  return result;
}

function input(name, raw, required, description) {
  return { name, flag: kebabCase(name), required, description: helpText(description ?? nonNull(raw).description), schema: valueSchema(raw) };
}

/** Where a response puts the server it is about: `['id']` or `['server', 'id']` (an action's result). */
function statusHolder(schema) {
  const s = merged(schema);
  const hasStatus = (o) => isObject(o?.properties?.status) && Array.isArray(nonNull(o.properties.status).enum) && o.properties.id;
  if (hasStatus(s)) return [];
  for (const [key, value] of Object.entries(s.properties ?? {})) if (hasStatus(merged(value))) return [key];
  return undefined;
}

/**
 * --wait: on create and the actions of a resource that can be read back. It polls the item until
 * its status settles: a status the spec's x-lifecycle gives no timed transition from (provisioning,
 * starting, stopping, rebooting settle by themselves; active, stopped, suspended do not). Without
 * a declared lifecycle, any status of the enum that is not a transitional `-ing` one.
 */
function waitPlan(op, model) {
  if (op.resource.role !== 'create' && op.resource.role !== 'action') return undefined;
  const resource = model.resources.find((r) => r.collectionPath === op.resource.collectionPath);
  const getId = resource?.operations.get;
  if (!getId) return undefined;
  const get = model.operation(getId);
  const item = merged(get.success.schema);
  const statuses = nonNull(item.properties?.status).enum;
  const holder = op.success.schema && statusHolder(op.success.schema);
  if (!Array.isArray(statuses) || !holder) return undefined;
  const lifecycle = model.lifecycles?.find((l) => l.resource === resource.name && l.field === 'status');
  const settles = (s) => (lifecycle ? !lifecycle.timed.some((t) => t.from === s) : !s.endsWith('ing'));
  const settled = statuses.filter((s) => typeof s === 'string' && settles(s));
  if (settled.length === 0 || settled.length === statuses.length) return undefined;
  return { get: get.name, id: [...holder, 'id'], settled };
}

/** How `--output table` shows the result: rows of an array property, or the object's fields. */
function tablePlan(op) {
  if (!op.success.hasBody || !op.success.schema) return undefined;
  const schema = merged(op.success.schema);
  const scalarish = (props) =>
    Object.entries(props ?? {})
      .filter(([, value]) => {
        const v = merged(nonNull(value));
        return valueSchema(value).type !== 'json' || isObject(v.properties?.name) || isObject(v.properties?.id);
      })
      .map(([key]) => key);
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const items = merged(nonNull(value).items);
    if (nonNull(value).type === 'array' && isObject(items.properties)) return { rows: key, columns: scalarish(items.properties) };
  }
  return { rows: null, columns: Object.keys(schema.properties ?? {}) };
}

function command(op, model) {
  const body = op.body && {
    required: op.body.required,
    nonEmpty: op.body.nonEmpty,
    closed: merged(op.body.schema).additionalProperties === false,
    description: helpText(op.body.description ?? op.body.schema.description),
    fields: Object.entries(merged(op.body.schema).properties ?? {}).map(([name, schema]) =>
      input(name, schema, op.body.requiredFields.includes(name)),
    ),
  };
  const spec = {
    operationId: op.operationId,
    group: op.group,
    name: op.name,
    command: kebabCase(op.name),
    httpMethod: op.httpMethod,
    path: op.path,
    summary: helpText(op.summary),
    description: helpText(op.description),
    deprecated: op.deprecated,
    args: op.pathParams.map((p) => ({ ...input(p.name, p.schema, true, p.description), example: p.example })),
    query: op.queryParams.map((p) => input(p.name, p.schema, p.required, p.description)),
    body,
    returnsBody: op.success.hasBody,
    table: tablePlan(op),
    wait: waitPlan(op, model),
    // Deleting cannot be undone: ask first on a terminal.
    confirm: op.httpMethod === 'DELETE',
  };
  return { ...spec, example: exampleLine(op, spec) };
}

/** The words of an example command line, from the spec's examples of the parameters and the body. */
function exampleLine(op, spec) {
  const body = isObject(op.body?.example) ? Object.fromEntries(Object.entries(op.body.example).filter(([, value]) => value !== null)) : undefined;
  return cliWords(spec, {
    path: Object.fromEntries(op.pathParams.map((p) => [p.name, p.example ?? 1])),
    query: Object.fromEntries(op.queryParams.map((p) => [p.name, p.example])),
    body,
  });
}

/**
 * The command data of `vps`, one command per operation (what commands.js holds): `groups` by SDK
 * group, `commands` in spec order, `api` (title, version, the default base URL).
 */
export function cliCommandSpecs(model) {
  const groups = {};
  for (const op of model.operations) {
    if (groups[op.group]) continue;
    const tag = model.tags.find((t) => t.name === op.tags[0]);
    groups[op.group] = { command: kebabCase(op.group), description: helpText(tag?.description) };
  }
  const commands = model.operations.map((op) => command(op, model));
  return { groups, commands, api: { title: model.title, version: model.version, baseUrl: model.baseUrl } };
}

/** The JavaScript source of commands.js (without the generated-file header). */
export function renderCliCommands(model) {
  const { groups, commands, api } = cliCommandSpecs(model);
  return `// The commands of \`vps\`, one per operation of the spec, named as @vpsorg/client names them.

/** @type {Record<string, { command: string, description?: string }>} */
export const groups = ${JSON.stringify(groups, null, 2)};

/** @type {import('../command-types.js').CommandSpec[]} */
export const commands = ${JSON.stringify(commands, null, 2)};

export const api = ${JSON.stringify(api, null, 2)};
`;
}
