// MSW in the suite: a `setupServer` (msw/node) whose every mocked answer is checked against the
// spec, as test/support/no-violations.js checks the Prism mocks' answers: the status must be one
// the operation documents and the body must match its schema, with no property the schema does
// not declare. Prism's own problem+json answers (no route, a bad Prefer) are Prism's, not the
// API's, and the /__sandbox/ control API is not in the spec: both are left to the tests. A method
// the spec does not declare on a path gets the front's own answer: a 405 Error with `Allow`
// naming the spec's methods (a plain OPTIONS, 204 with `Allow`); HEAD is GET without the body; a
// CORS preflight gets the front's 204, on any path.
import { setupServer } from 'msw/node';
import { afterEach, expect } from 'vitest';
import { loadApiModel } from '@vpsorg/codegen/load';
import { allowedMethods, createRouter } from '../../src/routes.js';
import { DEFAULT_SPEC } from '../../src/index.js';
import { responseErrors, schemaErrors, undeclaredResponseProperties } from './spec.js';

const router = createRouter(await loadApiModel(DEFAULT_SPEC));

/**
 * What is wrong with one mocked answer, checked against the spec ([] when nothing).
 * @param {{ method: string, url: string, preflight?: boolean }} request `preflight`: a CORS preflight
 * @param {{ status: number, contentType: string | null, text: string, allow?: string | null }} response
 * @param {string[]} bases the handlers' base URLs
 */
export function specProblems(request, response, bases) {
  const url = new URL(request.url);
  const base = bases.find((b) => `${url.origin}${url.pathname}`.startsWith(`${b}/`));
  if (!base) return [`${request.method} ${request.url}: answered outside every handler's base URL`];
  const pathname = url.pathname.slice(new URL(base).pathname.replace(/\/$/, '').length);
  if (pathname.startsWith('/__sandbox')) return [];
  if (request.preflight) return response.status === 204 && !response.text ? [] : [`${request.method} ${pathname} -> ${response.status}: a CORS preflight gets 204 with no body`];
  if (/problem\+json/.test(response.contentType ?? '')) return [];
  const where = `${request.method} ${pathname} -> ${response.status}`;
  const head = request.method === 'HEAD';
  const atPath = router.matchPath(pathname);
  if (atPath && !atPath.ops.some((o) => o.httpMethod === (head ? 'GET' : request.method))) return methodProblems(where, request.method, atPath.ops, response);
  const matched = router.match(head ? 'GET' : request.method, pathname);
  // A token the mock does not accept (the `tokens` option) is refused on any path, as a real API would.
  if (!matched && response.status === 401) return errorBodyProblems(where, response.text);
  if (!matched) return [`${where}: no operation of the spec, yet not Prism's problem answer`];
  const { op } = matched;
  const declared = op.responses.find((r) => r.code === response.status);
  if (!declared) return [`${where}: ${op.operationId} does not document ${response.status}`];
  if (head) return response.text ? [`${where}: a body in the answer to HEAD`] : [];
  if (!declared.mediaType) return response.text ? [`${where}: a body where the spec declares none`] : [];
  let body;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [`${where}: the body is not JSON: ${response.text.slice(0, 80)}`];
  }
  const errors = responseErrors(op.operationId, response.status, body).map((e) => `${where}: ${e}`);
  const extra = undeclaredResponseProperties(op.operationId, response.status, body).map((p) => `${where}: undeclared property ${p}`);
  return [...errors, ...extra];
}

/** The front's answer to a method the path does not have: 405 (a plain OPTIONS 204) with `Allow`. */
function methodProblems(where, method, ops, { status, text, allow }) {
  const problems = [];
  if (allow !== allowedMethods(ops)) problems.push(`${where}: Allow is ${JSON.stringify(allow)}, not ${JSON.stringify(allowedMethods(ops))}`);
  if (method === 'OPTIONS') return status === 204 && !text ? problems : [...problems, `${where}: a plain OPTIONS gets 204 with no body`];
  if (status !== 405) return [...problems, `${where}: an undeclared method gets 405`];
  if (method === 'HEAD') return text ? [...problems, `${where}: a body in the answer to HEAD`] : problems;
  return [...problems, ...errorBodyProblems(where, text)];
}

/** What is wrong with a body that must be the spec's Error. */
function errorBodyProblems(where, text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${where}: the body is not JSON: ${text.slice(0, 80)}`];
  }
  return schemaErrors('Error', body).map((e) => `${where}: ${e}`);
}

/** A CORS preflight, as the front tells one (an OPTIONS with Origin and Access-Control-Request-Method). */
const isPreflight = (/** @type {Request} */ request) => request.method === 'OPTIONS' && request.headers.has('origin') && request.headers.has('access-control-request-method');

/**
 * `setupServer(...handlers)` whose mocked answers are all checked against the spec; each test
 * fails on any problem found in the answers it got (afterEach, registered here).
 * @param {{ handlers: any[], baseUrl: string }[]} mocks from createSandboxHandlers / createStaticHandlers
 */
export function checkedServer(...mocks) {
  const server = setupServer(...mocks.flatMap((m) => m.handlers));
  const bases = mocks.map((m) => m.baseUrl);
  /** @type {Promise<string[]>[]} */
  const pending = [];
  let answered = 0;
  server.events.on('response:mocked', ({ request, response }) => {
    answered += 1;
    const copy = response.clone();
    pending.push(copy.text().then((text) => specProblems({ method: request.method, url: request.url, preflight: isPreflight(request) }, { status: copy.status, contentType: copy.headers.get('content-type'), text, allow: copy.headers.get('allow') }, bases)));
  });
  afterEach(async () => {
    const problems = (await Promise.all(pending.splice(0))).flat();
    expect(problems, 'MSW handler answers that break the spec').toEqual([]);
  });
  return Object.assign(server, { answered: () => answered });
}
