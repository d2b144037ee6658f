// A small stand-in for the VPS.org API on 127.0.0.1, for the README's examples and the escape
// hatches' tests: every operation of the spec answers as the documentation shows, plus the two
// endpoints the README's custom-request example calls. Headers as the API sends them.
import { activeServer, json, startServer, type TestServer } from './http-server.js';

export const API_HEADERS = { 'x-request-id': 'req_8f14e45fceea167a', 'x-ratelimit-remaining': '99' };

export function startFakeApi(): Promise<TestServer> {
  return startServer((req, res, { body }) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const [, , id, action] = pathname.split('/'); // /servers/{id}/{action}/
    const send = (status: number, payload: unknown) => json(res, status, payload, API_HEADERS);
    if (id === '99999') return send(404, { code: 'not_found', message: 'Server not found.' });
    if (pathname === '/servers/' && req.method === 'GET') return send(200, { count: 1, next: null, previous: null, results: [activeServer] });
    if (pathname === '/servers/' && req.method === 'POST') return send(201, { ...activeServer, ...JSON.parse(body), id: 12347, status: 'provisioning', message: 'Server is being provisioned.' });
    if (action === 'metrics' && req.method === 'GET') return send(200, { cpu_percent: 23.5, memory_used: 2048, period: new URL(req.url ?? '/', 'http://x').searchParams.get('period') });
    if (action === 'snapshots' && req.method === 'POST') return send(201, { id: 7, ...JSON.parse(body) });
    if (action) return send(200, { success: true, message: `Server ${action} initiated.` });
    if (req.method === 'DELETE') {
      res.writeHead(204, API_HEADERS);
      return res.end();
    }
    // 12346 is stopped (the README waits for that), the others active.
    send(200, { ...activeServer, id: Number(id), status: id === '12346' ? 'stopped' : 'active', ...(body ? JSON.parse(body) : {}) });
  });
}
