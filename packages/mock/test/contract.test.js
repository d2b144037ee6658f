// `pnpm contract`: Prism's validating proxy in front of small local implementations, one that
// keeps the contract and ones that break it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContract, exampleRequests, formatReport } from '../src/contract.js';
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
    const report = await checkContract({ upstream: conforming.url, token: 'secret-token' });
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

  it('reports a string id and a missing required field, and only those', async () => {
    const report = await checkContract({ upstream: breaking.url, token: 't' });
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
      const report = await checkContract({ upstream: failing.url, token: 't', only: ['getServer', 'listServers'] });
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
    const report = await checkContract({ upstream: gone.url, token: 't', only: ['getServer'] });
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
  });
});

describe('pnpm contract (the CLI)', () => {
  it('exits 1 and prints the report when the implementation breaks the contract', async () => {
    const breaking = await startImplementation({ alter: breakContract });
    try {
      const failure = await run(process.execPath, [CLI, breaking.url, '--skip', 'deleteServer'], {
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
      expect(stdout).toContain('All 2 requests conform to the spec.');
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
