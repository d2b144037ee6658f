// A small stand-in for a real implementation of the API on 127.0.0.1: it answers each operation
// with the spec's own example response, optionally altered to break the contract. A server id
// that no example shows gets the documented 404, as from a real server.
import { createServer } from 'node:http';
import { operations, responseExample } from './spec.js';

/** A matcher for a path template such as '/servers/{server_id}/start/' (with an optional base path). */
function matcher(template) {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)');
  return new RegExp(`${pattern}$`);
}

/** The server ids the spec's examples show (the list example's). */
const knownIds = new Set(responseExample('listServers', 200).results.map((s) => String(s.id)));

const routes = operations.map(({ operationId, method, path, operation }) => {
  const status = Number(Object.keys(operation.responses).find((s) => s.startsWith('2')));
  return { operationId, method, match: matcher(path), status };
});

/**
 * Start the implementation. `alter(operationId, body)` may return a changed body to break the
 * contract; `status` maps operationIds to a documented error status to answer with instead.
 * @returns {Promise<{ url: string, requests: Array<{ method: string, url: string, authorization?: string }>, close: () => Promise<void> }>}
 */
export async function startImplementation({ basePath = '', alter = (_id, body) => body, status = {} } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      const pathname = new URL(req.url, 'http://x').pathname;
      const route = routes.find((r) => r.method === req.method && pathname.startsWith(basePath) && r.match.test(pathname));
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'not_found', message: 'No such route.' }));
        return;
      }
      const id = route.match.exec(pathname)?.[1];
      if (id !== undefined && !knownIds.has(id)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(responseExample(route.operationId, 404)));
        return;
      }
      if (status[route.operationId]) {
        // Answer with a documented error instead, e.g. { getServer: 404 }.
        const code = status[route.operationId];
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(responseExample(route.operationId, code)));
        return;
      }
      if (route.status === 204) {
        res.writeHead(204);
        res.end();
        return;
      }
      const body = alter(route.operationId, structuredClone(responseExample(route.operationId, route.status)));
      res.writeHead(route.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
