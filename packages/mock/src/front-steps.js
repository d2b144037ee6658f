// What the mock's front does with a request before Prism sees it, in both modes, as one function
// the front's HTTP server (front.js) and the in-process sandbox (@vpsorg/mock/msw) share, so the
// two cannot answer differently: a JSON body that does not parse; with a sandbox, the /__sandbox/
// control API; a method the spec does not declare on a path (405 with `Allow`; a plain OPTIONS,
// 204 with `Allow`); a token the mock was told not to accept; a path parameter, an empty query
// value or an unknown body property name the front refuses (routes.js); with a sandbox, the
// `Sandbox-Advance` header moving the caller's clock. Imports nothing from Node.
import { explain, headerJson, isJson } from './explain.js';
import { allowedMethods, checkBodyPropertyNames, checkPathParams, checkQueryParams } from './routes.js';
import { ADVANCE_HEADER, CONTROL_PREFIX, handleControl, parseAdvanceHeader } from './sandbox/control.js';
import { bearerToken } from './sandbox/request-headers.js';

export { explain };

const json = (status, body, headers = {}) => ({ status, headers: { 'content-type': 'application/json', ...headers }, body });

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * The CORS headers of an answer to a request from `origin` (none without one): a page on another
 * origin (the docs' Try it console) may call every route, the control API included, and read the
 * headers a client acts on (X-Request-Id, Retry-After). A header Prism sets wins over these.
 * @param {string | undefined} origin
 * @returns {Record<string, string>}
 */
export function corsHeaders(origin) {
  if (typeof origin !== 'string' || origin === '') return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    // `*` for requests without credentials; the names for those with them.
    'access-control-expose-headers': '*, x-request-id, retry-after, sl-violations',
    vary: 'Origin',
  };
}

/**
 * The front's answer to a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method), on
 * any path and before every other step, in both modes: any method of the API, the headers asked
 * for, cached 10 minutes. Undefined for any other request.
 * @param {string} method @param {(name: string) => string | undefined} header
 * @returns {Answer | undefined}
 */
export function corsPreflight(method, header) {
  const origin = header('origin');
  if (method !== 'OPTIONS' || !origin || !header('access-control-request-method')) return undefined;
  const asked = header('access-control-request-headers');
  return {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'access-control-allow-methods': CORS_METHODS,
      'access-control-allow-headers': asked ? asked : 'authorization, content-type, prefer',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      'content-length': '0',
    },
    body: undefined,
  };
}

/** The operation's documented 401 body, or a generic one. */
export function unauthorizedBody(op) {
  return op?.responses.find((r) => r.code === 401)?.examples[0]?.value ?? { code: 'unauthorized', message: 'Invalid or missing API token.' };
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: unknown }} Answer body undefined: none
 * @typedef {{ answer: Answer }} Answered
 * @typedef {{ answer?: undefined, op: import('@vpsorg/codegen').Operation | undefined, method: string,
 *   parsed: unknown }} Forward what goes on to Prism: the operation the front matched (if any), the
 *   method to send (HEAD as GET where the path has a GET) and the parsed JSON body
 */

/**
 * @param {{ method: string, pathname: string, query: URLSearchParams, header: (name: string) => string | undefined,
 *   text: string }} request `header` by lower-case name; `text` the body
 * @param {{ router: ReturnType<typeof import('./routes.js').createRouter> | null, engine?: any,
 *   accepted?: Set<string> }} context the model's routes; the sandbox engine (stateful mode); the
 *   tokens accepted (all when undefined)
 * @returns {Answered | Forward}
 */
export function frontSteps({ method, pathname, query, header, text }, { router, engine, accepted }) {
  let parsed;
  if (text.length > 0 && isJson(header('content-type'))) {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = `Request body is not valid JSON: ${/** @type {Error} */ (error).message}`;
      const violation = { location: ['request', 'body'], severity: 'Error', code: 'json', message };
      return { answer: json(400, { code: 'invalid_request', message: `Invalid request: ${message}.`, details: [{ field: 'body', message }] }, { 'sl-violations': headerJson([violation]) }) };
    }
  }
  const token = bearerToken({ authorization: header('authorization') });
  const refused = accepted && token !== undefined && !accepted.has(token);
  if (engine && pathname.startsWith(CONTROL_PREFIX.slice(0, -1))) {
    if (refused) return { answer: json(401, { code: 'unauthorized', message: 'This sandbox does not accept that token (it was started with --token).' }) };
    const { status, body } = handleControl(engine, { method, pathname, headers: { authorization: header('authorization') }, body: text });
    return { answer: json(status, body) };
  }
  const atPath = router?.matchPath(pathname);
  const preflight = method === 'OPTIONS' && header('access-control-request-method') !== undefined;
  const op = atPath?.ops.find((o) => o.httpMethod === (method === 'HEAD' ? 'GET' : method));
  if (atPath && !op && !preflight) {
    // Prism's 405 names no Allow header (RFC 9110 requires one); a plain OPTIONS asks for it.
    const allow = allowedMethods(atPath.ops);
    if (method === 'OPTIONS') return { answer: { status: 204, headers: { allow }, body: undefined } };
    return { answer: json(405, { code: 'method_not_allowed', message: `${method} is not allowed on ${pathname}; allowed: ${allow}.` }, { allow }) };
  }
  if (refused) return { answer: json(401, unauthorizedBody(op ?? atPath?.ops[0])) };
  const bad = (router && checkPathParams(router, method, pathname)) ?? (op && (checkQueryParams(op, query) ?? checkBodyPropertyNames(op, parsed)));
  if (bad) return { answer: json(bad.status, bad.body, { 'sl-violations': headerJson(bad.violations) }) };
  const advance = header(ADVANCE_HEADER);
  if (engine && op && token && advance !== undefined) {
    // The sandbox's clock moved by the request itself (see control.js), before it is answered.
    const { seconds, error } = parseAdvanceHeader(advance);
    if (error) {
      const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
      return { answer: json(status, { code: 'invalid_request', message: `Invalid request: ${error}`, details: [{ field: 'Sandbox-Advance', message: error }] }) };
    }
    engine.advance(token, /** @type {number} */ (seconds));
  }
  // HEAD is GET without the body.
  return { op, method: method === 'HEAD' && op ? 'GET' : method, parsed };
}
