// @vpsorg/mock as a user outside this repository meets it: the packed tarball (made before the
// suite by @vpsorg/toolchain/artifacts, with its prepack build, as `npm publish` uploads it), linted, then installed into a new project with `npm install --offline` from the npm cache
// prepared before the suite (nothing reaches a registry while the tests run):
//   - `npx` the tarball `--stateful`: the sandbox serves, with Prism from the package's dependencies;
//   - a vitest file with setupServer(...createSandboxHandlers().handlers) and @vpsorg/client: the
//     create -> advance -> active -> stop flow passes with no server process;
//   - the same in Chromium: the page bundled by the project's esbuild, MSW's service worker;
//   - @vpsorg/mock/workflows and /contract: the spec's workflows found beside the bundled spec.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { installPacked } from '@vpsorg/toolchain/artifacts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { groupAlive, portIsFree } from '../src/index.js';
import { EXPECTED_STEPS, PAGE_DIR, runPageFlow, servePage } from './support/browser-page.js';

const run = promisify(execFile);
const mockDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(mockDir, 'node_modules/.bin', name);
const artifacts = inject('artifacts');
const NEW_SERVER = { name: 'web-01', plan_id: 1, os_id: 5, location: 'us-west' };

let work;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vpsorg-mock-pack-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The environment of a user's shell: none of this suite's own vitest variables. */
const userEnv = () => ({ ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_OPTIONS|npm_|TEST$)/i.test(key))), NO_COLOR: '1' });

describe('the packed tarball', () => {
  it('holds the bundles, their types, the spec and its workflows, README and LICENSE, and nothing else', async () => {
    const { stdout } = await run('tar', ['-tzf', artifacts.mockTarball]);
    expect(stdout.trim().split('\n').sort()).toEqual(
      [
        'package/LICENSE',
        'package/README.md',
        'package/package.json',
        'package/dist/cli.js',
        'package/dist/contract-cli.js',
        'package/dist/contract.d.ts',
        'package/dist/contract.js',
        'package/dist/index.d.ts',
        'package/dist/index.js',
        'package/dist/msw.d.ts',
        'package/dist/msw.js',
        'package/dist/server.js',
        'package/dist/servers.yaml',
        'package/dist/workflows.d.ts',
        'package/dist/workflows.js',
        'package/dist/workflows/parts/provision.arazzo.yaml',
        'package/dist/workflows/read-only.arazzo.yaml',
        'package/dist/workflows/servers.arazzo.yaml',
      ].sort(),
    );
  });

  it('is public, runs from dist/, and depends on public packages only (the model and the spec are bundled)', async () => {
    const { stdout } = await run('tar', ['-xzOf', artifacts.mockTarball, 'package/package.json']);
    const manifest = JSON.parse(stdout);
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({ name: '@vpsorg/mock', type: 'module', bin: { 'vpsorg-mock': './dist/cli.js' }, license: 'MIT', engines: { node: '>=20.19' } });
    expect(manifest.exports['./msw']).toEqual({ types: './dist/msw.d.ts', default: './dist/msw.js' });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@redocly/cli', '@stoplight/prism-cli', 'yaml']);
    expect(manifest.peerDependencies).toEqual({ msw: '^2.0.0' });
    expect(manifest.peerDependenciesMeta).toEqual({ msw: { optional: true } });
    const { stdout: bundles } = await run('tar', ['-xzOf', artifacts.mockTarball, 'package/dist/index.js', 'package/dist/msw.js', 'package/dist/server.js']);
    // Imported nowhere: bundled (a type in a JSDoc comment may still name it).
    expect(bundles).not.toMatch(/from\s*"@vpsorg\/|import\("@vpsorg\//);
  });

  // publint and attw check files and types, nothing about time: their limits only catch a hang
  // (attw, which runs the TypeScript compiler, took 48 s of a 60 s limit on a loaded machine).
  it('passes publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['run', artifacts.mockTarball, '--strict']);
    expect(stdout).toContain('All good!');
  }, 300_000);

  it('passes arethetypeswrong (ES modules only: the esm-only profile)', async () => {
    const result = await run(bin('attw'), [artifacts.mockTarball, '--format', 'ascii', '--profile', 'esm-only']).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.code, result.stdout).toBe(0);
    for (const entry of ['"@vpsorg/mock"', '"@vpsorg/mock/msw"', '"@vpsorg/mock/contract"', '"@vpsorg/mock/workflows"']) {
      const section = result.stdout.slice(result.stdout.indexOf(entry)).split('****')[0];
      expect(section, entry).toMatch(/node16 \(from ESM\): 🟢 \(ESM\)\nbundler: 🟢/);
    }
  }, 300_000);
});

describe('npx the packed @vpsorg/mock --stateful', () => {
  it('serves the sandbox on 127.0.0.1 with Prism in front, and Ctrl-C stops it all', async () => {
    // npx installs the tarball and its dependencies (Prism) from the prepared cache, offline.
    const child = spawn('npx', ['--yes', '--offline', '--cache', artifacts.npmCache, '--loglevel=error', `file:${artifacts.mockTarball}`, '--stateful', '--port', '0'], {
      cwd: work,
      env: userEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = once(child, 'exit');
    try {
      const url = await new Promise((resolve, reject) => {
        // The banner's own line (Prism's log names the same URL once it is listening too).
        const found = () => /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
        const onData = () => found() && resolve(found());
        child.stdout.on('data', onData);
        child.once('exit', (code) => reject(new Error(`npx exited (${code}) before serving:\n${output}`)));
      });
      const headers = { authorization: 'Bearer npx-user', 'content-type': 'application/json' };
      const created = await fetch(`${url}/servers/`, { method: 'POST', headers, body: JSON.stringify(NEW_SERVER) });
      expect(created.status).toBe(201);
      const { id, status } = await created.json();
      expect(status).toBe('provisioning');
      const advanced = await fetch(`${url}/__sandbox/advance`, { method: 'POST', headers, body: JSON.stringify({ seconds: 300 }) });
      expect(advanced.status).toBe(200);
      expect(await (await fetch(`${url}/servers/${id}/`, { headers })).json()).toMatchObject({ id, status: 'active', ip_address: '203.0.113.1' });
      const refused = await fetch(`${url}/servers/?status=deleted`, { headers });
      expect(refused.status).toBe(400);
      expect((await refused.json()).code).toBe('invalid_request');
      // Ctrl-C, as a terminal sends it to the whole foreground group (npm exec and the CLI): the
      // CLI stops Prism's process group and exits; npm exec ends by the same signal.
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGINT');
      const [code, signal] = await exited;
      expect(code === 0 || signal === 'SIGINT', `exit ${code} ${signal}\n${output}`).toBe(true);
      expect(output).toContain('mock: stopped.');
      expect(await portIsFree(Number(new URL(url).port))).toBe(true);
    } finally {
      if (groupAlive(/** @type {number} */ (child.pid))) process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
    }
  }, 180_000);
});

describe('a new project: npm install the packed @vpsorg/mock and msw', () => {
  let project;

  beforeAll(async () => {
    project = join(work, 'app');
    // npm install --offline of the packed @vpsorg/mock and @vpsorg/client, msw, vitest and esbuild.
    await installPacked(artifacts, project, { extra: artifacts.install });
  }, 320_000);

  it('a vitest file with setupServer(...createSandboxHandlers().handlers): create -> advance -> active -> stop, no server process', async () => {
    await writeFile(
      join(project, 'servers.test.js'),
      `import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BadRequestError, createVpsClient } from '@vpsorg/client';
import { createSandboxHandlers } from '@vpsorg/mock/msw';

const sandbox = createSandboxHandlers();
const server = setupServer(...sandbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sandbox.reset());
afterAll(() => server.close());

it('creates a server, which becomes active, then stops it', async () => {
  const client = createVpsClient({ token: 'user-token', maxRetries: 0 });
  const created = await client.servers.create(${JSON.stringify(NEW_SERVER)});
  expect(created.status).toBe('provisioning');
  sandbox.advance(300, { token: 'user-token' });
  const active = await client.servers.waitFor(created.id, 'active', { intervalMs: 10 });
  expect(active.ip_address).toBe('203.0.113.1');
  expect((await client.servers.stop(created.id)).server.status).toBe('stopping');
  sandbox.advance(10, { token: 'user-token' });
  expect((await client.servers.get(created.id)).status).toBe('stopped');
  await expect(client.servers.stop(created.id)).rejects.toBeInstanceOf(BadRequestError);
});

it('starts the next test from the spec seeds', async () => {
  const list = await createVpsClient({ token: 'user-token' }).servers.list();
  expect(list.results.map((s) => s.id)).toEqual([12345, 12346]);
});
`,
    );
    const result = await run(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose'], { cwd: project, env: userEnv(), timeout: 120_000 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error) => ({ code: error.code, stdout: `${error.stdout}\n${error.stderr}` }),
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+2 passed/);
  }, 150_000);

  it('@vpsorg/mock/workflows and /contract: the spec\'s workflows beside the bundled spec, its example requests', async () => {
    await writeFile(
      join(project, 'workflows.mjs'),
      `import { workflowDocuments } from '@vpsorg/mock/workflows';
import { exampleRequests } from '@vpsorg/mock/contract';
console.log(JSON.stringify({ documents: workflowDocuments(), requests: exampleRequests().map((r) => r.operationId) }));
`,
    );
    const { stdout } = await run(process.execPath, ['workflows.mjs'], { cwd: project, env: userEnv() });
    const { documents, requests } = JSON.parse(stdout);
    expect(documents.map((d) => [relative(project, d.file), d.readOnly])).toEqual([
      ['node_modules/@vpsorg/mock/dist/workflows/read-only.arazzo.yaml', true],
      ['node_modules/@vpsorg/mock/dist/workflows/servers.arazzo.yaml', false],
    ]);
    expect(new Set(requests)).toEqual(new Set(['listServers', 'createServer', 'getServer', 'updateServer', 'partialUpdateServer', 'deleteServer', 'startServer', 'stopServer', 'rebootServer']));
  });

  it('the same in Chromium: the page bundled by the project, MSW’s service worker, nothing leaving the page', async () => {
    await copyFile(fileURLToPath(new URL('page.js', PAGE_DIR)), join(project, 'page.js'));
    // The project's own esbuild, for the browser: it refuses any node: import on the way.
    await run(join(project, 'node_modules/.bin/esbuild'), ['page.js', '--bundle', '--format=esm', '--platform=browser', '--outfile=dist/page.js', '--log-level=error'], {
      cwd: project,
    });
    const page = await servePage({ script: await readFile(join(project, 'dist/page.js'), 'utf8'), workerFile: join(project, 'node_modules/msw/lib/mockServiceWorker.js') });
    try {
      const { steps, leaked, answered } = await runPageFlow(page.url, 'mock package (browser)');
      expect(steps).toEqual(EXPECTED_STEPS);
      expect(leaked).toEqual([]);
      expect(answered.length).toBeGreaterThanOrEqual(5);
      expect(answered.every((a) => a.fromServiceWorker)).toBe(true);
    } finally {
      await page.close();
    }
  }, 120_000);
});
