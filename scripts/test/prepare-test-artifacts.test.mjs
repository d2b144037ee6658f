// scripts/prepare-test-artifacts.mjs on a scratch package (in a scratch artifacts folder, so the
// workspace's own manifest is never touched while other suites read it): it packs what would be
// published, makes the tarball installable with npm --offline, repacks only when a source changed,
// and refuses a package that does not say what its tests need.
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.mjs';
import { makeTempDir } from './helpers.mjs';

const run = promisify(execFile);
const script = join(repoRoot, 'scripts/prepare-test-artifacts.mjs');
let temp;
let pkgDir;
let artifacts;

const prepare = (...args) =>
  run(process.execPath, [script, ...args], { env: { ...process.env, VPSORG_TEST_ARTIFACTS_DIR: artifacts } });
const manifest = async () => JSON.parse(await readFile(join(artifacts, 'manifest.json'), 'utf8'));

beforeAll(async () => {
  temp = await makeTempDir('vpsorg-prepare-');
  artifacts = join(temp.dir, 'artifacts');
  pkgDir = join(temp.dir, 'fake');
  await mkdir(join(pkgDir, 'test'), { recursive: true });
  await writeFile(
    join(pkgDir, 'package.json'),
    JSON.stringify({ name: '@vpsorg-test/fake', version: '1.2.3', type: 'module', main: 'index.js', files: ['index.js'] }),
  );
  await writeFile(join(pkgDir, 'index.js'), 'export const answer = 42;\n');
  await writeFile(join(pkgDir, 'secret-notes.txt'), 'not published\n');
  await writeFile(join(pkgDir, 'test/artifacts.json'), JSON.stringify({ runtimes: [], install: [] }));
});

afterAll(() => temp?.remove());

describe('prepare-test-artifacts', () => {
  it('packs the package as published and records it in the manifest', async () => {
    const { stdout } = await prepare('--package', pkgDir);
    expect(stdout).toMatch(/Test artifacts ready in [\d.]+ s: @vpsorg-test\/fake/);
    const entry = (await manifest()).packages['@vpsorg-test/fake'];
    expect(entry).toMatchObject({ version: '1.2.3', dir: pkgDir, runtimes: [] });
    const { stdout: files } = await run('tar', ['-tzf', entry.tarball]);
    expect(files.trim().split('\n').sort()).toEqual(['package/index.js', 'package/package.json']);
  });

  it('leaves a tarball npm installs --offline from the prepared cache', async () => {
    const { packages, npmCache } = await manifest();
    const consumer = join(temp.dir, 'consumer');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--offline', '--cache', npmCache, '--no-audit', '--no-fund', packages['@vpsorg-test/fake'].tarball], { cwd: consumer });
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "import { answer } from '@vpsorg-test/fake'; console.log(answer)"], { cwd: consumer });
    expect(stdout.trim()).toBe('42');
  });

  it('does not repack when nothing changed, and repacks after a source edit', async () => {
    const before = (await manifest()).packages['@vpsorg-test/fake'];
    const packedAt = (await stat(before.tarball)).mtimeMs;
    const { stdout: again } = await prepare('--package', pkgDir);
    expect(again).not.toMatch(/Packing/);
    expect((await stat(before.tarball)).mtimeMs).toBe(packedAt);

    await writeFile(join(pkgDir, 'index.js'), 'export const answer = 43;\n');
    const { stdout: edited } = await prepare('--package', pkgDir);
    expect(edited).toMatch(/Packing @vpsorg-test\/fake/);
    const after = (await manifest()).packages['@vpsorg-test/fake'];
    expect(after.hash).not.toBe(before.hash);
    const { stdout: code } = await run('tar', ['-xOzf', after.tarball, 'package/index.js']);
    expect(code).toContain('43');
  });

  it('refuses a package without test/artifacts.json, naming it', async () => {
    const bare = join(temp.dir, 'bare');
    await mkdir(bare);
    await writeFile(join(bare, 'package.json'), JSON.stringify({ name: 'bare', version: '0.0.1' }));
    const error = await prepare('--package', bare).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toContain(`--package ${bare}: no test/artifacts.json`);
  });
});
