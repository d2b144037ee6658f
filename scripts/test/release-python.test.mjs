// `pnpm release` of the Python SDK for real, up to a Python index: in a throwaway copy of the
// repository, a changeset for vpsorg → `pnpm release --python-index URL` (changeset version, the
// build that regenerates _version.py, twine check --strict, twine upload) to a throwaway pypiserver on
// 127.0.0.1 (free port, no fallback to PyPI, packages in a temp dir, stopped after); then
// `vpsorg==<version>` installed by name from it into a new virtual environment. Its dependencies
// (httpx, pydantic) come from uv's cache as uv.lock pins them (what the set-up downloaded): nothing
// reaches a public index.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@vpsorg/mock';
import { python, pythonEnvs, uvBinary } from '@vpsorg/toolchain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.mjs';
import { makeTempDir } from './helpers.mjs';
import { commitAll, makeRepoCopy, sh } from './repo-copy.mjs';
import { pnpmCommand } from '../lib/release/pnpm.mjs';

const FAMILY = 'release-python test';
const NEXT = '0.2.0'; // 0.1.0 + the minor changeset below
let copy;
let work;
let index; // { url, child, log() }
let release; // pnpm release's { code, stdout, stderr }
let pythonManifest;
let venvPython;

const readJson = async (file) => JSON.parse(await readFile(file, 'utf8'));
const sha256 = async (file) => createHash('sha256').update(await readFile(file)).digest('hex');
/** Environment for uv and python with no UV_/PIP_ settings of the caller (an index URL there would be used). */
const cleanEnv = (extra = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(UV_|PIP_|VIRTUAL_ENV|PYTHON)/.test(k))),
  UV_PYTHON_DOWNLOADS: 'never',
  UV_NO_PROGRESS: '1',
  UV_NO_CONFIG: '1',
  ...extra,
});

/** pypiserver on 127.0.0.1: uploads without authentication (a throwaway), never a redirect to PyPI. */
async function startIndex(dir) {
  await mkdir(dir, { recursive: true });
  const port = await freePort('127.0.0.1');
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(python(FAMILY), ['-m', 'pypiserver', 'run', '-v', '-i', '127.0.0.1', '-p', String(port), '-a', '.', '-P', '.', '--disable-fallback', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: cleanEnv(),
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = once(child, 'exit');
  // Ready when it answers; a process that exits first is the failure (no deadline of our own:
  // the hook's timeout bounds a server that never answers).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pypiserver exited with ${child.exitCode}:\n${log}`);
    if (await fetch(`${url}health`).then((r) => r.ok, () => false)) break;
    await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
  }
  return { url, child, exited, log: () => log };
}

async function stopIndex(server) {
  if (!server || server.child.exitCode !== null) return;
  process.kill(-server.child.pid, 'SIGTERM');
  await server.exited;
}

beforeAll(async () => {
  work = await makeTempDir('vpsorg-pyindex-');
  index = await startIndex(join(work.dir, 'packages'));
  copy = await makeRepoCopy();
  await writeFile(join(copy.dir, '.changeset/vpsorg-release-test.md'), '---\n"@vpsorg/client-python": minor\n---\n\nRelease test: a new minor version of vpsorg.\n');
  await commitAll(copy.dir, 'a changeset for vpsorg');

  // pnpm release with the version step: changeset version, build, check, upload.
  release = await sh(copy.dir, ...pnpmCommand(['run', '--silent', 'release', '--out', join(work.dir, 'out'), '--python-index', index.url]), {
    TWINE_USERNAME: 'release-test',
    TWINE_PASSWORD: 'release-test-password',
  });
  if (release.code !== 0) throw new Error(`pnpm release failed:\n${release.stdout}\n${release.stderr}`);
  pythonManifest = await readJson(join(work.dir, 'out/python-manifest.json'));
}, 600_000);

afterAll(async () => {
  await stopIndex(index);
  await copy?.remove();
  await work?.remove();
});

describe('releasing vpsorg to a throwaway Python index', () => {
  it('changesets versioned vpsorg alone: its package.json, changelog and generated version, no other package', async () => {
    expect((await readJson(join(copy.dir, 'packages/client-python/package.json'))).version).toBe(NEXT);
    expect(await readFile(join(copy.dir, 'packages/client-python/src/vpsorg/_generated/_version.py'), 'utf8')).toContain(`__version__ = "${NEXT}"`);
    const changelog = await readFile(join(copy.dir, 'packages/client-python/CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`## ${NEXT.replaceAll('.', '\\.')}\\s+### Minor Changes`));
    expect(changelog).toContain('Release test: a new minor version of vpsorg.');
    // What the release changed in the copy: vpsorg's files only (the other private packages are
    // ignored by changesets, the npm packages had no changeset).
    const status = await sh(copy.dir, 'git', ['status', '--porcelain', '--untracked-files=all']);
    const changed = status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(changed).toEqual([
      '.changeset/vpsorg-release-test.md',
      'packages/client-python/CHANGELOG.md',
      'packages/client-python/package.json',
      'packages/client-python/src/vpsorg/_generated/_version.py',
    ]);
    expect((await readJson(join(copy.dir, 'packages/client/package.json'))).version).toBe('0.1.0');
  });

  it('the wheel and the sdist carry that version in their metadata, and passed twine check --strict', async () => {
    expect(release.stdout).toContain('twine check --strict');
    const [entry, ...more] = pythonManifest;
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ name: '@vpsorg/client-python', distribution: 'vpsorg', version: NEXT, uploadedTo: index.url });
    const [wheel, sdist] = entry.files;
    expect(wheel).toMatch(new RegExp(`/vpsorg-${NEXT}-py3-none-any\\.whl$`));
    expect(sdist).toMatch(new RegExp(`/vpsorg-${NEXT}\\.tar\\.gz$`));
    const read = await sh(work.dir, python(FAMILY), [
      '-c',
      [
        'import sys, tarfile, zipfile',
        'w = zipfile.ZipFile(sys.argv[1])',
        'print(w.read(next(n for n in w.namelist() if n.endswith(".dist-info/METADATA"))).decode())',
        't = tarfile.open(sys.argv[2])',
        'print(t.extractfile(next(m for m in t.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))).read().decode())',
      ].join('\n'),
      wheel,
      sdist,
    ]);
    expect(read.code, read.stderr).toBe(0);
    const versions = [...read.stdout.matchAll(/^Version: (.+)$/gm)].map((m) => m[1]);
    expect(versions).toEqual([NEXT, NEXT]);
    expect(read.stdout).toMatch(/^Name: vpsorg$/m);
    expect(release.stdout).toContain(`Uploaded to ${index.url}: vpsorg==${NEXT}`);
  });

  it('the index serves both files, byte for byte what was built', async () => {
    const page = await fetch(`${index.url}simple/vpsorg/`).then((r) => r.text());
    for (const file of pythonManifest[0].files) {
      const name = file.split('/').pop();
      expect(page, name).toContain(`${name}#sha256=${await sha256(file)}`);
    }
    expect((await fetch(`${index.url}simple/httpx/`)).status).toBe(404); // no fallback to PyPI
  });

  it('a new virtual environment installs vpsorg==<version> by name from the index, and imports that version', async () => {
    const venv = join(work.dir, 'venv');
    const base = (pythonEnvs().find((e) => e.default) ?? pythonEnvs()[0]).base;
    // The dependencies as uv.lock pins them, offline from uv's cache...
    const deps = await sh(copy.dir, uvBinary, ['sync', '--frozen', '--offline', '--quiet', '--package', 'vpsorg', '--no-dev', '--no-install-workspace', '--python', base], cleanEnv({ UV_PROJECT_ENVIRONMENT: venv }));
    expect(deps.code, deps.stderr).toBe(0);
    venvPython = join(venv, 'bin/python');
    const before = await sh(work.dir, venvPython, ['-c', 'import importlib.util as u; print(u.find_spec("vpsorg"))']);
    expect(before.stdout.trim()).toBe('None');
    // ...then vpsorg by name and version from the throwaway index, the only index uv is given.
    const install = await sh(work.dir, uvBinary, ['pip', 'install', '--python', venvPython, '--index-url', `${index.url}simple/`, `vpsorg==${NEXT}`], cleanEnv());
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).toContain(`+ vpsorg==${NEXT}`);
    expect(index.log()).toContain(`/packages/vpsorg-${NEXT}-py3-none-any.whl`); // fetched from the index
    const check = await sh(work.dir, uvBinary, ['pip', 'check', '--python', venvPython], cleanEnv());
    expect(check.code, check.stdout + check.stderr).toBe(0); // httpx and pydantic as the wheel requires

    const ran = await sh(work.dir, venvPython, ['-c', 'import vpsorg; print(vpsorg.__version__); print(vpsorg.__file__); print(vpsorg.VpsClient.__name__)']);
    expect(ran.code, ran.stderr).toBe(0);
    const [version, file, client] = ran.stdout.trim().split('\n');
    expect(version).toBe(NEXT);
    expect(file.startsWith(join(venv, 'lib'))).toBe(true); // the installed copy, not a source tree
    expect(client).toBe('VpsClient');
    expect(file.startsWith(repoRoot)).toBe(false);
  });
});
