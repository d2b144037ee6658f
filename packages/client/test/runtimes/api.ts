// The API the runtime matrix talks to: a real HTTP server on loopback that scripts the faults the
// program expects (a 503 before the first success of GET 12345, a 404, a 401 that echoes the
// token, a 500) per run, keyed by the program's X-Run header, and answers CORS preflights for
// one allowed origin (the page's), as an API behind a browser front-end must.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeServer, json, startServer, type TestServer } from '../support/http-server.js';

export interface MatrixApi extends TestServer {
  /** The requests (not preflights) of one run. */
  runRequests(run: string): TestServer['requests'];
  /** The preflight requests seen, with their Origin. */
  preflights: { origin: string | undefined; method: string | undefined; headers: string | undefined }[];
}

export async function startMatrixApi(allowedOrigin?: () => string | undefined): Promise<MatrixApi> {
  const preflights: MatrixApi['preflights'] = [];
  const cors = (req: IncomingMessage): Record<string, string> => {
    const origin = allowedOrigin?.();
    if (!origin || req.headers.origin !== origin) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms',
      vary: 'Origin',
    };
  };
  let server: TestServer;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const headers = cors(req);
    if (req.method === 'OPTIONS') {
      preflights.push({
        origin: req.headers.origin,
        method: req.headers['access-control-request-method'] as string | undefined,
        headers: req.headers['access-control-request-headers'] as string | undefined,
      });
      res.writeHead(204, {
        ...headers,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? ''),
        'access-control-max-age': '0',
      });
      return res.end();
    }
    const run = String(req.headers['x-run'] ?? '');
    const url = req.url ?? '';
    if (url.startsWith('/servers/?')) return json(res, 200, { count: 1, next: null, previous: null, results: [activeServer] }, headers);
    if (url === '/servers/12345/') {
      const attempts = server.requests.filter((r) => r.method === 'GET' && r.url === url && r.headers['x-run'] === run).length;
      if (attempts === 1) return json(res, 503, { code: 'unavailable', message: 'Try again.' }, { ...headers, 'retry-after-ms': '10' });
      return json(res, 200, activeServer, headers);
    }
    if (url === '/servers/404/') return json(res, 404, { code: 'not_found', message: 'Server not found.' }, { ...headers, 'x-request-id': `req_404_${run}` });
    if (url === '/servers/401/') {
      // A careless server that quotes the credential back: the SDK must not pass it on.
      return json(res, 401, { code: 'unauthorized', message: `Invalid token: ${req.headers.authorization}` }, headers);
    }
    if (url === '/servers/500/') return json(res, 500, { code: 'internal', message: 'Boom.' }, headers);
    json(res, 418, { code: 'unexpected', message: `no script for ${req.method} ${url}` }, headers);
  };
  server = await startServer(handler);
  return {
    ...server,
    preflights,
    runRequests: (run) => server.requests.filter((r) => r.method !== 'OPTIONS' && r.headers['x-run'] === run),
  };
}
