// The stateful sandbox the lifecycle tests run against: @vpsorg/mock's `startMock({ stateful: true })`
// (issue 12), whose interface is { url, advance(seconds, token), reset(token), stop() }.
// Until that lands, a small loopback server of this file's own implements the same interface and
// control API (POST /__sandbox/advance {"seconds": N}, POST /__sandbox/reset, per bearer token),
// with the statuses the spec documents. `backend` says which one runs.
import { startMock } from '@vpsorg/mock';
import { json, startServer } from './http-server.js';

/** @typedef {{ url: string, backend: string, advance(seconds: number, token: string): Promise<void>, reset(token: string): Promise<void>, stop(): Promise<void> }} Sandbox */

/** @returns {Promise<Sandbox>} */
export async function startSandbox() {
  const mock = /** @type {any} */ (await startMock(/** @type {any} */ ({ stateful: true })));
  if (typeof mock.advance === 'function') return Object.assign(mock, { backend: '@vpsorg/mock (stateful)' });
  await mock.stop();
  return startLocalSandbox();
}

const SETTLE = { provisioning: ['active', 120], starting: ['active', 10], stopping: ['stopped', 10], rebooting: ['active', 20] };
const ACTIONS = { start: [['stopped'], 'starting', 'Server is starting'], stop: [['active'], 'stopping', 'Server is stopping'], reboot: [['active'], 'rebooting', 'Server is rebooting'] };

/** @returns {Promise<Sandbox>} */
async function startLocalSandbox() {
  /** @type {Map<string, { clock: number, nextId: number, servers: Map<number, any> }>} */
  const accounts = new Map();
  const account = (token) => {
    if (!accounts.has(token)) accounts.set(token, { clock: 0, nextId: 1000, servers: new Map() });
    return /** @type {{ clock: number, nextId: number, servers: Map<number, any> }} */ (accounts.get(token));
  };
  const settle = (acct) => {
    for (const server of acct.servers.values()) {
      const rule = SETTLE[server.status];
      if (rule && acct.clock - server.since >= rule[1]) Object.assign(server, { status: rule[0], since: acct.clock, ip_address: server.ip_address ?? '203.0.113.50' });
    }
  };
  const notFound = (res) => json(res, 404, { code: 'not_found', message: 'Server not found.' }, { 'x-request-id': 'req_local_404' });
  const view = ({ since, ...server }) => server;

  const server = await startServer((req, res, raw) => {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!token) return json(res, 401, { code: 'unauthorized', message: 'Invalid or missing API token.' });
    const acct = account(token);
    const url = new URL(String(req.url), 'http://x');
    const body = raw ? JSON.parse(raw) : {};
    if (url.pathname === '/__sandbox/advance') {
      acct.clock += Number(body.seconds);
      settle(acct);
      return json(res, 200, { clock: acct.clock });
    }
    if (url.pathname === '/__sandbox/reset') {
      accounts.delete(token);
      return json(res, 200, {});
    }
    settle(acct);
    if (url.pathname === '/servers/' && req.method === 'GET') {
      const results = [...acct.servers.values()].filter((s) => ['status', 'location'].every((k) => !url.searchParams.has(k) || s[k] === url.searchParams.get(k))).map(view);
      return json(res, 200, { count: results.length, results });
    }
    if (url.pathname === '/servers/' && req.method === 'POST') {
      const id = acct.nextId++;
      const created = {
        id, name: body.name, hostname: body.hostname ?? null, status: 'provisioning', ip_address: null, ipv6_address: null, location: body.location,
        plan: { id: body.plan_id, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 }, os: { id: body.os_id, name: 'Ubuntu 22.04 LTS' },
        backups_enabled: body.backups_enabled ?? false, resource_usage: { cpu_percent: 0, memory_used: 0, disk_used: 0, bandwidth_used: 0 },
        created_at: '2025-01-16T15:30:00Z', updated_at: '2025-01-16T15:30:00Z', since: acct.clock,
      };
      acct.servers.set(id, created);
      return json(res, 201, { ...view(created), message: 'Server is being provisioned. This may take 2-5 minutes.' });
    }
    const match = /^\/servers\/(\d+)\/(?:(start|stop|reboot)\/)?$/.exec(url.pathname);
    const item = match && acct.servers.get(Number(match[1]));
    if (!item) return notFound(res);
    const action = match[2];
    if (action && req.method === 'POST') {
      const [from, to, message] = ACTIONS[action];
      if (!from.includes(item.status)) return json(res, 400, { code: 'invalid_state', message: 'The server is not in a status that allows this action.' });
      Object.assign(item, { status: to, since: acct.clock });
      return json(res, 200, { status: 'success', message, server: { id: item.id, name: item.name, status: item.status } });
    }
    if (req.method === 'GET') return json(res, 200, view(item));
    if (req.method === 'PUT' || req.method === 'PATCH') return json(res, 200, view(Object.assign(item, body)));
    if (req.method === 'DELETE') {
      acct.servers.delete(item.id);
      res.writeHead(204, { 'x-request-id': 'req_local_204' }).end();
      return undefined;
    }
    return notFound(res);
  });
  const control = async (path, token, body) => {
    const response = await fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  };
  return {
    url: server.url,
    backend: 'local loopback sandbox (until @vpsorg/mock has stateful mode)',
    advance: (seconds, token) => control('/__sandbox/advance', token, { seconds }),
    reset: (token) => control('/__sandbox/reset', token),
    stop: () => server.close(),
  };
}

/**
 * Settle `running` (a `vps --wait` run) by moving the sandbox's virtual clock forward by `seconds`
 * every 250 ms until it ends: however slow the machine, some advance comes after the CLI's request.
 * @template T @param {Sandbox} sandbox @param {string} token @param {number} seconds @param {Promise<T>} running
 */
export async function advanceUntilDone(sandbox, token, seconds, running) {
  let done = false;
  const result = running.finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!done) await sandbox.advance(seconds, token);
  }
  return result;
}
