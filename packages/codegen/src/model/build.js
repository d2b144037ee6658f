// The model of the API: the spec read once into plain data that every generator uses (the
// client's operations, the docs' code samples, the sandbox, the CLI). Structural problems that no
// generator could work around (no operationId, no 2xx response, an undeclared path parameter, a
// name used twice) are errors here, each naming the operation and what to fix.
import { deref, resolveDeep } from './refs.js';
import { groupName, IDENTIFIER, methodName } from './naming.js';
import { buildResources } from './resources.js';
import { buildLifecycles } from './lifecycle.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The vendor extensions (`x-…`) of a node, without the prefix stripped. */
function extensionsOf(node) {
  return Object.fromEntries(Object.entries(node ?? {}).filter(([key]) => key.startsWith('x-')));
}

/** An example value for a parameter, from the parameter itself or its schema. */
function parameterExample(document, parameter, schema) {
  if (parameter.example !== undefined) return parameter.example;
  const named = isObject(parameter.examples) ? Object.values(parameter.examples)[0] : undefined;
  if (named !== undefined) return deref(document, named).value;
  if (Array.isArray(schema?.examples) && schema.examples.length) return schema.examples[0];
  if (schema?.example !== undefined) return schema.example;
  if (schema?.default !== undefined) return schema.default;
  return undefined;
}

/** The named examples of a media type object, references resolved, in document order. */
function examplesOf(document, media) {
  if (!isObject(media)) return [];
  if (media.example !== undefined) return [{ name: 'example', summary: undefined, value: media.example }];
  return Object.entries(isObject(media.examples) ? media.examples : {}).map(([name, raw]) => {
    const example = deref(document, raw);
    return { name, summary: example.summary, value: example.value };
  });
}

function jsonMedia(content) {
  return Object.entries(isObject(content) ? content : {}).find(([type]) => JSON_MEDIA.test(type));
}

function readParameter(document, parameter) {
  const schema = resolveDeep(document, parameter.schema ?? {});
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    description: parameter.description,
    schema,
    example: parameterExample(document, parameter, schema),
    deprecated: parameter.deprecated === true,
    allowEmptyValue: parameter.allowEmptyValue === true,
  };
}

function readRequestBody(document, raw, where) {
  const body = deref(document, raw);
  const [mediaType, media] = jsonMedia(body.content) ?? [];
  if (!mediaType) throw new Error(`${where}: only JSON request bodies are supported`);
  const schema = resolveDeep(document, media.schema ?? {});
  const examples = examplesOf(document, media);
  if (!examples.length && Array.isArray(schema.examples) && schema.examples.length) {
    examples.push({ name: 'schema', summary: undefined, value: schema.examples[0] });
  }
  return {
    required: body.required === true,
    description: body.description,
    mediaType,
    schema,
    requiredFields: Array.isArray(schema.required) ? [...schema.required] : [],
    // openapi-typescript drops minProperties; the client's method type keeps it.
    nonEmpty: (schema.minProperties ?? 0) >= 1,
    examples,
    example: examples[0]?.value,
  };
}

function readResponse(document, status, raw) {
  const response = deref(document, raw);
  // A $ref with a sibling description (3.1) documents this operation's use of a shared response.
  const description = isObject(raw) && typeof raw.description === 'string' ? raw.description : response.description;
  const [mediaType, media] = jsonMedia(response.content) ?? [];
  return {
    status,
    code: Number(status),
    description,
    mediaType,
    schema: media ? resolveDeep(document, media.schema ?? {}) : undefined,
    examples: examplesOf(document, media),
    headers: Object.keys(isObject(response.headers) ? response.headers : {}),
    ref: typeof raw?.$ref === 'string' ? raw.$ref : undefined,
  };
}

/** True when the operation (or the document, by default) asks for a bearer token. */
function usesBearer(document, operation) {
  const security = operation.security ?? document.security ?? [];
  const schemes = document.components?.securitySchemes ?? {};
  return security.some((requirement) =>
    Object.keys(requirement).some((name) => {
      const scheme = deref(document, schemes[name]);
      return scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer';
    }),
  );
}

function readOperation(document, path, item, method, operation) {
  const where = `${method.toUpperCase()} ${path}`;
  const { operationId } = operation;
  if (!operationId) throw new Error(`${where} has no operationId; the SDK needs one to name its method`);
  if (!IDENTIFIER.test(operationId)) throw new Error(`${where}: operationId "${operationId}" is not an identifier`);

  // Operation-level parameters override path-level ones with the same name and location.
  const declared = new Map();
  for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = deref(document, raw);
    declared.set(`${parameter.in}:${parameter.name}`, readParameter(document, parameter));
  }
  const pathParams = [...path.matchAll(/\{([^{}]+)\}/g)].map(([, name]) => {
    const parameter = declared.get(`path:${name}`);
    if (!parameter) throw new Error(`${where}: path parameter {${name}} is not declared`);
    return parameter;
  });
  const ofKind = (kind) => [...declared.values()].filter((p) => p.in === kind);

  const responses = Object.entries(isObject(operation.responses) ? operation.responses : {})
    .map(([status, raw]) => readResponse(document, status, raw))
    .sort((a, b) => a.status.localeCompare(b.status));
  const success = responses.find((r) => /^2\d\d$/.test(r.status));
  if (!success) throw new Error(`${where} declares no 2xx response`);

  const group = groupName(path, operation);
  const servers = operation.servers ?? item.servers ?? document.servers ?? [];
  return {
    operationId,
    httpMethod: method.toUpperCase(),
    method,
    path,
    group,
    name: methodName(operationId, group, operation),
    summary: operation.summary,
    description: operation.description,
    tags: Array.isArray(operation.tags) ? [...operation.tags] : [],
    deprecated: operation.deprecated === true,
    baseUrl: typeof servers[0]?.url === 'string' ? servers[0].url.replace(/\/+$/, '') : undefined,
    bearerAuth: usesBearer(document, operation),
    pathParams,
    queryParams: ofKind('query'),
    headerParams: ofKind('header'),
    body: operation.requestBody ? readRequestBody(document, operation.requestBody, where) : undefined,
    success: { ...success, hasBody: Boolean(success.mediaType) },
    responses,
    errors: responses.filter((r) => /^[45]/.test(r.status)),
    extensions: extensionsOf(operation),
  };
}

/**
 * Read an OpenAPI 3.x document (already parsed) into the API model. Pure: the document is not
 * changed, and the model shares no objects with it that a generator could mutate by accident.
 * @param {object} document
 * @returns {import('../index.js').ApiModel}
 */
export function buildApiModel(document) {
  if (!isObject(document) || !isObject(document.paths)) throw new Error('Not an OpenAPI document: it has no `paths`');
  /** @type {any[]} */
  const operations = [];
  const ids = new Map();
  for (const [path, rawItem] of Object.entries(document.paths)) {
    const item = deref(document, rawItem);
    for (const method of HTTP_METHODS) {
      if (!isObject(item?.[method])) continue;
      const op = readOperation(document, path, item, method, item[method]);
      if (ids.has(op.operationId)) throw new Error(`operationId "${op.operationId}" is used twice (${ids.get(op.operationId)} and ${method.toUpperCase()} ${path})`);
      ids.set(op.operationId, `${method.toUpperCase()} ${path}`);
      operations.push(op);
    }
  }
  const names = new Map();
  for (const op of operations) {
    const key = `${op.group}.${op.name}`;
    if (names.has(key)) {
      throw new Error(`${names.get(key)} and ${op.operationId} both map to ${key}; set x-sdk-method on one of them`);
    }
    names.set(key, op.operationId);
  }
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, resolveDeep(document, schema)]),
  );
  const resources = buildResources(operations);
  return {
    title: document.info?.title,
    version: document.info?.version,
    description: document.info?.description,
    baseUrl: typeof document.servers?.[0]?.url === 'string' ? document.servers[0].url.replace(/\/+$/, '') : undefined,
    tags: (document.tags ?? []).map((tag) => ({ name: tag.name, description: tag.description })),
    operations,
    resources,
    lifecycles: buildLifecycles(document, operations, resources),
    schemas,
    extensions: extensionsOf(document),
    operation(operationId) {
      const found = operations.find((op) => op.operationId === operationId);
      if (!found) throw new Error(`The spec has no operation "${operationId}"`);
      return found;
    },
  };
}
