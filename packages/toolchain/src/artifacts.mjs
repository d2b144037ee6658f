// The packed packages the tests install, made BEFORE any suite runs, so no test reaches a package
// registry while it runs (a registry round trip inside a test hook is what made the suite flaky),
// and the one way tests install them. What a package's tests need is its `test/artifacts.json`:
//   { "runtimes": ["node-22", "bun"], "install": ["typescript@5.9.3"] }
// For each such package this:
//   - packs it as it would be published (`pnpm pack`, running its prepack build), and with it every
//     workspace package it depends on (pnpm rewrites `workspace:*` to their versions, which no
//     registry has: the tests install those tarballs together);
//   - fills a private npm cache with everything installing those tarballs (and `install`) needs,
//     by one online install into a scratch project per Node major (npm's choice of versions follows
//     `engines`), so tests install with `npm install --offline`;
//   - installs the runtimes its tests run on (./runtimes.mjs);
// and records it all in .artifacts/test/manifest.json. A package is repacked only when the sources
// of it or of a workspace package it depends on changed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { withLock } from './lock.mjs';
import { repoRoot } from './paths.mjs';
import { ensureRuntime } from './runtimes.mjs';

const run = promisify(execFile);

// VPSORG_TEST_ARTIFACTS_DIR: somewhere else (the toolchain's own tests use a scratch folder).
export const artifactsDir = () => process.env.VPSORG_TEST_ARTIFACTS_DIR || join(repoRoot, '.artifacts/test');
export const artifactsManifestPath = () => join(artifactsDir(), 'manifest.json');
// Not part of what gets published, or made by the build: they do not change the tarball.
const NOT_SOURCES = new Set(['node_modules', 'dist', 'test', 'tests', 'bench', '.turbo', '.artifacts', 'coverage', '.venv']);

async function readJson(file, fallback) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT' && fallback !== undefined) return fallback;
    throw new Error(`Cannot read ${relative(repoRoot, file) || file}: ${error.message}`);
  }
}

/** A hash of the package's source files (everything its pack is made from). */
async function sourceHash(dir) {
  const hash = createHash('sha256');
  const walk = async (sub) => {
    const entries = (await readdir(join(dir, sub), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (sub === '' && NOT_SOURCES.has(entry.name)) continue;
      if (entry.name === 'node_modules' || entry.name === '__pycache__') continue;
      const path = join(sub, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) hash.update(`${path}\0`).update(await readFile(join(dir, path))).update('\0');
    }
  };
  await walk('');
  return hash.digest('hex');
}

/** The workspace packages by name: packages/* of the repository, and the siblings of `near`. */
async function workspacePackages(near) {
  const byName = new Map();
  for (const parent of [join(repoRoot, 'packages'), dirname(near)]) {
    for (const entry of await readdir(parent, { withFileTypes: true }).catch(() => [])) {
      const dir = join(parent, entry.name);
      if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
      const { name } = await readJson(join(dir, 'package.json'));
      if (name && !byName.has(name)) byName.set(name, dir);
    }
  }
  return byName;
}

/** The package and every workspace package its published dependencies reach, itself first. */
async function workspaceClosure(dir) {
  const packages = await workspacePackages(dir);
  const closure = [];
  const queue = [resolve(dir)];
  while (queue.length) {
    const next = /** @type {string} */ (queue.shift());
    if (closure.includes(next)) continue;
    closure.push(next);
    const pkg = await readJson(join(next, 'package.json'));
    for (const [name, spec] of Object.entries(pkg.dependencies ?? {})) {
      if (!String(spec).startsWith('workspace:')) continue;
      const found = packages.get(name);
      if (!found) throw new Error(`${pkg.name} depends on ${name} (${spec}), which is not a workspace package`);
      queue.push(found);
    }
  }
  return closure;
}

/** pnpm: the one running us when a package script started us, else the version the repository pins. */
function pnpm(args, options) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(basename(execpath)) && /\.c?js$/.test(execpath)) return run(process.execPath, [execpath, ...args], options);
  const pinned = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).packageManager ?? 'pnpm@10';
  return run('npx', ['--yes', pinned, ...args], options);
}

async function pack(dir, packs, log) {
  const { name } = await readJson(join(dir, 'package.json'));
  log(`Packing ${name} (${relative(repoRoot, dir) || dir}) ...`);
  try {
    const { stdout } = await pnpm(['pack', '--pack-destination', packs], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return resolve(dir, String(stdout).trim().split('\n').pop()?.trim() ?? '');
  } catch (error) {
    throw new Error(`pnpm pack of ${name} failed:\n${error.stderr || error.stdout || error.message}`);
  }
}

async function preparePackage(dir, previous, packed, log) {
  const pkg = await readJson(join(dir, 'package.json'));
  const needs = await readJson(join(dir, 'test/artifacts.json'));
  const closure = await workspaceClosure(dir);
  // What the tests install is part of the hash: a new extra package needs a new warm-up.
  const hash = createHash('sha256');
  for (const member of closure) hash.update(`${member}\0${await sourceHash(member)}\0`);
  hash.update(JSON.stringify(needs.install ?? []));
  const digest = hash.digest('hex');
  const base = { name: pkg.name, version: pkg.version, dir, runtimes: needs.runtimes ?? [], install: needs.install ?? [] };
  // npm picks the versions whose `engines` suit the Node it runs on (prism-core 5.16 on Node 24 with a
  // dependency 5.12 on Node 20 lacks): the cache is warmed for each Node major the tests run on.
  const nodeMajor = process.versions.node.split('.')[0];
  const packedBefore = previous?.hash === digest && previous.tarballs?.every((t) => existsSync(t));
  if (packedBefore && previous.warmedFor?.includes(nodeMajor) && existsSync(previous.warmed)) {
    return { ...previous, ...base };
  }
  const tarballs = packedBefore ? previous.tarballs : [];
  if (!packedBefore) {
    const packs = join(artifactsDir(), 'packs');
    await mkdir(packs, { recursive: true });
    for (const member of closure) {
      if (!packed.has(member)) packed.set(member, await pack(member, packs, log));
      tarballs.push(/** @type {string} */ (packed.get(member)));
    }
  }
  // Install them once, online, into a scratch project: that puts every third-party dependency into
  // the cache the tests install from offline.
  const warmed = join(artifactsDir(), 'warm', `${pkg.name.replace(/^@/, '').replace('/', '-')}-node${nodeMajor}`);
  await rm(warmed, { recursive: true, force: true });
  await mkdir(warmed, { recursive: true });
  await writeFile(join(warmed, 'package.json'), JSON.stringify({ name: 'warm', private: true }) + '\n');
  log(`Caching what installing ${tarballs.map((t) => basename(t)).join(' + ')} needs on Node ${nodeMajor}${needs.install?.length ? ` (and ${needs.install.join(', ')})` : ''} ...`);
  try {
    const args = ['install', '--cache', npmCache(), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `--node-version=${process.version}`];
    await run('npm', [...args, ...tarballs, ...(needs.install ?? [])], {
      cwd: warmed,
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`Installing ${basename(tarballs[0] ?? '')} into ${warmed} failed:\n${error.stderr || error.message}`);
  }
  const warmedFor = [...new Set([...(packedBefore ? (previous.warmedFor ?? []) : []), nodeMajor])];
  return { ...base, hash: digest, tarball: tarballs[0], tarballs, warmed, warmedFor };
}

const npmCache = () => join(artifactsDir(), 'npm-cache');

/** Packages under packages/ that are published and declare test artifacts. */
export async function packagesWithArtifacts() {
  const dirs = [];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    const dir = join(repoRoot, 'packages', entry.name);
    if (!entry.isDirectory() || !existsSync(join(dir, 'test/artifacts.json'))) continue;
    const pkg = await readJson(join(dir, 'package.json'));
    if (!pkg.private) dirs.push(dir);
  }
  return dirs;
}

/**
 * Prepares the given package directories; resolves with the manifest (also written to disk).
 * Two suites preparing at once take turns.
 * @param {string[]} dirs @param {{ log?: (line: string) => void }} [options]
 */
export async function prepareArtifacts(dirs, { log = (line) => console.log(line) } = {}) {
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'package.json'))) throw new Error(`${dir}: no package.json there`);
    if (!existsSync(join(dir, 'test/artifacts.json'))) throw new Error(`${dir}: no test/artifacts.json (what its tests need)`);
  }
  await mkdir(artifactsDir(), { recursive: true });
  return withLock(join(artifactsDir(), '.lock'), async () => {
    const previous = await readJson(artifactsManifestPath(), { packages: {}, runtimes: {} });
    const manifest = { npmCache: npmCache(), packages: { ...previous.packages }, runtimes: { ...previous.runtimes } };
    const packed = new Map();
    const wanted = new Set();
    for (const dir of dirs.map((d) => resolve(d))) {
      const name = (await readJson(join(dir, 'package.json'))).name;
      const entry = await preparePackage(dir, previous.packages[name], packed, log);
      manifest.packages[entry.name] = entry;
      for (const runtime of entry.runtimes) wanted.add(runtime);
    }
    for (const name of wanted) {
      const runtime = await ensureRuntime(name, { log });
      manifest.runtimes[name] = { bin: runtime.bin, version: runtime.version };
    }
    // Written whole, then renamed: a test never reads half a manifest.
    await writeFile(`${artifactsManifestPath()}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
    await rename(`${artifactsManifestPath()}.tmp`, artifactsManifestPath());
    return manifest;
  });
}

/**
 * What the tests of package `name` install: { name, version, tarball, tarballs, npmCache, runtimes }
 * (`runtimes`: name -> { bin, version }). Prepares it first when `dir` is given (a no-op when
 * nothing changed), so a suite run alone works too.
 * @param {string} name @param {{ dir?: string, log?: (line: string) => void }} [options]
 */
export async function testArtifacts(name, { dir, log = () => {} } = {}) {
  const manifest = dir ? await prepareArtifacts([dir], { log }) : await readJson(artifactsManifestPath(), null);
  const entry = manifest?.packages?.[name];
  if (!entry) throw new Error(`${name} has no test artifacts: run pnpm test:prepare first`);
  const runtimes = Object.fromEntries(entry.runtimes.map((runtime) => [runtime, manifest.runtimes[runtime]]));
  return { name, version: entry.version, tarball: entry.tarball, tarballs: entry.tarballs, npmCache: manifest.npmCache, runtimes };
}

/**
 * Installs the packed package (with the workspace packages it needs, and `extra` packages the
 * cache holds) as a user would, but `--offline`: a missing package fails at once instead of
 * reaching a registry. Into a new project at `dir`, or with `global` into the prefix `dir`
 * (`npm install -g --prefix`); resolves with the folder of its installed binaries.
 * @param {{ tarballs: string[], npmCache: string }} artifacts @param {string} dir
 * @param {{ extra?: string[], global?: boolean }} [options]
 */
export async function installPacked(artifacts, dir, { extra = [], global = false } = {}) {
  await mkdir(dir, { recursive: true });
  const args = ['install', '--offline', '--cache', artifacts.npmCache, '--no-audit', '--no-fund', '--loglevel=error', `--node-version=${process.version}`];
  if (global) args.push('-g', '--prefix', dir);
  else await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  try {
    await run('npm', [...args, ...artifacts.tarballs, ...extra], { cwd: dir, timeout: 180_000 });
  } catch (error) {
    throw new Error(`npm install --offline of ${artifacts.tarballs.map((t) => basename(t)).join(', ')} failed (is the prepared cache complete? run pnpm test:prepare):\n${error.stderr || error.message}`);
  }
  return global ? join(dir, 'bin') : join(dir, 'node_modules/.bin');
}
