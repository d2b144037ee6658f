// What the pinned Prism (5.14: prism-http 5.12/5.16, prism-http-server 5.16) does with a request,
// reproduced in-process for the sandbox and static handlers of @vpsorg/mock/msw, step by step as
// its sources do it: read the `Prefer` header, route, check the bearer token, validate the input,
// and answer from the spec's examples. Each function names the Prism module it follows. Imports
// nothing from Node: it runs in a browser.
import { sample } from './sample.js';

const PROBLEM_BASE = 'https://stoplight.io/prism/errors#';

/** @typedef {{ status: number, headers: Record<string, string>, body: unknown }} Answer */

/**
 * A Prism problem+json answer (ProblemJsonError.fromTemplate).
 * @returns {Answer}
 */
export function problem(type, title, status, detail, headers = {}) {
  return { status, headers: { 'content-type': 'application/problem+json', ...headers }, body: { type: `${PROBLEM_BASE}${type}`, title, status, detail } };
}

// ---- the Prefer header (prism-http-server getHttpConfigFromRequest, parse-prefer-header) ----

/** parse-prefer-header 1.0: `code=404, example=x` → { code: '404', example: 'x' } (the first of each wins). */
export function parsePreferHeader(prefer) {
  const result = {};
  const splitOutside = (text, separator) => {
    const parts = [];
    let start = 0;
    let quote = false;
    for (let i = 0; i <= text.length; i++) {
      const char = i < text.length ? text[i] : separator;
      if (char === '"') quote = !quote;
      else if (char === separator && !quote) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
    return parts;
  };
  for (const preference of splitOutside(prefer, ',')) {
    let base = null;
    for (const segment of splitOutside(preference, ';')) {
      const index = segment.indexOf('=');
      let token = (index < 0 ? segment : segment.slice(0, index)).trim().toLowerCase();
      let value = index < 0 ? '' : segment.slice(index + 1).trim();
      if (value[0] === '"' && value[value.length - 1] === '"') value = value.slice(1, -1);
      if (base === null) base = token;
      else token = `${base}-${token}`;
      const key = token.replace(/[^a-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));
      if (result[key] == null) result[key] = value.length ? value : true;
    }
  }
  return result;
}

/**
 * The mock preferences of a request: from `Prefer`, else the `__code`, `__example`, `__dynamic`
 * query parameters. { config } or, when one does not decode, { answer } (Prism's 422).
 */
export function preferences(prefer, query) {
  const raw = prefer
    ? parsePreferHeader(prefer)
    : { code: queryValue(query, '__code'), dynamic: queryValue(query, '__dynamic'), seed: queryValue(query, '__seed'), example: queryValue(query, '__example') };
  const problems = [];
  const config = {};
  const decode = (key, kind, test, convert) => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value !== 'string') problems.push(`optional property "${key}"\n└─ cannot decode ${JSON.stringify(value)}, should be string`);
    else if (!test(value)) problems.push(`optional property "${key}"\n└─ cannot decode ${JSON.stringify(value)}, should be ${kind}`);
    else config[key] = convert(value);
  };
  decode('code', 'a number', (v) => /^\d{3}$/.test(v), (v) => Number.parseInt(v, 10));
  decode('dynamic', 'a boolean', (v) => v === 'true' || v === 'false', (v) => v === 'true');
  decode('seed', '', () => true, (v) => v);
  decode('example', '', () => true, (v) => v);
  if (problems.length) return { answer: problem('UNPROCESSABLE_ENTITY', 'Invalid request', 422, problems.join('\n')) };
  return { config };
}

function queryValue(query, name) {
  const values = query.getAll(name);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

// ---- routing (prism-http router/index.js, router/matchPath.js) ----

const isTemplated = (fragment) => /{(.+)}/.test(fragment);
const fragments = (path) =>
  path.split('/').slice(1).map((f) => {
    try {
      return f && decodeURIComponent(f);
    } catch {
      return f;
    }
  });

/** 'concrete', 'templated' or undefined: how a request path matches an operation path. */
function matchPath(requestPath, operationPath) {
  const wanted = fragments(operationPath);
  const given = fragments(requestPath);
  if (wanted.length !== given.length) return undefined;
  let templated = false;
  for (const [i, fragment] of given.entries()) {
    const template = wanted[i] ?? '';
    if (!isTemplated(template)) {
      if (template !== fragment) return undefined;
      continue;
    }
    const capture = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[^\\]+\\\}/g, '(.*)');
    if (!new RegExp(capture).test(fragment)) return undefined;
    templated = true;
  }
  return templated ? 'templated' : 'concrete';
}

/** The operation a request is for: { op } or { answer } (Prism's 404 or 405 problem). */
export function route(operations, method, pathname) {
  const matches = operations.map((op) => ({ op, path: matchPath(pathname, op.path) })).filter((m) => m.path);
  if (!matches.length) return { answer: problem('NO_PATH_MATCHED_ERROR', 'Route not resolved, no path matched', 404, `The route ${pathname} hasn't been found in the specification file`) };
  const byMethod = matches.filter((m) => m.op.method === method.toLowerCase());
  if (!byMethod.length) {
    return { answer: problem('NO_METHOD_MATCHED_ERROR', 'Route resolved, but no method matched', 405, `The route ${pathname} has been matched, but it does not have "${method.toLowerCase()}" method defined`) };
  }
  return { op: (byMethod.find((m) => m.path === 'concrete') ?? byMethod[0]).op };
}

// ---- security (validator/validators/security/handlers/bearer.js) ----

/** Whether the request carries what Prism takes for a bearer token. */
export const prismSeesBearer = (authorization) => /^Bearer\s.+$/.test(authorization ?? '');

export const SECURITY_VIOLATION = Object.freeze({ location: ['request'], severity: 'Error', code: 401, message: 'Invalid security scheme used' });

// ---- input validation (validator/index.js validateInput, validators/*) ----

/** The type and subtype of a media type as Prism compares them (wildcardMediaTypeMatch). */
function mediaParts(mediaType) {
  const essence = (String(mediaType ?? '').split(';')[0] ?? '').trim().toLowerCase();
  const match = /^(.+)\/(?:(.+)\+)?(.+)$/.exec(essence);
  return match ? { type: match[1], subtype: match[3] } : undefined;
}

function mediaMatches(given, declared) {
  const a = mediaParts(given);
  const b = mediaParts(declared);
  return Boolean(a && b && (a.type === b.type || b.type === '*') && (a.subtype === b.subtype || b.subtype === '*'));
}

/** Prism's diagnostic for one ajv error (validators/utils.js convertAjvErrors). */
function fromAjv(error, prefix) {
  const params = error.params ?? {};
  const allowed = 'allowedValues' in params ? `: ${params.allowedValues.join(', ')}` : '';
  const additional = 'additionalProperty' in params ? `; found '${params.additionalProperty}'` : '';
  const unevaluated = 'unevaluatedProperty' in params ? `: '${params.unevaluatedProperty}'` : '';
  const path = error.instancePath.split('/').filter((segment) => segment !== '');
  const kind = path.length > 0 ? (prefix === 'body' ? 'property ' : 'parameter ') : '';
  const where = `Request ${prefix} ${kind}${path.join('.').trim()}${path.length > 0 ? ' ' : ''}`;
  return { location: ['request', prefix, ...path], severity: 'Error', code: error.keyword ?? '', message: `${where}${error.message ?? ''}${allowed}${additional}${unevaluated}` };
}

function runValidator(validate, value, prefix) {
  if (!validate || validate(value)) return [];
  return (validate.errors ?? []).map((e) => fromAjv(e, prefix));
}

/** Lower-cased names → values of one location's parameters, as Prism's deserializers give them. */
function parameterValues(params, given) {
  const values = {};
  for (const param of params) {
    const value = given[param.name.toLowerCase()];
    if (value) values[param.name.toLowerCase()] = value;
  }
  return values;
}

/** A path's parameters by template name (uri-template-lite's match: a comma makes a list). */
function pathParameters(template, pathname) {
  const names = [];
  const source = template.split(/(\{[^{}]+\})/).map((part) => {
    const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
    if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(name);
    return '(.*?)';
  });
  const found = new RegExp(`^${source.join('')}$`).exec(pathname);
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return Object.fromEntries(names.map((name, i) => {
    const list = (found?.[i + 1] ?? '').split(',').map(decode);
    return [name.toLowerCase(), list.length > 1 ? list : list[0]];
  }));
}

/**
 * Every violation Prism finds in a request's input, in its order (body, headers, query, path),
 * located as its `sl-violations` header locates them.
 * @param {import('@vpsorg/codegen').Operation} op
 * @param {{ body?: Function, header?: Function, query?: Function, path?: Function }} validators
 * @param {{ pathname: string, query: URLSearchParams, headers: (name: string) => string | null,
 *   body: unknown, contentLength: number }} request `body` as Prism's server reads it: null when
 *   empty, the parsed JSON for a JSON media type, else the text
 */
export function validateInput(op, validators, request) {
  const violations = [];
  const contentType = request.headers('content-type') ?? undefined;
  // validateInputBody
  if (op.body?.required && !request.body) {
    violations.push({ location: ['request'], severity: 'Error', code: 'required', message: 'Body parameter is required' });
  } else {
    let mediaOk = true;
    if (request.contentLength > 0) {
      if (!op.body) {
        violations.push({ location: ['request'], severity: 'Error', code: 415, message: 'No supported content types, but request included a non-empty body' });
        mediaOk = false;
      } else if (contentType !== undefined && !mediaMatches(contentType, op.body.mediaType)) {
        violations.push({ location: ['request'], severity: 'Error', code: 415, message: `Supported content types: ${op.body.mediaType}` });
        mediaOk = false;
      }
    }
    if (mediaOk && op.body && request.body !== null && request.body !== undefined) violations.push(...runValidator(validators.body, request.body, 'body'));
  }
  // validateHeaders, validateQuery, validatePath (coerced from their strings: a copy each time)
  if (op.headerParams.length) {
    const given = {};
    for (const param of op.headerParams) {
      const value = request.headers(param.name);
      if (value !== null) given[param.name.toLowerCase()] = value;
    }
    violations.push(...runValidator(validators.header, parameterValues(op.headerParams, given), 'header'));
  }
  if (op.queryParams.length) {
    const given = {};
    for (const key of new Set(request.query.keys())) {
      const values = request.query.getAll(key);
      given[key.toLowerCase()] = values.length === 1 ? values[0] : values;
    }
    violations.push(...runValidator(validators.query, parameterValues(op.queryParams, given), 'query'));
  }
  if (op.pathParams.length) {
    violations.push(...runValidator(validators.path, parameterValues(op.pathParams, pathParameters(op.path, request.pathname)), 'path'));
  }
  return violations;
}

// ---- answers from the spec (mocker/negotiator) ----

/**
 * The documented headers of a response, from their examples (Prism's static header values).
 * @returns {Record<string, string>}
 */
export function documentedHeaders(response) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(response?.headerExamples ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

/** The response for a status code: its own or a 4XX-style range (findResponseByStatusCode). */
function responseByStatus(op, code) {
  return op.responses.find((r) => r.status.toLowerCase() === String(code)) ?? op.responses.find((r) => r.status === `${String(code).charAt(0)}XX`);
}

/** The same, else the `default` response (findDefaultResponse). */
function responseFor(op, code) {
  return responseByStatus(op, code) ?? op.responses.find((r) => r.status === 'default');
}

/** The lowest 2xx response (findLowest2XXResponse), else default, else the first. */
function unspecifiedResponse(op) {
  const success = op.responses.filter((r) => /^2(\d\d|XX)$/.test(r.status)).sort((a, b) => a.status.localeCompare(b.status))[0];
  return success ?? op.responses.find((r) => r.status === 'default') ?? op.responses[0];
}

const statusOf = (response, fallback) => (/^\d{3}$/.test(response.status) ? Number(response.status) : /^\dXX$/.test(response.status) ? Number(`${response.status[0]}00`) : fallback);

/** Whether the Accept header takes application/json (no header: yes), as `accepts` negotiates it. */
function acceptsJson(accept) {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (params.some((p) => /^q=0(?:\.0*)?$/.test(p))) return false;
    return type === '*/*' || type === 'application/*' || type === 'application/json';
  });
}

/**
 * Body and headers of one response, as negotiateOptionsBySpecificResponse picks them; or an error.
 * @returns {{ answer: Answer, error?: undefined } | { error: Answer, answer?: undefined }}
 */
function fromResponse(method, response, status, { exampleKey, dynamic }, accept) {
  const headers = documentedHeaders(response);
  if (method === 'head') return { answer: { status, headers, body: undefined } };
  if (!response.mediaType) return { answer: { status, headers, body: undefined } };
  if (!acceptsJson(accept)) {
    if (status === 204) return { answer: { status, headers, body: undefined } };
    return { error: problem('NOT_ACCEPTABLE', 'The server cannot produce a representation for your accept header', 406, `Unable to find content for ${accept}`) };
  }
  if (exampleKey) {
    const example = response.examples.find((e) => e.name === exampleKey);
    if (!example) return { error: problem('NOT_FOUND', 'The server cannot find the requested content', 404, `Response for contentType: ${response.mediaType} and exampleKey: ${exampleKey} does not exist.`) };
    return { answer: { status, headers: { 'content-type': response.mediaType, ...headers }, body: structuredClone(example.value) } };
  }
  if (dynamic) return { answer: { status, headers: { 'content-type': response.mediaType }, body: sample(response.schema) } };
  const body = response.examples.length ? structuredClone(response.examples[0].value) : response.schema ? sample(response.schema) : undefined;
  return { answer: { status, headers: { 'content-type': response.mediaType, ...headers }, body } };
}

/**
 * The answer Prism's mock gives a valid request with these preferences (negotiateOptionsForValidRequest).
 * @param {import('@vpsorg/codegen').Operation} op
 * @param {{ code?: number, example?: string, dynamic?: boolean }} config
 * @param {{ method: string, accept?: string }} request
 * @returns {Answer} body undefined: none
 */
export function mockAnswer(op, { code, example: exampleKey, dynamic }, { method, accept }) {
  const options = { exampleKey, dynamic };
  const lowercaseMethod = method.toLowerCase();
  const unspecified = () => {
    const response = unspecifiedResponse(op);
    if (!response) return { error: problem('NO_RESPONSE_RESPONSE_DEFINED', 'No response defined for the selected operation', 500, '') };
    return fromResponse(lowercaseMethod, response, statusOf(response, 200), options, accept);
  };
  if (code === undefined) {
    const result = unspecified();
    return result.answer ?? result.error;
  }
  const response = responseFor(op, code);
  if (!response) return problem('NOT_FOUND', 'The server cannot find the requested content', 404, `Requested status code ${code} is not defined in the document.`);
  const specific = fromResponse(lowercaseMethod, response, statusOf(response, code), options, accept);
  if (specific.answer) return specific.answer;
  // negotiateOptionsBySpecificCode: on failure Prism tries the default response, and reports both.
  const fallback = unspecified();
  if (fallback.answer) return fallback.answer;
  const message = `${errorText(fallback.error)}. We tried default response, but we got ${errorText(fallback.error)}`;
  return { status: 500, headers: { 'content-type': 'application/problem+json' }, body: { type: `${PROBLEM_BASE}UNKNOWN`, title: message, status: 500, detail: '' } };
}

/** How Prism prints a ProblemJsonError in a message: `${name}: ${message}`. */
const errorText = (answer) => `${answer.body.type}: ${answer.body.title}`;

/**
 * The status Prism's mock gives a request with invalid input (negotiateOptionsForInvalidRequest with
 * [422, 400]), and the documented headers of that response.
 */
export function invalidInputResponse(op) {
  const response = responseByStatus(op, 422) ?? responseByStatus(op, 400) ?? op.responses.find((r) => r.status === 'default');
  return { status: response ? statusOf(response, 422) : 422, headers: documentedHeaders(response) };
}
