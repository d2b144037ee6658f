// Every example of the README runs: each ```ts block on this Node (in-process, importing the
// package's source by name) against a stand-in API on loopback (support/fake-api.ts), reached the
// way a user's program would be pointed elsewhere: VPS_BASE_URL and VPS_API_TOKEN. What the
// examples print is checked. The Bun and Deno blocks and the ```sh line run in proxy.test.ts,
// on those runtimes; this file checks that nothing else is left unrun.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_TOKEN } from './support/client.js';
import { startFakeApi } from './support/fake-api.js';
import { closeAllServers, type TestServer } from './support/http-server.js';
import { startProxy, type TestProxy } from './support/proxy.js';
import { asProgram, readmeBlocks } from './support/readme.js';

const dir = fileURLToPath(new URL('./.readme/', import.meta.url));
const blocks = readmeBlocks();
const nodeBlocks = blocks.filter((b) => b.lang === 'ts' && b.runtime === 'node');

let api: TestServer;
let runs = 0;
let proxy: TestProxy;

beforeAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  api = await startFakeApi();
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await closeAllServers();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Run one block as its own module; resolves with what it wrote to the console, by method. */
async function runBlock(index: number) {
  const printed: Record<string, string[]> = { log: [], info: [], warn: [], error: [], debug: [] };
  for (const method of Object.keys(printed) as (keyof typeof printed & keyof Console)[]) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed[method]!.push(args.map(String).join(' ')));
  }
  vi.stubEnv('VPS_API_TOKEN', TEST_TOKEN);
  vi.stubEnv('VPS_BASE_URL', api.url);
  vi.stubEnv('HTTPS_PROXY', proxy.url);
  const file = `${dir}block-${index}-${++runs}.ts`; // a new module each time: an import runs once
  await writeFile(file, asProgram(nodeBlocks[index]!.code));
  await import(file);
  return printed;
}

const indexIn = (section: string, n = 0) => nodeBlocks.indexOf(nodeBlocks.filter((b) => b.section.startsWith(section))[n]!);

describe('the README examples', () => {
  it('are all run: the ts blocks here, the Bun/Deno/sh ones in proxy.test.ts, the rest are output or shell commands', () => {
    expect(nodeBlocks.map((b) => b.section)).toEqual([
      'Quick start',
      'Retries',
      'Waiting for a status',
      'The raw client',
      'Response metadata: `.withResponse()`',
      'Logging',
      'Requests the spec lacks: `client.request`',
      'Proxies',
    ]);
    const elsewhere = blocks.filter((b) => !nodeBlocks.includes(b)).map((b) => `${b.lang}${b.runtime === 'node' ? '' : `:${b.runtime}`} ${b.section}`);
    expect(elsewhere).toEqual([
      'sh Install',
      'text Logging',
      'text Logging',
      'sh Proxies',
      'ts:bun Proxies',
      'ts:deno Proxies',
      'sh Regenerating the code',
      'sh Development',
    ]);
  });

  it.each(nodeBlocks.map((block, index) => [index, block.section] as const))('block %i (%s) runs', async (index) => {
    const before = api.requests.length;
    await runBlock(index);
    const sent = api.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.headers.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });

  it('withResponse prints the result, the status, a header and the request id', async () => {
    const printed = await runBlock(indexIn('Response metadata'));
    expect(printed.log).toEqual(['web-server-01 200 99 req_8f14e45fceea167a']);
  });

  it('the logging example prints the lines the README shows', async () => {
    const printed = await runBlock(indexIn('Logging'));
    expect(printed.info).toEqual([
      `[vps] request GET ${api.url}/servers/12345/`,
      expect.stringMatching(new RegExp(`^\\[vps\\] response 200 GET ${api.url}/servers/12345/ in \\d+ ms \\(request id req_8f14e45fceea167a\\)$`)),
    ]);
  });

  it('the custom request example prints the metrics and the snapshot', async () => {
    const printed = await runBlock(indexIn('Requests the spec lacks'));
    expect(printed.log).toEqual(['23.5', '7 req_8f14e45fceea167a']);
    const sent = api.requests.slice(-2);
    expect(sent.map((r) => `${r.method} ${r.url} ${r.headers['idempotency-key'] ?? ''}`)).toEqual([
      'GET /servers/12345/metrics/?period=1h ',
      'POST /servers/12345/snapshots/ snapshot-12345-before-upgrade',
    ]);
    expect(JSON.parse(sent[1]!.body)).toEqual({ name: 'before-upgrade' });
  });

  it('the Node proxy recipe sends every request through the proxy (undici ProxyAgent)', async () => {
    const seen = proxy.seen.length;
    const printed = await runBlock(indexIn('Proxies'));
    expect(printed.log).toEqual(['1']);
    expect(proxy.seen.slice(seen)).toEqual([`CONNECT ${new URL(api.url).host}`]);
  });
});
