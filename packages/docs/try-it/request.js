// From what the reader typed to a request, checked against the operation's schemas before
// anything is sent; then the request itself, and what came back.
import { validate } from './validate.js';

/**
 * A parameter's text as the value its schema types: "12345" is 12345 for an integer, "true" true
 * for a boolean. Text that is not of the type stays text, so the schema check names the mistake.
 */
export function typedValue(text, schema, root) {
  const type = declaredType(schema, root);
  const trimmed = text.trim();
  if ((type === 'integer' || type === 'number') && /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return text;
}

/** The type a schema names, following `$ref`s and a nullable pair: 'integer', 'string', … */
function declaredType(schema, root) {
  let node = schema;
  for (let depth = 0; node && depth < 10; depth++) {
    if (typeof node.type === 'string') return node.type;
    if (Array.isArray(node.type)) return node.type.find((t) => t !== 'null');
    if (node.$ref) node = node.$ref.slice(2).split('/').reduce((n, k) => n?.[k], root);
    else if (Array.isArray(node.oneOf ?? node.anyOf)) node = (node.oneOf ?? node.anyOf).find((s) => s.type !== 'null');
    else return undefined;
  }
  return undefined;
}

/** Line and column (1-based) of a JSON.parse error, read from the position engines report. */
function jsonErrorPlace(text, error) {
  const m = /position (\d+)/.exec(String(error?.message));
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1).length + 1 };
}

/**
 * Read and check the inputs of one operation. `params`: name -> text typed; `bodyText`: the body
 * box. Returns { request, problems } where problems is [] when it may be sent:
 *   request: { method, path, query: [[name, value]], headers: [[name, value]], pathValues, queryValues, body?, bodyText? }
 *   problems: [{ on: 'param' | 'body', name?, error }] — error is a validate() problem or
 *   { keyword: 'json', params: { line, column } } / { keyword: 'bodyRequired' }.
 */
export function readRequest(op, root, { params, bodyText }) {
  const problems = [];
  const pathValues = {};
  const queryValues = {};
  const headerValues = {};
  for (const param of op.params) {
    const text = params[param.name] ?? '';
    if (text.trim() === '') {
      if (param.required) problems.push({ on: 'param', name: param.name, error: { path: [], keyword: 'required', params: {} } });
      continue;
    }
    const value = typedValue(text, param.schema, root);
    for (const error of validate(param.schema, value, { root })) problems.push({ on: 'param', name: param.name, error });
    if (param.in === 'path') pathValues[param.name] = value;
    else if (param.in === 'query') queryValues[param.name] = value;
    else if (param.in === 'header') headerValues[param.name] = value;
  }
  let body;
  if (op.body) {
    if (bodyText.trim() === '') {
      if (op.body.required) problems.push({ on: 'body', error: { path: [], keyword: 'bodyRequired', params: {} } });
    } else {
      try {
        body = JSON.parse(bodyText);
      } catch (error) {
        problems.push({ on: 'body', error: { path: [], keyword: 'json', params: jsonErrorPlace(bodyText, error) ?? {} } });
      }
      if (body !== undefined) for (const error of validate(op.body.schema, body, { root })) problems.push({ on: 'body', error });
    }
  }
  let path = op.path;
  for (const [name, value] of Object.entries(pathValues)) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  const headers = [['Accept', 'application/json'], ...Object.entries(headerValues).map(([name, value]) => [name, String(value)])];
  if (body !== undefined) headers.push(['Content-Type', op.body.mediaType]);
  return {
    request: { method: op.method, path, query: Object.entries(queryValues).map(([k, v]) => [k, String(v)]), headers, pathValues, queryValues, body, bodyText },
    problems,
  };
}

/** The full URL of a request on a server (base URL without its trailing slash). */
export function requestUrl(server, request) {
  const query = request.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return server.replace(/\/+$/, '') + request.path + (query ? `?${query}` : '');
}

/**
 * Send it to the server the reader chose, the token in the Authorization header only (never in
 * the URL), no cookies, no referrer. Resolves with what came back, or { failed: true } when
 * nothing did (unreachable, refused by CORS).
 */
export async function send(server, request, token) {
  const headers = new Headers(request.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const started = performance.now();
  try {
    const response = await fetch(requestUrl(server, request), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json;
    let isJson = false;
    if (text !== '' && /\bjson\b/i.test(response.headers.get('content-type') ?? '')) {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        isJson = false;
      }
    }
    return {
      status: response.status,
      ms,
      requestId: response.headers.get('x-request-id'),
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      text,
      json,
      isJson,
    };
  } catch {
    return { failed: true, ms: performance.now() - started };
  }
}

/** The documented response for a status: exact, then its class (`4XX`), then `default`. */
export function documentedResponse(op, status) {
  const code = String(status);
  return op.responses[code] ?? op.responses[`${code[0]}XX`] ?? op.responses.default;
}

/**
 * How the answer compares with the documentation for its status: [] when it matches, else
 * problems like readRequest's (plus { keyword: 'undocumented' } and { keyword: 'notJson' }).
 */
export function conformance(op, root, answer) {
  const documented = documentedResponse(op, answer.status);
  if (!documented) return [{ path: [], keyword: 'undocumented', params: { status: answer.status } }];
  if (!documented.schema) return answer.text === '' || documented.content ? [] : [{ path: [], keyword: 'unexpectedBody', params: {} }];
  if (!answer.isJson) return [{ path: [], keyword: 'notJson', params: {} }];
  return validate(documented.schema, answer.json, { root });
}
