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
import { explain, headerJson } from './explain.js';
import { corsHeaders, corsPreflight, frontSteps, unauthorizedBody } from './front-steps.js';
import { createRouter } from './routes.js';

export { explain, fieldOf, headerJson } from './explain.js';

const agent = new Agent({ keepAlive: true });

function send(res, status, headers, body) {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': payload.length });
  res.end(payload);
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
    const header = (/** @type {string} */ name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    };
    const preflight = corsPreflight(req.method ?? 'GET', header);
    if (preflight) {
      req.resume();
      res.writeHead(preflight.status, preflight.headers).end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(header('origin')))) res.setHeader(name, value);
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
    const url = new URL(req.url ?? '/', 'http://front');
    const header = (/** @type {string} */ name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    };
    // The front's own steps (front-steps.js, shared with the in-process sandbox of @vpsorg/mock/msw).
    const steps = frontSteps(
      { method: req.method ?? 'GET', pathname: url.pathname, query: url.searchParams, header, text: body.toString('utf8') },
      { router: routerOf(currentModel()), engine: currentSandbox(), accepted },
    );
    if (steps.answer) {
      const { status, headers, body: answer } = steps.answer;
      if (answer === undefined) res.writeHead(status, headers).end();
      else send(res, status, headers, answer);
      return;
    }
    const { op, method } = steps;
    const engine = currentSandbox();
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
    const options = { host: target.hostname, port: target.port, method, path: req.url, headers, agent };
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
