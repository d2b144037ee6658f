// Proxies, through a real HTTP proxy on loopback (support/proxy.ts): undici's ProxyAgent on this
// Node with retries and errors going through it; and the README's other recipes as a user runs
// them, with the packed client installed: NODE_USE_ENV_PROXY on Node 24 and 26 (the README's sh
// line), Bun and Deno by their environment variables and by the README's per-client blocks.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InternalServerError, createVpsClient } from '../src/index.js';
import { installPacked } from '@vpsorg/toolchain/artifacts';
import { TEST_TOKEN, rejection } from './support/client.js';
import { startFakeApi } from './support/fake-api.js';
import { closeAllServers, json, startServer, type TestServer } from './support/http-server.js';
import { startProxy, type TestProxy } from './support/proxy.js';
import { readmeBlocks } from './support/readme.js';

const run = promisify(execFile);
const artifacts = inject('artifacts');

let api: TestServer;
let proxy: TestProxy;
let work: string;

beforeAll(async () => {
  api = await startFakeApi();
  proxy = await startProxy();
  work = await mkdtemp(join(tmpdir(), 'vpsorg-client-proxy-'));
  await installPacked(artifacts, work);
}, 120_000);
afterAll(async () => {
  await proxy.close();
  await closeAllServers();
  if (work) await rm(work, { recursive: true, force: true });
});

const apiHost = () => new URL(api.url).host;

describe('undici ProxyAgent through the fetch option (this Node)', () => {
  it('every attempt of a retried call goes through the proxy, and the error is the typed one', async () => {
    const failing = await startServer((_req, res) => json(res, 503, { code: 'unavailable', message: 'Later.' }));
    const agent = new ProxyAgent(proxy.url);
    const client = createVpsClient({
      token: TEST_TOKEN,
      baseUrl: failing.url,
      retry: { baseDelayMs: 1 },
      fetch: (input, init) => fetch(input, { ...init, dispatcher: agent } as RequestInit),
    });
    const seen = proxy.seen.length;
    expect(await rejection(client.servers.get(1))).toBeInstanceOf(InternalServerError);
    expect(failing.requests).toHaveLength(3);
    // One tunnel, kept alive for the three attempts.
    expect(proxy.seen.slice(seen)).toEqual([`CONNECT ${new URL(failing.url).host}`]);
    await agent.close();
  });
});

/** Run `bin args` in the installed project with the test's API, token and `env`; its stdout. */
async function runIn(bin: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await run(bin, args, {
      cwd: work,
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(work, '.deno'), VPS_API_TOKEN: TEST_TOKEN, VPS_BASE_URL: api.url, ...env },
    });
    return stdout.trim();
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${e.stderr || e.message}`);
  }
}

/** What the proxy saw while `task` ran. */
async function throughProxy(task: () => Promise<string>) {
  const before = proxy.seen.length;
  const output = await task();
  return { output, seen: proxy.seen.slice(before) };
}

const LIST = "import { createVpsClient } from '@vpsorg/client';\nconsole.log((await createVpsClient({ token: process.env.VPS_API_TOKEN }).servers.list()).count);\n";

describe("Node 24 and 26: the README's NODE_USE_ENV_PROXY line", () => {
  const line = readmeBlocks().find((b) => b.lang === 'sh' && b.section === 'Proxies')!.code.trim();

  it.each(['node-24', 'node-26'])('%s sends the client through HTTPS_PROXY / HTTP_PROXY', async (name) => {
    const words = line.split(/\s+/);
    const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=') as [string, string]));
    expect(env).toMatchObject({ NODE_USE_ENV_PROXY: '1', HTTPS_PROXY: expect.any(String) });
    expect(words.slice(-2)).toEqual(['node', 'app.js']);
    await writeFile(join(work, 'app.js'), LIST);
    // The proxy of the line is ours; the stand-in API is plain http, so HTTP_PROXY names it too.
    const { output, seen } = await throughProxy(() =>
      runIn(artifacts.runtimes[name]!.bin, ['app.js'], { ...env, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }),
    );
    expect(output).toBe('1');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s === `CONNECT ${apiHost()}` || s === `GET ${api.url}/servers/`)).toBe(true);
  });
});

const runtimeArgs = {
  bun: (file: string) => ['run', file],
  deno: (file: string) => ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', '--no-lock', '--cached-only', file],
};

describe.each(['bun', 'deno'] as const)('%s', (name) => {
  it('honours HTTP_PROXY by itself', async () => {
    const file = `env-${name}.ts`;
    await writeFile(join(work, file), LIST);
    const { output, seen } = await throughProxy(() => runIn(artifacts.runtimes[name]!.bin, runtimeArgs[name](file), { HTTP_PROXY: proxy.url }));
    expect(output).toBe('1');
    expect(seen).toEqual([`GET ${api.url}/servers/`]);
  });

  it("runs the README's per-client block through the proxy", async () => {
    const block = readmeBlocks().find((b) => b.runtime === name)!;
    const file = `readme-${name}.ts`;
    await writeFile(join(work, file), block.code);
    // Only HTTPS_PROXY, which the block reads itself: the http API is not proxied by the environment.
    const { output, seen } = await throughProxy(() => runIn(artifacts.runtimes[name]!.bin, runtimeArgs[name](file), { HTTPS_PROXY: proxy.url }));
    expect(output).toBe('1');
    expect(seen).toEqual([`GET ${api.url}/servers/`]);
  });
});
