// The mock as one function, in-process: a request in ({ method, pathname, query, headers, text }),
// an answer out ({ status, headers, body }), through the same steps, in the same order, as a
// request to `pnpm mock` takes through the front (src/front.js) and Prism:
//   1. the front's own steps (src/front-steps.js, the very functions the front runs): a CORS
//      preflight (204, on any path), malformed JSON, the /__sandbox/ control API, 405 with Allow, path ids such as 1e3, empty query
//      values, unknown property names no header can carry, the Sandbox-Advance header;
//   2. Prism: the Prefer header; the route (404); the bearer token (401);
//      the input (400);
//   3. the answer: the sandbox engine (or, for `Prefer: code=…`, the spec's example, as Prism's
//      proxy does on the engine's 501); the static mock: the spec's example.
// The bodies and statuses are the ones the Prism processes give, so the MSW handlers refuse a
// request exactly as `pnpm mock --stateful` does (test/msw-parity.test.js sends both one list).
import { explain, headerJson, isJson } from '../explain.js';
import { corsPreflight, frontSteps, unauthorizedBody } from '../front-steps.js';
import { createRouter } from '../routes.js';
import { bearerToken, PREFER_MOCK } from '../sandbox/request-headers.js';
import { documentedHeaders, invalidInputResponse, mockAnswer, preferences, prismSeesBearer, route, SECURITY_VIOLATION, validateInput } from './prism.js';

const json = (status, body, headers = {}) => ({ status, headers: { 'content-type': 'application/json', ...headers }, body });

/**
 * @param {{ model: import('@vpsorg/codegen').ApiModel, validators: Record<string, any>,
 *   engine?: ReturnType<typeof import('../sandbox/engine.js').createEngine>, tokens?: Iterable<string> }} options
 *   with `engine`: the stateful sandbox; without: the static mock (the spec's examples); `tokens`:
 *   the bearer tokens accepted (any other gets the documented 401), as `--token` (all when undefined)
 */
export function createPipeline({ model, validators, engine, tokens }) {
  const accepted = tokens ? new Set(tokens) : undefined;
  const router = createRouter(model);

  /**
   * @param {{ method: string, pathname: string, query: URLSearchParams,
   *   headers: (name: string) => string | null, text: string, contentLength: number }} request
   * @returns {{ status: number, headers: Record<string, string>, body: unknown }}
   */
  return function answer(request) {
    const { pathname, query, headers, text } = request;
    const contentType = headers('content-type') ?? undefined;

    // 1. The front.
    const preflight = corsPreflight(request.method, (name) => headers(name) ?? undefined);
    if (preflight) return preflight;
    const steps = frontSteps({ method: request.method, pathname, query, header: (name) => headers(name) ?? undefined, text }, { router, engine, accepted });
    if (steps.answer) return steps.answer;
    const { method, op: frontOp } = steps;

    // 2. Prism.
    const prefer = headers('prefer');
    const decoded = preferences(prefer, query);
    if (decoded.answer) return decoded.answer;
    const routed = route(model.operations, method, pathname);
    if (routed.answer) return routed.answer;
    const { op } = routed;
    // Prism's server reads a body only when the request announces one; JSON when its type says so.
    const body = request.contentLength === 0 ? null : isJsonType(contentType) ? JSON.parse(text) : text;
    const violations = validateInput(op, validators[op.operationId] ?? {}, { pathname, query, headers, body, contentLength: request.contentLength });
    if (op.bearerAuth && !prismSeesBearer(headers('authorization') ?? undefined)) {
      // The proxy's own 401 carries WWW-Authenticate, which the front keeps when it puts the
      // documented body in (front.js documentProblem); the static mock answers the documented 401.
      if (engine) return json(401, structuredClone(unauthorizedBody(frontOp)), { 'www-authenticate': 'Bearer' });
      const documented = op.responses.find((r) => r.code === 401);
      const example = documented?.examples[0]?.value ?? unauthorizedBody(undefined);
      return json(401, structuredClone(example), { ...documentedHeaders(documented), 'sl-violations': headerJson([SECURITY_VIOLATION, ...violations]) });
    }
    const explained = explain(violations);
    if (explained) {
      const sl = { 'sl-violations': headerJson(violations) };
      if (engine) {
        // The front's answer for the proxy's 422 problem (front.js documentProblem).
        const documented = (code) => frontOp?.responses.some((r) => r.code === code);
        return json(frontOp && !documented(422) && documented(400) ? 400 : 422, explained, sl);
      }
      const invalid = invalidInputResponse(op);
      return json(invalid.status, explained, { ...invalid.headers, ...sl });
    }

    // 3. The answer.
    const accept = headers('accept') ?? undefined;
    if (!engine || PREFER_MOCK.test(prefer ?? '')) return mockAnswer(op, decoded.config, { method, accept });
    try {
      return engine.handle({ method, pathname, query, body: parseOrUndefined(text), token: bearerToken({ authorization: headers('authorization') ?? undefined }) });
    } catch (error) {
      // A sandbox bug: said plainly, as the engine's HTTP server does (src/sandbox/http.js).
      return json(500, { code: 'internal_error', message: `Sandbox error: ${/** @type {Error} */ (error).message}` });
    }
  };
}

/** Prism's server parses a body as JSON for application/json and application/*+json (type-is). */
function isJsonType(contentType) {
  return isJson(contentType) && /^application\/(?:json|[\w.-]+\+json)\s*(?:;|$)/i.test(contentType ?? '');
}

/** What the engine's server makes of the body text it is forwarded: JSON, or nothing. */
function parseOrUndefined(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
