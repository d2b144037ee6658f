// A real HTTP server on 127.0.0.1 that records every request, for what a mock cannot show:
// that nothing was sent, what exactly was sent, and answers that echo the token.
import { createServer } from 'node:http';

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string) => void} handler
 * @returns {Promise<{ url: string, requests: { method: string, url: string, headers: Record<string, any>, body: string }[], close: () => Promise<void> }>}
 */
export async function startServer(handler) {
  /** @type {{ method: string, url: string, headers: Record<string, any>, body: string }[]} */
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: String(req.method), url: String(req.url), headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

export function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_test_1', ...headers });
  res.end(JSON.stringify(body));
}
