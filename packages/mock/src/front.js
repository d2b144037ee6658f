// A thin HTTP front for Prism that makes its answers to bad input say what was wrong.
//
// Prism answers an invalid request with the spec's declared 400 and that response's *example*
// body, so every mistake came back as "name: Must contain only letters, digits and hyphens."
// (and, on the power actions, whose only 400 is `invalid_state`, as a state error). What was
// really wrong is only in its `sl-violations` header. The front rewrites exactly those answers
// into the spec's own Error shape, `invalid_request` with one `details` entry per violation,
// and keeps the header. It also answers malformed JSON itself: Prism 5.14 never answers such a
// request (see stoplightio/prism#2664). Everything else passes through untouched.
//
// Given the model of the spec, it also refuses path parameters that are not the plain decimal
// integers their schema asks for (Prism reads `1e3` as 1000), empty query values (Prism reads
// `?location=` as no filter) and unknown body properties whose names no header can carry (Prism
// quotes them in sl-violations and dies writing it); answers a method the spec does not declare
// on a path with 405 and `Allow` (HEAD as GET without a body, a plain OPTIONS with 204 and
// `Allow`); and, when given the tokens it accepts, refuses any other with the documented 401; all
// in both modes. In stateful mode (`sandbox`) it answers the /__sandbox/ control API itself, moves
// the caller's clock as a `Sandbox-Advance: N` request header asks, and turns the problem+json
// answers of Prism's validating proxy (422 for bad input, 401 for a missing token) into the
// documented responses the static mock gives; response violations go to `onViolations`.
//
// CORS: a page on another origin (the docs' Try it console under `pnpm start`) may call every
// route, the control API included. The front answers preflights itself, in both modes, and every
// answer to a request with an Origin allows that origin and exposes its headers (X-Request-Id,
// Retry-After), as Prism does for what it answers; a header Prism sets wins over the front's.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { allowedMethods, checkBodyPropertyNames, checkPathParams, checkQueryParams, createRouter } from './routes.js';
import { ADVANCE_HEADER, CONTROL_PREFIX, handleControl, parseAdvanceHeader } from './sandbox/control.js';
import { bearerToken } from './sandbox/http.js';

const agent = new Agent({ keepAlive: true });

/** The FieldError `field` for one Prism violation: the parameter or property it is about. */
export function fieldOf(violation) {
  const [, where, ...rest] = violation.location ?? [];
  const quoted = /'([^']+)'/.exec(violation.message ?? '');
  if (where === 'body') {
    if (rest.length > 0) return rest.join('.');
    // Missing and unknown properties are reported on the body, naming the property.
    return quoted && /required property|additional properties/.test(violation.message) ? quoted[1] : 'body';
  }
  if (where === 'query' || where === 'path' || where === 'header') return rest.join('.') || where;
  // On the request as a whole: a missing body or an unsupported content type.
  return /content type/i.test(violation.message ?? '') ? 'Content-Type' : 'body';
}

/** The Error body for a request Prism found invalid; undefined when nothing is to be explained. */
export function explain(violations) {
  const errors = violations.filter(
    (v) => v.severity === 'Error' && v.location?.[0] === 'request' && v.code !== 401,
  );
  if (errors.length === 0) return undefined;
  return {
    code: 'invalid_request',
    message: `Invalid request: ${errors.map((v) => v.message).join('; ')}.`,
    details: errors.map((v) => ({ field: fieldOf(v), message: v.message })),
  };
}

function isJson(contentType) {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
}

/**
 * JSON safe to send as a header value: every character outside printable ASCII escaped as \uXXXX
 * (still the same JSON). A header with a newline or a character beyond Latin-1 (a request path
 * quoted in a violation, a JSON parse error quoting the body) makes Node's writeHead throw.
 */
export function headerJson(value) {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function send(res, status, headers, body) {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': payload.length });
  res.end(payload);
}

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** The CORS headers of an answer to a request from `origin` (none without one). */
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

/** The answer to a CORS preflight: any method of the API, the headers asked for, cached 10 minutes. */
function preflight(req, res) {
  const asked = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'access-control-allow-methods': CORS_METHODS,
    'access-control-allow-headers': typeof asked === 'string' && asked ? asked : 'authorization, content-type, prefer',
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    'content-length': '0',
  });
  res.end();
}

/** The operation's documented 401 body, or a generic one. */
function unauthorizedBody(op) {
  return op?.responses.find((r) => r.code === 401)?.examples[0]?.value ?? { code: 'unauthorized', message: 'Invalid or missing API token.' };
}

/** A value, or a function returning the current one (the dev loop swaps them on a spec save). */
const current = (valueOrFn) => (typeof valueOrFn === 'function' ? valueOrFn : () => valueOrFn);

/**
 * An HTTP server forwarding to Prism at `upstream` (e.g. 'http://127.0.0.1:4011'), or to the URL a
 * function returns at each request (the dev loop switches Prism servers under one address; while it
 * returns null the front answers 503). `server.inFlight(url)` counts the requests that upstream is
 * still answering, so a replaced one can be stopped once it has finished them.
 * @param {string | (() => string | null)} upstream
 * @param {object} [options]
 * @param {import('@vpsorg/codegen').ApiModel | (() => import('@vpsorg/codegen').ApiModel | undefined)} [options.model]
 *   the model of the spec served: path parameters are checked against it
 * @param {any} [options.sandbox] the sandbox engine (or a function returning it): stateful mode
 * @param {(violations: any[], request: { method: string, url: string, status: number }) => void} [options.onViolations]
 *   called with the response violations Prism reports (a sandbox answer that breaks the spec)
 * @param {Iterable<string>} [options.tokens] the bearer tokens accepted; any other gets the documented
 *   401. Without it every token is accepted (each has a sandbox world of its own).
 */
export function createFront(upstream, { model, sandbox, onViolations, tokens } = {}) {
  const accepted = tokens ? new Set(tokens) : undefined;
  const currentUpstream = current(upstream);
  const currentModel = current(model);
  const currentSandbox = current(sandbox);
  let routerFor = null;
  let router = null;
  const routerOf = (m) => {
    if (m !== routerFor) {
      routerFor = m;
      router = m ? createRouter(m) : null;
    }
    return router;
  };
  /** @type {Map<string, number>} */
  const inFlight = new Map();
  const count = (/** @type {string} */ url, /** @type {number} */ by) => {
    const n = (inFlight.get(url) ?? 0) + by;
    if (n > 0) inFlight.set(url, n);
    else inFlight.delete(url);
  };
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(corsHeaders(req.headers.origin))) res.setHeader(name, value);
    if (req.method === 'OPTIONS' && req.headers.origin && req.headers['access-control-request-method']) {
      req.resume();
      preflight(req, res);
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        // One odd request must never take the mock down: answer it as the spec's 500 does.
        if (res.headersSent) res.destroy(/** @type {Error} */ (error));
        else send(res, 500, {}, { code: 'internal_error', message: `Mock error: ${/** @type {Error} */ (error).message}` });
      }
    });
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Buffer} body */
  function handle(req, res, body) {
    let parsed;
    if (body.length > 0 && isJson(req.headers['content-type'])) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (error) {
        const message = `Request body is not valid JSON: ${/** @type {Error} */ (error).message}`;
        const violation = { location: ['request', 'body'], severity: 'Error', code: 'json', message };
        send(res, 400, { 'sl-violations': headerJson([violation]) }, {
          code: 'invalid_request',
          message: `Invalid request: ${message}.`,
          details: [{ field: 'body', message }],
        });
        return;
      }
    }
    const url = new URL(req.url ?? '/', 'http://front');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const token = bearerToken(req.headers);
    const refused = accepted && token !== undefined && !accepted.has(token);
    const engine = currentSandbox();
    if (engine && pathname.startsWith(CONTROL_PREFIX.slice(0, -1))) {
      if (refused) {
        send(res, 401, {}, { code: 'unauthorized', message: 'This sandbox does not accept that token (it was started with --token).' });
        return;
      }
      const { status, body: answer } = handleControl(engine, { method, pathname, headers: req.headers, body: body.toString('utf8') });
      send(res, status, {}, answer);
      return;
    }
    const m = currentModel();
    const routes = routerOf(m);
    const atPath = routes?.matchPath(pathname);
    const isPreflight = method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    const op = atPath?.ops.find((o) => o.httpMethod === (method === 'HEAD' ? 'GET' : method));
    if (atPath && !op && !isPreflight) {
      // Prism's 405 names no Allow header (RFC 9110 requires one); a plain OPTIONS asks for it.
      const allow = allowedMethods(atPath.ops);
      if (method === 'OPTIONS') {
        res.writeHead(204, { allow });
        res.end();
      } else {
        send(res, 405, { allow }, { code: 'method_not_allowed', message: `${method} is not allowed on ${pathname}; allowed: ${allow}.` });
      }
      return;
    }
    if (refused) {
      send(res, 401, {}, unauthorizedBody(op ?? atPath?.ops[0]));
      return;
    }
    const bad = (routes && checkPathParams(routes, method, pathname)) ?? (op && (checkQueryParams(op, url.searchParams) ?? checkBodyPropertyNames(op, parsed)));
    if (bad) {
      send(res, bad.status, { 'sl-violations': headerJson(bad.violations) }, bad.body);
      return;
    }
    const advance = req.headers[ADVANCE_HEADER];
    if (engine && op && token && advance !== undefined) {
      // The sandbox's clock moved by the request itself (see control.js), before it is answered.
      const { seconds, error } = parseAdvanceHeader(advance);
      if (error) {
        const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
        send(res, status, {}, { code: 'invalid_request', message: `Invalid request: ${error}`, details: [{ field: 'Sandbox-Advance', message: error }] });
        return;
      }
      engine.advance(token, /** @type {number} */ (seconds));
    }
    // The upstream is chosen when the request is complete: a switch never splits a request.
    const base = currentUpstream();
    if (!base) {
      send(res, 503, { 'retry-after': '1' }, { code: 'mock_starting', message: 'The mock is starting; retry shortly.' });
      return;
    }
    const target = new URL(base);
    count(base, 1);
    res.on('close', () => count(base, -1));
    const headers = { ...req.headers, host: target.host };
    if (body.length > 0 || req.headers['content-length'] !== undefined) headers['content-length'] = String(body.length);
    delete headers['transfer-encoding'];
    // HEAD is GET without the body: Node sends no body on a response to HEAD.
    const options = { host: target.hostname, port: target.port, method: method === 'HEAD' && op ? 'GET' : method, path: req.url, headers, agent };
    const attempt = (retry) => {
      const upstreamRequest = httpRequest(options, (upstreamResponse) => {
        if (engine) reportViolations(upstreamResponse, req, onViolations);
        if (engine && isProblem(upstreamResponse)) documentProblem(upstreamResponse, res, op);
        else forward(upstreamResponse, res);
      });
      upstreamRequest.on('error', (error) => {
        // Prism may close an idle keep-alive connection just as it is reused: the request
        // never reached it, so sending it again is safe (the pattern Node's docs give).
        if (retry && upstreamRequest.reusedSocket && /** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNRESET') {
          attempt(false);
        } else if (!res.headersSent) {
          send(res, 502, {}, { code: 'mock_unavailable', message: `Prism did not answer: ${error.message}` });
        } else {
          res.destroy(error);
        }
      });
      upstreamRequest.end(body);
    };
    attempt(true);
  }
  return Object.assign(server, { inFlight: (/** @type {string} */ url) => inFlight.get(url) ?? 0 });
}

/** Pass Prism's answer on, rewriting the body of a 400/422 that has request violations. */
function forward(upstreamResponse, res) {
  const { statusCode = 502, headers } = upstreamResponse;
  const header = headers['sl-violations'];
  if ((statusCode === 400 || statusCode === 422) && typeof header === 'string') {
    let explained;
    try {
      explained = explain(JSON.parse(header));
    } catch {
      explained = undefined;
    }
    if (explained) {
      upstreamResponse.resume();
      const kept = { ...headers };
      delete kept['content-length'];
      delete kept['content-type'];
      send(res, statusCode, kept, explained);
      return;
    }
  }
  res.writeHead(statusCode, headers);
  upstreamResponse.pipe(res);
}

/** Prism's own answers are problem+json; the spec's never are. */
function isProblem(upstreamResponse) {
  const { statusCode } = upstreamResponse;
  return (statusCode === 401 || statusCode === 422) && /problem\+json/.test(upstreamResponse.headers['content-type'] ?? '');
}

/** The response violations Prism found in an answer (the sandbox broke the spec). */
function reportViolations(upstreamResponse, req, onViolations) {
  const header = upstreamResponse.headers['sl-violations'];
  if (typeof header !== 'string' || !onViolations) return;
  let violations;
  try {
    violations = JSON.parse(header).filter((v) => v.location?.[0] === 'response');
  } catch {
    return;
  }
  if (violations.length) onViolations(violations, { method: req.method ?? 'GET', url: req.url ?? '/', status: upstreamResponse.statusCode ?? 0 });
}

/**
 * The answer the static mock gives instead of the validating proxy's problem+json: for bad input
 * the operation's 400 (or 422) as an invalid_request Error naming each field, for a missing token
 * its documented 401.
 */
function documentProblem(upstreamResponse, res, op) {
  const chunks = [];
  upstreamResponse.on('data', (chunk) => chunks.push(chunk));
  upstreamResponse.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let problem;
    try {
      problem = JSON.parse(text);
    } catch {
      problem = {};
    }
    const headers = { ...upstreamResponse.headers };
    delete headers['content-length'];
    delete headers['content-type'];
    if (upstreamResponse.statusCode === 401) {
      send(res, 401, headers, unauthorizedBody(op));
      return;
    }
    const violations = (Array.isArray(problem.validation) ? problem.validation : []).map((v) => ({ ...v, location: ['request', ...(v.location ?? [])] }));
    const explained = explain(violations);
    if (!explained) {
      res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      res.end(text);
      return;
    }
    const status = op && !op.responses.some((r) => r.code === 422) && op.responses.some((r) => r.code === 400) ? 400 : 422;
    send(res, status, { ...headers, 'sl-violations': headerJson(violations) }, explained);
  });
}
