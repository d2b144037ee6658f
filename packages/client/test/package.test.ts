// Publish-readiness, tested as a new user meets the package: lint the packed tarball (publint,
// arethetypeswrong), install it into a fresh TypeScript project (npm, offline, from the cache
// prepared before the suite), type-check that project, and run its ESM and CommonJS programs
// against a local server.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installPacked } from '@vpsorg/toolchain/artifacts';
import { activeServer, closeAllServers, json, startServer, type TestServer } from './support/http-server.js';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(clientDir, 'node_modules/.bin', name);
const pkg = JSON.parse(await readFile(join(clientDir, 'package.json'), 'utf8'));

let work: string;
// Packed before the suite by @vpsorg/toolchain/artifacts (test/global-setup.ts), with its
// prepack build, exactly as `npm publish` would upload it.
const artifacts = inject('artifacts');
const tarball = artifacts.tarball;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vpsorg-client-pack-'));
});

afterAll(async () => {
  await closeAllServers();
  await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the builds, their types, the README and the LICENSE, and nothing else', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    expect(stdout.trim().split('\n').filter((f) => !f.endsWith('.map')).sort()).toEqual(
      [
        'package/LICENSE',
        'package/README.md',
        'package/dist/index.cjs',
        'package/dist/index.d.cts',
        'package/dist/index.d.ts',
        'package/dist/index.js',
        'package/package.json',
      ].sort(),
    );
    expect(pkg.sideEffects).toBe(false);
  });

  it('passes publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['run', tarball, '--strict']);
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('passes arethetypeswrong', async () => {
    const { stdout } = await run(bin('attw'), [tarball, '--format', 'ascii']);
    expect(stdout).toContain('No problems found');
  }, 60_000);

  it('has a runtime without Node built-ins: only fetch, URL, AbortController and timers', async () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = await readFile(join(clientDir, 'dist', file), 'utf8');
      expect(code).not.toMatch(/from ["']node:|require\(["']node:|require\(["'](fs|http|https|net|os|path|util|crypto)["']/);
      expect(code.match(/\bprocess\b/g) ?? []).toHaveLength(1); // the guarded VPS_API_TOKEN lookup
      expect(code).toContain(JSON.stringify(pkg.version)); // the version, injected at build time
    }
  });
});

describe('a new TypeScript project using the tarball', () => {
  let project: string;
  let server: TestServer;

  beforeAll(async () => {
    project = join(work, 'consumer');
    await installPacked(artifacts, project, { extra: ['typescript@5.9.3'] });
    await mkdir(join(project, 'src'), { recursive: true });
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
          outDir: 'dist',
        },
        include: ['src'],
      }),
    );
    // Both surfaces; `@ts-expect-error` lines prove the types are real (an `any` would fail them).
    const program = (format: string) => `
declare const process: { env: Record<string, string | undefined> };
const client = createVpsClient({ baseUrl: process.env.VPS_BASE_URL, maxRetries: 0 });

export async function main(): Promise<string> {
  const server: Server = await client.servers.get(12345);
  const list: ServerList = await client.servers.list({ status: 'active' });
  const raw = await client.raw.GET('/servers/{server_id}/', { params: { path: { server_id: 12345 } } });
  const rawName: string | undefined = raw.data?.name;
  let notFound = '';
  try {
    await client.servers.get(404);
  } catch (error) {
    if (error instanceof NotFoundError && error instanceof VpsApiError) notFound = \`\${error.status} \${error.requestId}\`;
  }
  return JSON.stringify({ format: '${format}', name: server.name, count: list.count, rawName, notFound });
}

export function typeErrors() {
  // @ts-expect-error the id is a number
  void client.servers.get('12345');
  // @ts-expect-error plan_id, os_id and location are required
  void client.servers.create({ name: 'web' });
  // @ts-expect-error no such status filter
  void client.servers.list({ status: 'exploded' });
  // @ts-expect-error no such path in the spec
  void client.raw.GET('/nope/');
  // @ts-expect-error a PATCH body needs at least one field (minProperties: 1)
  void client.servers.patch(12345, {});
  // @ts-expect-error a misspelt field is no field of the PATCH body
  void client.servers.patch(12345, { nmae: 'web' });
  void client.servers.patch(12345, { backups_enabled: false });
}
`;
    await writeFile(
      join(project, 'src/esm.mts'),
      `import { createVpsClient, NotFoundError, VpsApiError, type Server, type ServerList } from '@vpsorg/client';\n${program('esm')}\nconsole.log(await main());\n`,
    );
    await writeFile(
      join(project, 'src/cjs.cts'),
      `import { createVpsClient, NotFoundError, VpsApiError, type Server, type ServerList } from '@vpsorg/client';\n${program('cjs')}\nmain().then((line) => console.log(line));\n`,
    );

    server = await startServer((req, res) => {
      if (req.url === '/servers/404/') return json(res, 404, { code: 'not_found', message: 'Server not found.' }, { 'x-request-id': 'req_404' });
      if (req.url?.startsWith('/servers/?')) return json(res, 200, { count: 1, results: [activeServer] });
      json(res, 200, activeServer);
    });
  }, 120_000);

  it('type-checks with full types (and the deliberate mistakes are errors)', async () => {
    const result = await run(join(project, 'node_modules/.bin/tsc'), ['-p', project]).catch((error) => error);
    expect(result.stdout ?? '').toBe('');
    expect(await readdir(join(project, 'dist'))).toEqual(expect.arrayContaining(['esm.mjs', 'cjs.cjs']));
  }, 60_000);

  it.each(['esm.mjs', 'cjs.cjs'])('runs %s against a local server', async (file) => {
    const { stdout } = await run(process.execPath, [join(project, 'dist', file)], {
      env: { ...process.env, VPS_BASE_URL: server.url, VPS_API_TOKEN: 'consumer-token' },
    });
    expect(JSON.parse(stdout)).toEqual({
      format: file.slice(0, 3),
      name: 'web-server-01',
      count: 1,
      rawName: 'web-server-01',
      notFound: '404 req_404',
    });
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer consumer-token');
  });

  it('resolves the ESM build for import and the CommonJS build for require', async () => {
    const esm = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('@vpsorg/client'))"], { cwd: project });
    const cjs = await run(process.execPath, ['-e', "console.log(require.resolve('@vpsorg/client'))"], { cwd: project });
    expect(esm.stdout.trim()).toMatch(/node_modules\/@vpsorg\/client\/dist\/index\.js$/);
    expect(cjs.stdout.trim()).toMatch(/node_modules\/@vpsorg\/client\/dist\/index\.cjs$/);
  });
});
