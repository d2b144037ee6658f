// The packed packages tests install (@vpsorg/toolchain/artifacts), on scratch packages in a scratch
// artifacts folder (so the workspace's own manifest is never touched while other suites read it):
// it packs what would be published, with the workspace packages it depends on, makes them
// installable with npm --offline, repacks only when a source changed (its own or a dependency's),
// and refuses a package that does not say what its tests need.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, prepareArtifacts, testArtifacts } from '../src/artifacts.mjs';
import { repoRoot } from '../src/paths.mjs';

const run = promisify(execFile);
let temp;
let app;
let lib;
const logs = [];
const prepare = (...dirs) => prepareArtifacts(dirs, { log: (line) => logs.push(line) });
const manifest = async () => JSON.parse(await readFile(join(temp, 'artifacts/manifest.json'), 'utf8'));

async function writePackage(dir, manifestJson, files) {
  await mkdir(join(dir, 'test'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(manifestJson, null, 2));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vpsorg-artifacts-'));
  process.env.VPSORG_TEST_ARTIFACTS_DIR = join(temp, 'artifacts');
  // A small pnpm workspace: `app` depends on `lib` by workspace:*, as the CLI does on the client.
  await writeFile(join(temp, 'pnpm-workspace.yaml'), 'packages:\n  - pkgs/*\n');
  await writeFile(join(temp, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  lib = join(temp, 'pkgs/lib');
  app = join(temp, 'pkgs/app');
  await writePackage(lib, { name: '@vpsorg-test/lib', version: '2.0.0', type: 'module', main: 'index.js', files: ['index.js'] }, { 'index.js': 'export const base = 40;\n' });
  await writePackage(
    app,
    { name: '@vpsorg-test/app', version: '1.2.3', type: 'module', main: 'index.js', files: ['index.js'], dependencies: { '@vpsorg-test/lib': 'workspace:*' } },
    { 'index.js': "import { base } from '@vpsorg-test/lib';\nexport const answer = base + 2;\n", 'secret-notes.txt': 'not published\n', 'test/artifacts.json': JSON.stringify({ runtimes: [], install: [] }) },
  );
  // pnpm pack rewrites workspace:* only for an installed workspace (nothing to download here).
  const pnpm = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).packageManager;
  await run('npx', ['--yes', pnpm, 'install', '--offline'], { cwd: temp });
}, 120_000);

afterAll(async () => {
  delete process.env.VPSORG_TEST_ARTIFACTS_DIR;
  await rm(temp, { recursive: true, force: true });
});

describe('prepareArtifacts', () => {
  it('packs the package as published, with the workspace package it depends on by version', async () => {
    await prepare(app);
    const entry = (await manifest()).packages['@vpsorg-test/app'];
    expect(entry).toMatchObject({ version: '1.2.3', dir: app, runtimes: [] });
    expect(entry.tarballs).toHaveLength(2);
    const { stdout: files } = await run('tar', ['-tzf', entry.tarball]);
    expect(files.trim().split('\n').sort()).toEqual(['package/index.js', 'package/package.json']);
    const { stdout: packed } = await run('tar', ['-xOzf', entry.tarball, 'package/package.json']);
    expect(JSON.parse(packed).dependencies).toEqual({ '@vpsorg-test/lib': '2.0.0' });
  });

  it('leaves tarballs npm installs --offline from the prepared cache, in a project and globally', async () => {
    const artifacts = await testArtifacts('@vpsorg-test/app');
    const consumer = join(temp, 'consumer');
    await installPacked(artifacts, consumer);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "import { answer } from '@vpsorg-test/app'; console.log(answer)"], { cwd: consumer });
    expect(stdout.trim()).toBe('42');
    const prefix = join(temp, 'prefix');
    expect(await installPacked(artifacts, prefix, { global: true })).toBe(join(prefix, 'bin'));
    expect((await stat(join(prefix, 'lib/node_modules/@vpsorg-test/app/index.js'))).isFile()).toBe(true);
  });

  it('an install that needs what the cache lacks fails at once, saying so', async () => {
    const artifacts = await testArtifacts('@vpsorg-test/app');
    const error = await installPacked(artifacts, join(temp, 'consumer-2'), { extra: ['left-pad@1.3.0'] }).catch((e) => e);
    expect(error.message).toMatch(/npm install --offline of .* failed \(is the prepared cache complete\? run pnpm test:prepare\)/);
  });

  it('does not repack when nothing changed, and repacks after an edit of a dependency', async () => {
    const before = (await manifest()).packages['@vpsorg-test/app'];
    const packedAt = (await stat(before.tarball)).mtimeMs;
    logs.length = 0;
    await prepare(app);
    expect(logs.filter((line) => /Packing/.test(line))).toEqual([]);
    expect((await stat(before.tarball)).mtimeMs).toBe(packedAt);

    await writeFile(join(lib, 'index.js'), 'export const base = 41;\n');
    await prepare(app);
    expect(logs.filter((line) => /Packing/.test(line))).toEqual([expect.stringContaining('@vpsorg-test/app'), expect.stringContaining('@vpsorg-test/lib')]);
    const after = (await manifest()).packages['@vpsorg-test/app'];
    expect(after.hash).not.toBe(before.hash);
    const consumer = join(temp, 'consumer-3');
    await installPacked(after && (await testArtifacts('@vpsorg-test/app')), consumer);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "import { answer } from '@vpsorg-test/app'; console.log(answer)"], { cwd: consumer });
    expect(stdout.trim()).toBe('43');
  });

  it('refuses a package without test/artifacts.json, naming it', async () => {
    await expect(prepare(lib)).rejects.toThrow(`${lib}: no test/artifacts.json (what its tests need)`);
  });
});
