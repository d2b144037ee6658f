// The client on every runtime its README promises: the packed tarball, installed as a user would
// (npm, offline from the cache prepared before the suite), runs one program (program.mjs: list, a
// get through a retried 503, a typed 404, a 401/500/connection error, the token in none of them)
// on Node 20, 22, 24 and 26, Bun and Deno (installed before the suite from the npm registry), and
// in Chromium as a front-end app: bundled with esbuild, served from its own origin, calling the
// API on another origin through CORS.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { launchChromium } from '@vpsorg/toolchain/chromium';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installPacked } from '@vpsorg/toolchain/artifacts';
import { closeAllServers, refusedUrl } from '../support/http-server.js';
import { startMatrixApi, type MatrixApi } from './api.js';

const run = promisify(execFile);
const artifacts = inject('artifacts');
const TOKEN = 'sk-matrix-7f3a9c1e5b';

let work: string;
let project: string;
let api: MatrixApi;
let refused: string;
let pageOrigin: string | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vpsorg-client-runtimes-'));
  project = join(work, 'app');
  await installPacked(artifacts, project);
  await copyFile(new URL('./program.mjs', import.meta.url), join(project, 'program.mjs'));
  api = await startMatrixApi(() => pageOrigin);
  refused = await refusedUrl();
}, 120_000);

afterAll(async () => {
  await closeAllServers();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The program's configuration for one run, baked into its entry file (no runtime-specific env API). */
const config = (runName: string) => ({ baseUrl: api.url, refusedUrl: refused, token: TOKEN, run: runName });

/** What every runtime must report; `runtime` is checked separately. */
function expectReport(report: Record<string, unknown>, runName: string) {
  expect(report).toMatchObject({
    list: { count: 1, names: ['web-server-01'] },
    retried: { id: 12345, name: 'web-server-01' },
    notFound: { name: 'NotFoundError', status: 404, typed: true, requestId: `req_404_${runName}`, code: 'not_found' },
    denied: { name: 'AuthenticationError', typed: true },
    down: { name: 'InternalServerError', status: 500, typed: true },
    refused: { name: 'VpsConnectionError', typed: true },
    tokenInErrors: 0,
  });
  expect(report.errorTexts).toBeGreaterThan(20); // the errors were really looked into
  const requests = api.runRequests(runName);
  // The 503 was retried: two attempts of GET 12345, the second one answered.
  expect(requests.filter((r) => r.url === '/servers/12345/')).toHaveLength(2);
  expect(requests.filter((r) => r.url === '/servers/500/')).toHaveLength(1);
  expect(new Set(requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
}

const commandLine: Record<string, (bin: string) => string[]> = {
  node: () => [],
  bun: () => ['run'],
  // node_modules from package.json (Deno 2's default when one exists); no lock file, nothing remote.
  deno: () => ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', '--no-lock', '--cached-only'],
};

const runtimes = Object.keys(inject('artifacts').runtimes);

describe.each(runtimes)('on %s', (name) => {
  it('runs the program: list, a retried 503, typed errors, no token in any error', async () => {
    const runtime = artifacts.runtimes[name]!;
    const entry = join(project, `run-${name}.mjs`);
    await writeFile(entry, `import { main } from './program.mjs';\nconsole.log(JSON.stringify(await main(${JSON.stringify(config(name))})));\n`);
    const kind = name.split('-')[0]!;
    let stdout: string;
    try {
      ({ stdout } = await run(runtime.bin, [...commandLine[kind]!(runtime.bin), entry], {
        cwd: project,
        timeout: 60_000,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(work, 'deno-dir') },
      }));
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${name} (${runtime.version}) failed to run the program:\n${e.stderr || e.stdout || e.message}`);
    }
    expect(stdout).not.toContain(TOKEN);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const expected = { node: `node ${runtime.version}`, bun: `bun ${runtime.version}`, deno: `deno ${runtime.version.split(' ')[1]}` }[kind];
    expect(report.runtime, 'the program ran on the runtime under test').toBe(expected);
    expectReport(report, name);
  });
});

describe('in Chromium, bundled, from another origin', () => {
  let browser: Browser;
  let site: Server;

  beforeAll(async () => {
    // The app as a front-end build would make it: one minified ES module, bundled from the
    // installed package (its `browser`-platform resolution), no Node built-ins.
    const entry = join(project, 'browser-entry.mjs');
    await writeFile(
      entry,
      "import { main } from './program.mjs';\nwindow.runProgram = (config) => main(config);\n",
    );
    const bundle = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, absWorkingDir: project, logLevel: 'silent' });
    const app = bundle.outputFiles[0]!.text;
    const page = '<!doctype html><meta charset="utf-8"><title>matrix</title><script type="module" src="/app.js"></script>';
    site = createServer((req, res) => {
      if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(app);
      if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium('client runtimes (browser)');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    pageOrigin = undefined;
  });

  it('runs the program against the API through CORS', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() => typeof (window as unknown as { runProgram?: unknown }).runProgram === 'function');
    const report = await page.evaluate(
      (cfg) => (window as unknown as { runProgram: (c: unknown) => Promise<Record<string, unknown>> }).runProgram(cfg),
      config('chromium'),
    );
    expect(String(report.runtime)).toMatch(/^browser .*Chrome\//);
    expectReport(report, 'chromium');
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    // Cross-origin for real: the browser asked the API's permission, from the page's origin, for
    // the Authorization header.
    expect(api.preflights.length).toBeGreaterThan(0);
    expect(api.preflights.every((p) => p.origin === pageOrigin)).toBe(true);
    expect(api.preflights[0]!.headers).toMatch(/authorization/);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
