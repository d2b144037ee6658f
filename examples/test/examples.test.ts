// The examples, run as a user runs them: compiled with tsc, each started as its own node process
// against the stateful sandbox (@vpsorg/mock, startMock({ stateful: true })), its output and its
// effect on the sandbox's state checked. The CLI script runs the workspace's `vps` bin.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createVpsClient, NotFoundError, type VpsClient } from '@vpsorg/client';
import { startMock } from '@vpsorg/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const examplesDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(examplesDir, '..');

/** The documented interface of the stateful sandbox (issue 12). */
interface Sandbox {
  url: string;
  advance(seconds: number, token: string): Promise<unknown>;
  reset(token: string): Promise<unknown>;
  stop(): Promise<void>;
}

let outDir: string;
let sandbox: Sandbox;

beforeAll(async () => {
  // Compiled inside the package, so `@vpsorg/client` resolves from its node_modules as for a user.
  outDir = join(examplesDir, 'dist');
  await rm(outDir, { recursive: true, force: true });
  const tsc = createRequire(join(examplesDir, 'package.json')).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', join(examplesDir, 'tsconfig.build.json'), '--outDir', outDir]);
  const started = (await startMock({ stateful: true } as Parameters<typeof startMock>[0])) as unknown as Partial<Sandbox> & { stop(): Promise<void> };
  if (typeof started.advance !== 'function' || typeof started.reset !== 'function') {
    await started.stop();
    throw new Error(
      'The stateful sandbox is missing: startMock({ stateful: true }) from @vpsorg/mock returned no advance()/reset() ' +
        '(issue 12 is not merged into this branch). The examples need it to run.',
    );
  }
  sandbox = started as Sandbox;
});

afterAll(async () => {
  await sandbox?.stop();
});

const clientFor = (token: string, baseUrl = sandbox.url): VpsClient => createVpsClient({ baseUrl, token, maxRetries: 0 });

/**
 * Run a program with the sandbox's URL and `token`; while it runs, move the sandbox clock on by
 * `tick` seconds every 50 ms (time passes only when told to in the sandbox).
 */
async function runExample(command: string, args: string[], token: string, { tick = 0, env = {} as Record<string, string>, baseUrl = sandbox.url } = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, VPS_API_TOKEN: token, VPS_BASE_URL: baseUrl, POLL_SECONDS: '0.05', WAIT_INTERVAL: '0.05', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const ticking = tick > 0 ? setInterval(() => void sandbox.advance(tick, token).catch(() => {}), 50) : undefined;
  const [code] = (await once(child, 'exit')) as [number | null];
  if (ticking) clearInterval(ticking);
  return { code, stdout, stderr };
}

const example = (name: string) => join(outDir, `${name}.js`);

/** Every token's world starts with the spec's documented servers (12345 and 12346, both active; 12345 in us-west). */
const SEEDED = 2;

describe('examples against the stateful sandbox', () => {
  it('list-servers: lists every server, then only the active ones in one location', async () => {
    const token = 'examples-list';
    const client = clientFor(token);
    const west = await client.servers.create({ name: 'west-web', plan_id: 1, os_id: 5, location: 'us-west' });
    await client.servers.create({ name: 'east-db', plan_id: 1, os_id: 5, location: 'us-east' });
    await sandbox.advance(600, token);
    await client.servers.create({ name: 'west-new', plan_id: 1, os_id: 5, location: 'us-west' }); // still provisioning

    const { code, stdout, stderr } = await runExample(process.execPath, [example('list-servers'), 'us-west'], token);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${SEEDED + 3} server(s) in the account`);
    expect(stdout).toContain(`#${west.id} west-web (us-west): running`);
    expect(stdout).toMatch(/west-new \(us-west\): being set up/);
    expect(stdout).toContain('2 active server(s) in us-west: web-server-01, west-web\n'); // the seeded 12345 is in us-west
  });

  it('create-and-wait: creates, waits while provisioning, sees it active with an address, deletes it', async () => {
    const token = 'examples-create';
    const { code, stdout, stderr } = await runExample(process.execPath, [example('create-and-wait')], token, { tick: 30 });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const id = Number(/created server #(\d+): being set up/.exec(stdout)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(stdout).toMatch(new RegExp(`server #${id} is running at \\d+\\.\\d+\\.\\d+\\.\\d+`));
    expect(stdout).toContain(`deleted server #${id}`);
    await expect(clientFor(token).servers.get(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('handle-errors: each failure is caught by its class and explained', async () => {
    const token = 'examples-errors';
    const { code, stdout, stderr } = await runExample(process.execPath, [example('handle-errors')], token);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('get a server that does not exist: NotFoundError: no such server');
    expect(stdout).toContain("start a server that is still provisioning: BadRequestError: the server's status does not allow that now (invalid_state)");
    expect(stdout).toMatch(/an empty API token: VpsConfigError: bad argument, nothing was sent: createVpsClient: the API token is empty/);
    expect(stdout).toMatch(/an API that is not there: VpsConnectionError: cannot reach the API/);
    expect((await clientFor(token).servers.list()).count).toBe(SEEDED); // it cleaned up after itself
  });

  it('retries-and-idempotency: a create that fails with 503 is retried with the same key, and one server exists', async () => {
    const token = 'examples-retries';
    // A loopback proxy in front of the sandbox: the first POST /servers/ gets a 503, the rest pass.
    const keys: string[] = [];
    let failed = false;
    const proxy: HttpServer = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === 'POST' && req.url?.endsWith('/servers/')) {
        keys.push(String(req.headers['idempotency-key']));
        if (!failed) {
          failed = true;
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '10' });
          res.end(JSON.stringify({ code: 'unavailable', message: 'try again' }));
          return;
        }
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const upstream = await fetch(new URL(req.url ?? '/', sandbox.url), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([k]) => !['content-encoding', 'transfer-encoding', 'connection', 'content-length'].includes(k))));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    try {
      const address = proxy.address();
      const proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { code, stdout, stderr } = await runExample(process.execPath, [example('retries-and-idempotency')], token, { baseUrl: proxyUrl });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/retry 1 of POST \S+\/servers\/ in \d+ ms \(503\)/);
      const key = /with idempotency key ([0-9a-f-]{36})/.exec(stdout)?.[1];
      expect(keys).toEqual([key, key]);
      expect(stdout).toMatch(/read server #\d+ once, without retries/);
      expect((await clientFor(token).servers.list()).count).toBe(SEEDED); // created once, then deleted
    } finally {
      proxy.close();
    }
  });

  it('cli/servers.sh: the vps CLI in a shell script creates, waits, reads and deletes a server', async () => {
    const bin = join(repoRoot, 'packages/cli/bin/vps.js');
    const hasCli = await access(bin).then(() => true, () => false);
    if (!hasCli) {
      throw new Error('packages/cli/bin/vps.js is missing: the vps CLI (@vpsorg/cli, issue 13) is not merged into this branch. The script example needs it.');
    }
    const token = 'examples-cli';
    const { code, stdout, stderr } = await runExample('bash', [join(examplesDir, 'cli/servers.sh'), 'from-script'], token, {
      tick: 30,
      env: { VPS_CLI: bin },
    });
    expect(stderr, stdout).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^active servers: ${SEEDED}$`, 'm'));
    const id = Number(/created server #(\d+)/.exec(stdout)?.[1]);
    expect(stdout).toContain(`server #${id} is active`);
    expect(stdout).toContain(`deleted server #${id}`);
    await expect(clientFor(token).servers.get(id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('msw/: the sandbox in a vitest suite, with no server process (@vpsorg/mock/msw)', () => {
  it('its own vitest run passes: provisioning with advance, a refusal, reset between tests, a per-test override', async () => {
    // As a user runs it: vitest in that folder, with its own config (set-up file, test files).
    const vitest = join(dirname(createRequire(join(examplesDir, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_OPTIONS|TEST$)/i.test(key)));
    const result = await run(process.execPath, [vitest, 'run', '--reporter=verbose'], { cwd: join(examplesDir, 'msw'), env: { ...env, NO_COLOR: '1' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: `${error.stdout}\n${error.stderr}` }),
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('provisions a server: provisioning, then active with an address once two minutes pass');
    expect(result.stdout).toMatch(/Tests\s+4 passed \(4\)/);
  });
});
