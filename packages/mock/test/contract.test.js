// `pnpm contract`: Prism's validating proxy in front of small local implementations, one that
// keeps the contract and ones that break it; and against the suite's sandbox, a real
// implementation, with and without --allow-writes.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContract, exampleRequests, formatReport } from '../src/contract.js';
import { request } from './support/clients.js';
import { requestExample } from './support/examples.js';
import { startImplementation } from './support/implementation.js';
import { operations } from './support/spec.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../src/contract-cli.js', import.meta.url));

/** Breaks two operations: getServer's id becomes a string, createServer loses its required message. */
function breakContract(operationId, body) {
  if (operationId === 'getServer') body.id = String(body.id);
  if (operationId === 'createServer') delete body.message;
  return body;
}

describe('example requests', () => {
  it('cover every operation, with the spec example bodies and parameters', () => {
    const requests = exampleRequests();
    expect(new Set(requests.map((r) => r.operationId))).toEqual(new Set(operations.map((o) => o.operationId)));
    expect(requests.find((r) => r.operationId === 'listServers').path).toBe('/servers/?status=active&location=us-west');
    expect(requests.find((r) => r.operationId === 'createServer').body).toMatchObject({ name: 'web-server-02' });
    expect(exampleRequests(undefined, { serverId: 7 }).find((r) => r.operationId === 'rebootServer').path).toBe('/servers/7/reboot/');
  });
});

describe('checkContract', () => {
  let conforming;
  let breaking;
  beforeAll(async () => {
    conforming = await startImplementation({ basePath: '/api/v1' });
    breaking = await startImplementation({ alter: breakContract });
  });
  afterAll(async () => {
    await conforming?.close();
    await breaking?.close();
  });

  it('reports no violation for an implementation that serves the spec examples, under a base path', async () => {
    const report = await checkContract({ upstream: conforming.url, token: 'secret-token', allowWrites: true, workflows: false });
    expect(report.results.map((r) => [r.operationId, r.violations, r.error])).toEqual(
      report.results.map((r) => [r.operationId, [], undefined]),
    );
    expect(report.ok).toBe(true);
    expect(report.results).toHaveLength(operations.length);
    // The requests really reached the implementation, with the token and the base path.
    expect(conforming.requests).toHaveLength(operations.length);
    expect(conforming.requests.every((r) => r.url.startsWith('/api/v1/servers/') && r.authorization === 'Bearer secret-token')).toBe(true);
    expect(formatReport(report, conforming.url)).toContain(`All ${operations.length} requests conform to the spec.`);
  });

  it('without allowWrites only what reads reaches the implementation: the GET example requests and the read-only workflow', async () => {
    const before = conforming.requests.length;
    const report = await checkContract({ upstream: conforming.url, token: 'reader' });
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.operationId)).toEqual(['listServers', 'getServer']);
    expect(report.leftOut).toEqual(['createServer', 'updateServer', 'deleteServer', 'partialUpdateServer', 'startServer', 'stopServer', 'rebootServer']);
    expect(report.workflows.map((w) => [w.workflowId, w.ok])).toEqual([['browse', true]]);
    expect(report.workflowsLeftOut).toEqual(['createAndWaitUntilActive', 'powerActions', 'replacePatchDelete']);
    const sent = conforming.requests.slice(before);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((r) => r.method === 'GET' && r.authorization === 'Bearer reader')).toBe(true);
    expect(formatReport(report, conforming.url)).toContain('Left out, they change the account (--allow-writes runs them): createServer,');
  });

  it('reports a string id and a missing required field, and only those', async () => {
    const report = await checkContract({ upstream: breaking.url, token: 't', allowWrites: true, workflows: false });
    expect(report.ok).toBe(false);
    const failing = report.results.filter((r) => r.violations.length > 0);
    expect(failing.map((r) => r.operationId).sort()).toEqual(['createServer', 'getServer']);
    expect(failing.find((r) => r.operationId === 'getServer').violations).toContainEqual(
      expect.objectContaining({ location: ['response', 'body', 'id'], severity: 'Error', message: expect.stringContaining('integer') }),
    );
    expect(failing.find((r) => r.operationId === 'createServer').violations).toContainEqual(
      expect.objectContaining({ location: ['response', 'body'], message: expect.stringContaining("'message'") }),
    );
    const text = formatReport(report, breaking.url);
    expect(text).toMatch(/FAIL getServer: GET \/servers\/12345\/ -> 200\n\s+error at response\.body\.id: .*integer/);
    expect(text).toContain('2 of 9 requests do not conform to the spec.');
  });

  it('reports a documented error answer to a valid example request (the success shape went unchecked)', async () => {
    const failing = await startImplementation({ status: { getServer: 404 } });
    try {
      const report = await checkContract({ upstream: failing.url, token: 't', only: ['getServer', 'listServers'], workflows: false });
      expect(report.ok).toBe(false);
      const get = report.results.find((r) => r.operationId === 'getServer');
      expect(get).toMatchObject({ status: 404, error: 'expected 200 for this valid example request (does the server exist? see --server-id)' });
      expect(report.results.find((r) => r.operationId === 'listServers').error).toBeUndefined();
    } finally {
      await failing.close();
    }
  });

  it('reports an implementation that cannot be reached', async () => {
    const gone = await startImplementation();
    await gone.close();
    const report = await checkContract({ upstream: gone.url, token: 't', only: ['getServer'], workflows: false });
    expect(report.ok).toBe(false);
    expect(report.results).toEqual([expect.objectContaining({ operationId: 'getServer', error: expect.stringContaining('upstream') })]);
  });

  it('rejects bad options with a clear error before starting anything', async () => {
    await expect(checkContract({ upstream: 'not a url', token: 't' })).rejects.toThrow(/absolute http\(s\) URL/);
    await expect(checkContract({ upstream: 'ftp://example.com', token: 't' })).rejects.toThrow(/http\(s\) URL/);
    await expect(checkContract({ upstream: conforming.url, token: '' })).rejects.toThrow(/token is required/);
    await expect(checkContract({ upstream: conforming.url, token: 't', only: ['listServer'] })).rejects.toThrow(
      /unknown operation "listServer"/,
    );
    await expect(checkContract({ upstream: conforming.url, token: 't', only: ['getServer', 'deleteServer'] })).rejects.toThrow(
      /deleteServer changes the account; --allow-writes runs it/,
    );
  });
});

describe('pnpm contract (the CLI)', () => {
  it('exits 1 and prints the report when the implementation breaks the contract', async () => {
    const breaking = await startImplementation({ alter: breakContract });
    try {
      const failure = await run(process.execPath, [CLI, breaking.url, '--allow-writes', '--skip-workflows', '--skip', 'deleteServer'], {
        env: { ...process.env, VPS_API_TOKEN: 'env-token' },
      }).then(
        () => expect.unreachable('the CLI exited 0'),
        (e) => e,
      );
      expect(failure.code).toBe(1);
      expect(failure.stdout).toContain('FAIL getServer');
      expect(failure.stdout).toContain('2 of 8 requests do not conform to the spec.');
      expect(breaking.requests.every((r) => r.authorization === 'Bearer env-token')).toBe(true);
      expect(breaking.requests.some((r) => r.method === 'DELETE')).toBe(false);
    } finally {
      await breaking.close();
    }
  });

  it('exits 0 for a conforming implementation', async () => {
    const conforming = await startImplementation();
    try {
      const { stdout } = await run(process.execPath, [CLI, conforming.url, '--token', 't', '--only', 'listServers,getServer']);
      // The read-only workflow runs too: the stand-in answers an unknown server with the 404.
      expect(stdout).toContain('ok   browse: 5 steps');
      expect(stdout).toContain('All 2 requests and 1 workflow conform to the spec.');
    } finally {
      await conforming.close();
    }
  });

  it('exits 2 when no token is given, naming both ways to give one', async () => {
    const env = { ...process.env };
    delete env.VPS_API_TOKEN;
    const failure = await run(process.execPath, [CLI, 'http://127.0.0.1:9/'], { env }).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('contract: a token is required (--token or VPS_API_TOKEN)');
  });

  it('exits 2 with the usage when the URL is missing', async () => {
    const failure = await run(process.execPath, [CLI, '--token', 't']).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('the URL of the implementation is missing');
    expect(failure.stderr).toContain('Usage: pnpm contract <url>');
  });
});

describe('pnpm contract against the sandbox, a real implementation on loopback', () => {
  const sandboxUrl = () => inject('sandboxUrl');
  const world = async (token) => (await request('GET', '/__sandbox/', { token, baseUrl: sandboxUrl() })).body;

  it('without --allow-writes: only reads, the read-only workflow passes, and the account is as it was', async () => {
    const token = `contract-${randomUUID()}`;
    const { stdout } = await run(process.execPath, [CLI, sandboxUrl(), '--token', token]);
    expect(stdout).toMatch(/ok {3}listServers: GET \/servers\/\?status=active&location=us-west -> 200/);
    expect(stdout).toMatch(/ok {3}getServer: GET \/servers\/12345\/ -> 200/);
    expect(stdout).toContain('ok   browse: 5 steps');
    expect(stdout).toContain('Left out, they change the account (--allow-writes runs them): createServer, updateServer, deleteServer, partialUpdateServer, startServer, stopServer, rebootServer, createAndWaitUntilActive, powerActions, replacePatchDelete.');
    expect(stdout).toContain('All 2 requests and 1 workflow conform to the spec.');
    expect(await world(token)).toMatchObject({ offset_seconds: 0, items: { servers: 2 } });
    // Nothing was created either: the next id is still the first one a world gives.
    const created = await request('POST', '/servers/', { token, baseUrl: sandboxUrl(), json: requestExample('createServer') });
    expect(created.body.id).toBe(12347);
  }, 120_000);

  it('with --allow-writes, under a base path: the write requests and the journeys too, each journey on a server of its own', async () => {
    const token = `contract-${randomUUID()}`;
    const proxy = await basePathProxy(sandboxUrl(), '/api/v1');
    try {
      // The example requests all address one server in a fixed order, blind to its state: a start
      // of the running 12345 is refused, and after the delete nothing is left to patch. The journeys
      // check those operations on a server of their own, in an order the lifecycle allows.
      const { stdout } = await run(process.execPath, [CLI, `${proxy.url}/api/v1`, '--token', token, '--allow-writes', '--skip', 'deleteServer,startServer,rebootServer']);
      for (const id of ['createAndWaitUntilActive', 'powerActions', 'replacePatchDelete', 'browse']) expect(stdout).toMatch(new RegExp(`ok {3}${id}: \\d+ steps`));
      expect(stdout).toContain('All 6 requests and 4 workflows conform to the spec.');
      expect(stdout).not.toContain('Left out');
      expect(proxy.paths.every((p) => p.startsWith('/api/v1/servers/'))).toBe(true);
      // The clock moved by the polls' headers only; the journeys deleted their servers, so the
      // seeds and the example request's server are left.
      expect(await world(token)).toMatchObject({ offset_seconds: 3 * 300 + 3 * 30, items: { servers: 3 } });
    } finally {
      await proxy.close();
    }
  }, 240_000);
});

/** A loopback server that serves `target` under `base` (and 404 elsewhere): the sandbox at another URL. */
async function basePathProxy(target, base) {
  const upstream = new URL(target);
  const paths = [];
  const server = createServer((req, res) => {
    paths.push(req.url);
    if (!req.url.startsWith(`${base}/`)) {
      res.writeHead(404).end();
      return;
    }
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url.slice(base.length), headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    paths,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
