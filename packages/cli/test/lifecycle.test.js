// A server's whole life from the shell, with the installed `vps` against the stateful sandbox:
// create --wait -> list -> stop --wait -> start -> delete --yes -> get is a 404 with exit 1.
// The sandbox's clock is virtual: while `vps` polls, the test advances it from another request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceUntilDone, startSandbox } from './support/sandbox.js';
import { vps } from './support/vps.js';

/** @type {import('./support/sandbox.js').Sandbox} */
let sandbox;
const token = `lifecycle-${process.pid}-token`;
const env = () => ({ VPS_BASE_URL: sandbox.url, VPS_API_TOKEN: token });

/** Run `vps`, moving the sandbox's clock forward by `seconds` while it polls. */
const whileAdvancing = (args, seconds) => advanceUntilDone(sandbox, token, seconds, vps(args, { env: env() }));

beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.reset(token);
});
afterAll(() => sandbox?.stop());

describe('the lifecycle of a server', () => {
  let id = 0;

  it('create --wait polls until the server is active and prints it', async () => {
    const result = await whileAdvancing(
      ['servers', 'create', '--name', 'cli-web-01', '--plan-id', '1', '--os-id', '5', '--location', 'us-west', '--wait', '--wait-interval', '0.1', '--wait-timeout', '30'],
      600,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const server = JSON.parse(result.stdout);
    expect(server).toMatchObject({ name: 'cli-web-01', status: 'active', location: 'us-west' });
    id = server.id;
    expect(id).toBeGreaterThan(0);
  });

  it('list shows it, and the filters reach the API', async () => {
    const all = await vps(['servers', 'list'], { env: env() });
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).results.map((s) => [s.id, s.status])).toContainEqual([id, 'active']);
    const stopped = await vps(['servers', 'list', '--status', 'stopped'], { env: env() });
    expect(JSON.parse(stopped.stdout).results.map((s) => s.id)).not.toContain(id);
  });

  it('stop --wait ends with the server stopped', async () => {
    const result = await whileAdvancing(['servers', 'stop', String(id), '--wait', '--wait-interval', '0.1', '--wait-timeout', '30'], 120);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id, status: 'stopped' });
  });

  it('start answers at once with the transitional status', async () => {
    const result = await vps(['servers', 'start', String(id)], { env: env() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'success', server: { id, status: 'starting' } });
  });

  it('an action the status does not allow is exit 1 with the API message', async () => {
    const result = await vps(['servers', 'start', String(id)], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^vps: error: 400 Bad Request: .+ \(code invalid_state(, request id [\w-]+)?\)\n$/);
  });

  it('delete --yes deletes it, printing nothing in a pipe', async () => {
    const result = await vps(['servers', 'delete', String(id), '--yes'], { env: env() });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('get then fails with exit 1 and one line: the 404, the message and the request id', async () => {
    const result = await vps(['servers', 'get', String(id)], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vps: error: 404 Not Found: Server not found\. \(code not_found, request id \S+\)$/);
    expect(result.stderr).not.toContain(token);
  });
});
