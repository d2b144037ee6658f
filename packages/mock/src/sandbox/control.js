// The sandbox's control API under /__sandbox/, answered by the front itself (never through
// Prism: it is not part of the public API spec), each call scoped to the caller's bearer token.
//   GET  /__sandbox/          the token's clock, item counts and quota
//   POST /__sandbox/advance   {"seconds": N}: move the token's clock forward N seconds
//   POST /__sandbox/reset     back to the spec's seed servers and real time
// and the request header that moves the clock with any API request (for a workflow that cannot
// call the control API, such as an Arazzo document that also runs against a real server):
//   Sandbox-Advance: N        before answering, move the caller's clock forward N seconds
import { bearerToken } from './http.js';

export const CONTROL_PREFIX = '/__sandbox/';
export const ADVANCE_HEADER = 'sandbox-advance';
/** Ten years: far beyond any transition, small enough to stay a valid date. */
const MAX_SECONDS = 10 * 365 * 24 * 3600;

/**
 * The seconds a `Sandbox-Advance` header asks for: { seconds } or { error } saying what is wrong.
 * A real server ignores the header; so does the static mock.
 * @param {string | string[]} value
 */
export function parseAdvanceHeader(value) {
  const text = Array.isArray(value) ? value.join(',') : value;
  const seconds = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(seconds) || seconds > MAX_SECONDS) {
    return { error: `Sandbox-Advance must be a number of seconds from 0 to ${MAX_SECONDS}; got ${JSON.stringify(text)}.` };
  }
  return { seconds };
}

const error = (status, code, message, details) => ({ status, body: { code, message, ...(details ? { details } : {}) } });

/**
 * @param {ReturnType<typeof import('./engine.js').createEngine>} engine
 * @param {{ method: string, pathname: string, headers: Record<string, any>, body: string }} request
 * @returns {{ status: number, body: unknown }}
 */
export function handleControl(engine, { method, pathname, headers, body }) {
  const token = bearerToken(headers);
  if (!token) return error(401, 'unauthorized', 'The sandbox control API needs the bearer token whose sandbox it controls: Authorization: Bearer TOKEN.');
  const route = `${method} ${pathname.replace(/\/+$/, '/')}`;
  if (route === 'GET /__sandbox/') return { status: 200, body: engine.describe(token) };
  if (route === 'POST /__sandbox/reset' || route === 'POST /__sandbox/reset/') {
    engine.reset(token);
    return { status: 200, body: engine.describe(token) };
  }
  if (route === 'POST /__sandbox/advance' || route === 'POST /__sandbox/advance/') {
    let parsed;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      return error(400, 'invalid_request', 'The body is not JSON; send {"seconds": N}.', [{ field: 'body', message: 'Not JSON.' }]);
    }
    const seconds = parsed?.seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
      return error(400, 'invalid_request', `seconds must be a number from 0 to ${MAX_SECONDS}; got ${JSON.stringify(seconds)}. Send {"seconds": N}.`, [
        { field: 'seconds', message: `Must be a number from 0 to ${MAX_SECONDS}.` },
      ]);
    }
    engine.advance(token, seconds);
    return { status: 200, body: engine.describe(token) };
  }
  return error(404, 'not_found', `No sandbox control route ${method} ${pathname}. Routes: GET /__sandbox/, POST /__sandbox/advance {"seconds": N}, POST /__sandbox/reset.`);
}
