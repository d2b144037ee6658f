// `pnpm start --stateful`: the sandbox lives in the dev loop, outside the Prism that a save
// restarts, so a spec save keeps every token's servers, statuses and clock; with --state-file
// they survive a restart of pnpm start too.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev } from '../lib/dev/dev-process.mjs';
import { makeTempDir, writeEditedSpec } from './helpers.mjs';

const token = 'dev-stateful-token';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const newServer = { name: 'kept-across-saves', plan_id: 1, os_id: 5, location: 'us-west' };

async function call(mockUrl, method, path, body) {
  const response = await fetch(mockUrl + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  // Prism's verdict on the sandbox's answer: none may break the spec.
  expect(response.headers.get('sl-violations') ?? '[]').not.toMatch(/"response"/);
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function startStateful(args) {
  const dev = startDev(['--stateful', '--docs-port', '0', '--mock-port', '0', '--locales', 'en', ...args]);
  const [, docsUrl] = await dev.waitFor(/docs {2}(http:\/\/127\.0\.0\.1:\d+)/);
  const [, mockUrl] = await dev.waitFor(/mock {2}(http:\/\/127\.0\.0\.1:\d+) {2}\(stateful sandbox/);
  await dev.waitFor(/^ready in /m, { timeoutMs: 120_000 });
  return { dev, docsUrl, mockUrl };
}

async function stop(dev) {
  if (dev.child.exitCode !== null) return dev.exited;
  dev.child.kill('SIGINT');
  return dev.exited;
}

describe('pnpm start --stateful', () => {
  let tmp;
  afterAll(async () => tmp?.remove());

  it('a spec save restarts Prism, not the sandbox; --state-file keeps it across a restart', async () => {
    tmp = await makeTempDir('dev-stateful-');
    const spec = await writeEditedSpec(join(tmp.dir, 'servers.yaml'));
    const stateFile = join(tmp.dir, 'sandbox.json');
    const common = ['--spec', spec, '--out', join(tmp.dir, 'generated'), '--state-file', stateFile];
    let { dev, docsUrl, mockUrl } = await startStateful(common);
    let id;
    try {
      // The docs' Try it console is told of the sandbox, which answers it from the docs' origin.
      expect(await (await fetch(`${docsUrl}/try-it-config.js`)).text()).toContain(`{"servers":[{"url":"${mockUrl}","sandbox":true}]}`);
      const preflight = await fetch(`${mockUrl}/__sandbox/advance`, {
        method: 'OPTIONS',
        headers: { origin: docsUrl, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(docsUrl);
      const created = await call(mockUrl, 'POST', '/servers/', newServer);
      expect(created.status).toBe(201);
      id = created.body.id;
      expect((await call(mockUrl, 'POST', '/__sandbox/advance', { seconds: 300 })).status).toBe(200);
      expect((await call(mockUrl, 'POST', '/servers/12345/stop/')).body.server.status).toBe('stopping');
      // Settle it on the virtual clock: a transitional status would end by itself on the real one
      // (the sandbox's clock runs with real time), however long a loaded machine takes to save.
      expect((await call(mockUrl, 'POST', '/__sandbox/advance', { seconds: 3600 })).status).toBe(200);
      expect((await call(mockUrl, 'GET', '/servers/12345/')).body.status).toBe('stopped');

      // Save a spec that changes the seeds' example name: Prism restarts with it.
      const from = dev.mark();
      await writeEditedSpec(spec, (doc) =>
        doc.setIn(['paths', '/servers/', 'get', 'responses', '200', 'content', 'application/json', 'examples', 'twoServers', 'value', 'results', 1, 'name'], 'db-renamed'),
      );
      await dev.waitFor(/^✔ mock restarted /m, { from });
      await dev.waitFor(/^ready in /m, { from });
      const after = await call(mockUrl, 'GET', '/servers/');
      expect(after.body.results.map((s) => [s.id, s.status])).toEqual([
        [12345, 'stopped'],
        [12346, 'active'],
        [id, 'active'],
      ]);
      // The clock survived too; a new token is seeded from the new spec.
      expect((await call(mockUrl, 'GET', '/__sandbox/')).body.offset_seconds).toBe(3900);
      const fresh = await fetch(`${mockUrl}/servers/`, { headers: { authorization: 'Bearer another-token' } });
      expect((await fresh.json()).results.map((s) => s.name)).toEqual(['web-server-01', 'db-renamed']);
      // Still Prism's validating proxy in front: bad input is refused before the sandbox.
      expect((await call(mockUrl, 'GET', '/servers/?status=deleted')).status).toBe(400);
      expect((await call(mockUrl, 'GET', '/servers/1e3/')).status).toBe(400);
    } finally {
      expect((await stop(dev)).code).toBe(0);
    }

    ({ dev, mockUrl } = await startStateful(common));
    try {
      const { body } = await call(mockUrl, 'GET', `/servers/${id}/`);
      expect(body).toMatchObject({ id, name: newServer.name, status: 'active' });
    } finally {
      expect((await stop(dev)).code).toBe(0);
    }
  }, 400_000);

  it('--state-file without --stateful is refused', async () => {
    const dev = startDev(['--state-file', 'x.json', '--once']);
    const { code } = await dev.exited;
    expect(code).toBe(2);
    expect(dev.output).toContain('--state-file needs --stateful.');
  });
});
