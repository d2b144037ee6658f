// `pnpm release` for real, up to a registry: in a throwaway copy of the repository, pack every
// publishable package, publish the tarballs to a throwaway Verdaccio on 127.0.0.1 (no uplinks,
// storage in a temp dir, stopped after), then install them by name@version into a scratch project
// and run an example there against the mock. Verdaccio reaches nothing: the packages' dependencies
// (openapi-fetch, ...) are seeded into it from the copies already installed on this machine.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { access, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { startMock, freePort } from '@vpsorg/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishablePackages } from '../lib/release/packages.mjs';
import { makeTempDir } from './helpers.mjs';
import { makeRepoCopy, pnpm, sh } from './repo-copy.mjs';

const verdaccioBin = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');
/** The packages the scratch projects below install from the registry. */
const INSTALLED = ['@vpsorg/client', '@vpsorg/cli'];
let copy;
let work;
let registry;
let verdaccio;
let npmrc;
let manifest;
let mock;

const npm = (cwd, args) => sh(cwd, 'npm', [...args, '--userconfig', npmrc, '--cache', join(work.dir, 'npm-cache'), '--no-audit', '--no-fund', '--loglevel=error']);

/** Where `name` resolves from `dir`, as Node would (walking up through node_modules folders). */
async function resolvePackageDir(dir, name) {
  for (let at = dir; at !== dirname(at); at = dirname(at)) {
    if (basename(at) === 'node_modules') continue;
    const candidate = join(at, 'node_modules', name);
    if (await access(join(candidate, 'package.json')).then(() => true, () => false)) return realpath(candidate);
  }
  throw new Error(`${name} is not installed where ${dir} can see it`);
}

/** The installed third-party packages the publishable packages need at run time, transitively. */
async function dependencyClosure(packages, workspaceNames) {
  const found = new Map(); // name@version → dir
  const visit = async (dir) => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (workspaceNames.has(name)) continue;
      const depDir = await resolvePackageDir(dir, name);
      const dep = JSON.parse(await readFile(join(depDir, 'package.json'), 'utf8'));
      const id = `${dep.name}@${dep.version}`;
      if (found.has(id)) continue;
      found.set(id, depDir);
      await visit(depDir);
    }
  };
  for (const p of packages) await visit(p.dir);
  return found;
}

async function waitForRegistry(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}`);
    const ok = await fetch(`${url}-/ping`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('verdaccio did not answer within 60 s');
}

beforeAll(async () => {
  work = await makeTempDir('vpsorg-registry-');
  copy = await makeRepoCopy();

  // 1. pnpm release, without applying versions (the copy has no pending changesets anyway).
  const out = join(work.dir, 'tarballs');
  const release = await pnpm(copy.dir, ['run', '--silent', 'release', '--no-version', '--out', out]);
  if (release.code !== 0) throw new Error(`pnpm release failed:\n${release.stdout}\n${release.stderr}`);
  manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));

  // 2. A throwaway registry on loopback.
  const port = await freePort('127.0.0.1');
  registry = `http://127.0.0.1:${port}/`;
  const config = join(work.dir, 'verdaccio.yaml');
  await writeFile(
    config,
    [
      `storage: ${join(work.dir, 'storage')}`,
      'auth:',
      `  htpasswd: { file: ${join(work.dir, 'htpasswd')}, max_users: 10 }`,
      'uplinks: {}',
      'packages:',
      "  '**': { access: $all, publish: $authenticated, unpublish: $authenticated }",
      'web: { enable: false }',
      'publish: { allow_offline: true }',
      'log: { type: stdout, format: json, level: error }',
      '',
    ].join('\n'),
  );
  verdaccio = spawn(process.execPath, [verdaccioBin, '--config', config, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  verdaccio.stdout.on('data', (d) => (log += d));
  verdaccio.stderr.on('data', (d) => (log += d));
  await waitForRegistry(registry, verdaccio).catch((error) => {
    throw new Error(`${error.message}\n${log}`);
  });
  const user = await fetch(`${registry}-/user/org.couchdb.user:release-test`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-test', password: 'release-test-password' }),
  }).then((r) => r.json());
  if (!user.token) throw new Error(`could not add a registry user: ${JSON.stringify(user)}`);
  npmrc = join(work.dir, '.npmrc');
  await writeFile(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${user.token}\n`);

  // 3. Seed the dependencies of what the scratch projects install (the client and the CLI; the
  //    mock's install, with Prism's hundreds of packages, is packages/mock/test/package.test.js's)
  //    from this machine's installed copies, then publish every package.
  const packages = await publishablePackages(copy.dir);
  const installed = packages.filter((p) => INSTALLED.includes(p.name));
  const seeds = await dependencyClosure(installed, new Set(packages.map((p) => p.name)));
  const seedDir = join(work.dir, 'seed');
  await mkdir(seedDir);
  for (const [id, dir] of seeds) {
    const packed = await npm(seedDir, ['pack', dir, '--ignore-scripts', '--pack-destination', seedDir]);
    if (packed.code !== 0) throw new Error(`npm pack ${id} failed: ${packed.stderr}`);
    const tgz = join(seedDir, packed.stdout.trim().split('\n').pop());
    const published = await npm(seedDir, ['publish', tgz, '--ignore-scripts', '--registry', registry]);
    if (published.code !== 0) throw new Error(`seeding ${id} failed: ${published.stderr}`);
  }
  for (const { name, tarball } of manifest) {
    const published = await npm(work.dir, ['publish', tarball, '--ignore-scripts', '--access', 'public', '--registry', registry]);
    if (published.code !== 0) throw new Error(`npm publish ${name} failed: ${published.stderr}`);
  }
  mock = await startMock();
}, 300_000);

afterAll(async () => {
  await mock?.stop();
  if (verdaccio && verdaccio.exitCode === null) {
    process.kill(-verdaccio.pid, 'SIGTERM');
    await once(verdaccio, 'exit');
  }
  await copy?.remove();
  await work?.remove();
});

describe('publishing to a throwaway registry', () => {
  it('pnpm release packed every publishable package, linted', async () => {
    const names = (await publishablePackages(copy.dir)).map((p) => p.name);
    expect(manifest.map((m) => m.name)).toEqual(names);
    expect(names).toContain('@vpsorg/client');
  });

  it('the registry serves what was published, at the released versions', async () => {
    for (const { name, version } of manifest) {
      const r = await fetch(`${registry}${name.replace('/', '%2f')}`);
      expect(r.status, name).toBe(200);
      const doc = await r.json();
      expect(doc['dist-tags'].latest).toBe(version);
    }
  });

  it('a scratch project installs @vpsorg/client by name@version and runs an example against the mock', async () => {
    const client = manifest.find((m) => m.name === '@vpsorg/client');
    const project = join(work.dir, 'scratch-client');
    await mkdir(join(project, 'src'), { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    const installed = await npm(project, ['install', `${client.name}@${client.version}`, '--registry', registry]);
    expect(installed.code, installed.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/@vpsorg/client'].version).toBe(client.version);
    expect(Object.keys(lock.packages)).toContain('node_modules/openapi-fetch'); // seeded, not fetched
    for (const [path, entry] of Object.entries(lock.packages).filter(([p]) => p)) {
      if (entry.resolved) expect(entry.resolved, path).toMatch(/^http:\/\/127\.0\.0\.1:/); // nothing from elsewhere
    }
    // The example, compiled against the installed package's own types.
    for (const file of ['list-servers.ts', 'status.ts']) {
      await writeFile(join(project, 'src', file), await readFile(join(copy.dir, 'examples/src', file), 'utf8'));
    }
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist', types: ['node'], typeRoots: [join(copy.dir, 'node_modules/@types')], skipLibCheck: true },
        include: ['src'],
      }),
    );
    const tsc = createRequire(join(copy.dir, 'package.json')).resolve('typescript/bin/tsc');
    const built = await sh(project, process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect(built.code, built.stdout).toBe(0);
    const ran = await sh(project, process.execPath, ['dist/list-servers.js', 'us-west'], { VPS_API_TOKEN: 'registry-test-token', VPS_BASE_URL: mock.url });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^\d+ server\(s\) in the account$/m);
    expect(ran.stdout).toMatch(/#\d+ \S+ \(us-\w+\): running/);
  });

  it('a scratch project installs @vpsorg/cli by name@version and its vps command lists servers', async () => {
    const cli = manifest.find((m) => m.name === '@vpsorg/cli');
    if (!cli) throw new Error('@vpsorg/cli was not released: packages/cli does not exist yet (issue 13 is not merged into this branch).');
    const project = join(work.dir, 'scratch-cli');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'scratch-cli', private: true }));
    const installed = await npm(project, ['install', `${cli.name}@${cli.version}`, '--registry', registry]);
    expect(installed.code, installed.stderr).toBe(0);
    const ran = await sh(project, join(project, 'node_modules/.bin/vps'), ['servers', 'list', '-o', 'json'], { VPS_API_TOKEN: 'registry-test-token', VPS_BASE_URL: mock.url });
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout).count).toBeGreaterThan(0);
  });
});
