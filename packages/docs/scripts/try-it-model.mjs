// What the Try it console (../try-it/) knows of the API, made at build time from the bundled spec
// and the API model (@vpsorg/codegen): no operation, field or command is written here.
//   tryItModel(bundled)       the same for every page: servers, the schemas (validation keywords
//                             only, $refs kept), each operation's parameters, body, documented
//                             responses and its `vps` command (the CLI's own command data)
//   tryItPageData(localized)  one page's words: server names, status meanings, operation summaries
// The console's validator handles the JSON Schema keywords and formats it lists; a schema using
// another one stops the build here, named, instead of being checked wrongly in the page.
import { buildApiModel, cliCommandSpecs, deref } from '@vpsorg/codegen';
import { KEYWORDS, unsupportedKeywords } from '../try-it/validate.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const SCHEMA_REF = /^#\/components\/schemas\/[^/]+$/;

/** A schema with only what validation reads (descriptions, examples and x- extensions dropped). */
export function validationSchema(schema, where) {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema)) throw new Error(`${where}: not a schema`);
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEYWORDS.includes(key)) continue;
    if (key === '$ref' && !SCHEMA_REF.test(value)) throw new Error(`${where}: the Try it console follows $refs to #/components/schemas/ only, not ${value}`);
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, validationSchema(sub, `${where}/properties/${name}`)]));
    else if (['items', 'not', 'additionalProperties'].includes(key) && typeof value !== 'boolean') out[key] = validationSchema(value, `${where}/${key}`);
    else if (['allOf', 'anyOf', 'oneOf'].includes(key)) out[key] = value.map((sub, i) => validationSchema(sub, `${where}/${key}/${i}`));
    else out[key] = value;
  }
  return out;
}

function checkSupported(schema, where) {
  const unsupported = unsupportedKeywords(schema, where);
  if (unsupported.length) {
    throw new Error(
      `The Try it console cannot check these schema keywords (try-it/validate.js handles ${KEYWORDS.join(', ')}):\n${unsupported.map((u) => `  ${u}`).join('\n')}`,
    );
  }
}

/** The raw (bundled, $refs kept) schema of a media type map, or undefined. */
const jsonSchemaOf = (content, mediaType) => (isObject(content) && mediaType ? content[mediaType]?.schema : undefined);

/** Markdown as one line of plain text: emphasis, code marks and links reduced to their words. */
export function plainText(markdown) {
  return String(markdown ?? '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The console's model of the API (the same on every page). */
export function tryItModel(bundled) {
  const model = buildApiModel(bundled);
  const { commands, api } = cliCommandSpecs(model);
  const schemas = {};
  for (const [name, schema] of Object.entries(bundled.components?.schemas ?? {})) {
    checkSupported(schema, `#/components/schemas/${name}`);
    schemas[name] = validationSchema(schema, `#/components/schemas/${name}`);
  }
  const operations = model.operations.map((op) => {
    const raw = bundled.paths[op.path][op.method];
    const where = `${op.httpMethod} ${op.path}`;
    const rawParams = [...(bundled.paths[op.path].parameters ?? []), ...(raw.parameters ?? [])].map((p) => deref(bundled, p));
    const params = [...op.pathParams, ...op.queryParams, ...op.headerParams].map((p) => {
      const schema = rawParams.find((r) => r.name === p.name && r.in === p.in)?.schema ?? p.schema;
      checkSupported(schema, `${where} parameter ${p.name}`);
      return { name: p.name, in: p.in, required: p.required, schema: validationSchema(schema, `${where} parameter ${p.name}`), example: p.example };
    });
    let body;
    if (op.body) {
      const schema = jsonSchemaOf(deref(bundled, raw.requestBody).content, op.body.mediaType);
      checkSupported(schema, `${where} request body`);
      body = { required: op.body.required, mediaType: op.body.mediaType, schema: validationSchema(schema, `${where} request body`), example: op.body.example };
    }
    const responses = {};
    for (const response of op.responses) {
      const rawResponse = deref(bundled, raw.responses[response.status]);
      const schema = jsonSchemaOf(rawResponse.content, response.mediaType);
      if (schema) checkSupported(schema, `${where} response ${response.status}`);
      responses[response.status] = {
        status: response.status,
        content: isObject(rawResponse.content) && Object.keys(rawResponse.content).length > 0,
        ...(schema ? { schema: validationSchema(schema, `${where} response ${response.status}`) } : {}),
      };
    }
    const command = commands.find((c) => c.operationId === op.operationId);
    const flag = ({ name, flag: f, schema }) => ({ name, flag: f, schema: { type: schema.type } });
    return {
      id: op.operationId,
      method: op.httpMethod,
      path: op.path,
      auth: op.bearerAuth,
      params,
      ...(body ? { body } : {}),
      responses,
      cli: {
        group: command.group,
        command: command.command,
        args: command.args.map(({ name }) => ({ name })),
        query: command.query.map(flag),
        ...(command.body ? { body: { fields: command.body.fields.map(flag) } } : {}),
        confirm: command.confirm,
      },
    };
  });
  return {
    servers: (bundled.servers ?? []).map((s) => s.url.replace(/\/+$/, '')),
    cliBaseUrl: (api.baseUrl ?? '').replace(/\/+$/, ''),
    components: { schemas },
    operations,
  };
}

/** One page's words for the console, from its (localized) bundled spec. */
export function tryItPageData(localized) {
  const model = buildApiModel(localized);
  return {
    servers: (localized.servers ?? []).map((s) => plainText(s.description)),
    summaries: Object.fromEntries(model.operations.map((op) => [op.operationId, plainText(op.summary)])),
    meanings: Object.fromEntries(model.operations.map((op) => [op.operationId, Object.fromEntries(op.responses.map((r) => [r.status, plainText(r.description)]))])),
  };
}
