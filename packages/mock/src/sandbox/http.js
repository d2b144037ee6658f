// The engine over HTTP, on loopback: the upstream Prism's validating proxy forwards to. A request
// that asks Prism for a documented response (`Prefer: code=…`, `example=…`, `dynamic=…`) gets a
// 501: Prism then answers it from the spec itself, exactly as the static mock does.
import { createServer } from 'node:http';
import { bearerToken, PREFER_MOCK } from './request-headers.js';

export { bearerToken } from './request-headers.js';

/** Write an engine answer ({ status, headers, body }) as an HTTP response. */
export function writeAnswer(res, { status, headers, body }) {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...headers, 'content-length': payload.length });
  res.end(payload);
}

/** @param {() => ReturnType<typeof import('./engine.js').createEngine>} engine the current engine */
export function createEngineServer(engine) {
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (PREFER_MOCK.test(String(req.headers.prefer ?? ''))) {
        res.writeHead(501, { 'content-length': 0 });
        res.end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://sandbox');
      let body;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          writeAnswer(res, { status: 400, headers: { 'content-type': 'application/json' }, body: { code: 'invalid_request', message: 'Invalid request: the body is not JSON.' } });
          return;
        }
      }
      let answer;
      try {
        answer = engine().handle({ method: req.method ?? 'GET', pathname: url.pathname, query: url.searchParams, body, token: bearerToken(req.headers) });
      } catch (error) {
        // A sandbox bug: say so plainly (Prism passes the 500 on, the spec documents it).
        answer = { status: 500, headers: { 'content-type': 'application/json' }, body: { code: 'internal_error', message: `Sandbox error: ${/** @type {Error} */ (error).message}` } };
      }
      writeAnswer(res, answer);
    });
  });
}
