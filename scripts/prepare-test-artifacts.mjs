#!/usr/bin/env node
// Prepares, BEFORE any test suite runs, everything the tests install, so that no test reaches a
// package registry while it runs (a registry round trip inside a test hook is what made the suite
// flaky):
//   - the toolchain (@vpsorg/toolchain): finds curl, php and Chromium, makes the project's Python
//     environments from uv.lock (.venv; under CI also one per other CPython >= 3.11 the machine
//     has, VPSORG_ALL_PYTHONS=1 asks for them too) and records it all for the tests;
//   - packs each package as it would be published (`pnpm pack`, running its prepack build);
//   - fills a private npm cache with everything needed to install that tarball (plus the extra
//     packages its tests name), so tests install it with `npm install --offline`;
//   - installs the runtimes its tests run on (Node lines, Bun, Deno) from the npm registry into a
//     cache outside the repository (scripts/lib/runtimes.mjs), reused across runs and clones.
// What a package's tests need is declared in its `test/artifacts.json`:
//   { "runtimes": ["node-22", "bun"], "install": ["typescript@5.9.3"] }
// and the result is written to .artifacts/test/manifest.json, which the packages' tests read.
// Fast when nothing changed: a package is repacked only when the hash of its sources changed.
//
// Usage: node scripts/prepare-test-artifacts.mjs [--package DIR]...
//   (default: every package under packages/ that is not private and has a test/artifacts.json)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { setup as setupToolchain } from '@vpsorg/toolchain';
import { repoRoot } from './lib/paths.mjs';
import { ensureRuntime } from './lib/runtimes.mjs';

const run = promisify(execFile);

// VPSORG_TEST_ARTIFACTS_DIR: somewhere else (this script's own tests use a scratch folder).
export const artifactsDir = process.env.VPSORG_TEST_ARTIFACTS_DIR || join(repoRoot, '.artifacts/test');
export const manifestPath = join(artifactsDir, 'manifest.json');
const npmCache = join(artifactsDir, 'npm-cache');
// Not part of what gets published, or made by the build: they do not change the tarball.
const NOT_SOURCES = new Set(['node_modules', 'dist', 'test', 'bench', '.turbo', '.artifacts', 'coverage']);

/** A hash of the package's source files (everything its pack is made from). */
async function sourceHash(dir) {
  const hash = createHash('sha256');
  const walk = async (sub) => {
    const entries = (await readdir(join(dir, sub), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (NOT_SOURCES.has(entry.name) && sub === '') continue;
      if (entry.name === 'node_modules') continue;
      const path = join(sub, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) hash.update(`${path}\0`).update(await readFile(join(dir, path))).update('\0');
    }
  };
  await walk('');
  return hash.digest('hex');
}

async function readJson(file, fallback) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT' && fallback !== undefined) return fallback;
    throw new Error(`Cannot read ${relative(repoRoot, file)}: ${error.message}`);
  }
}

/** Packages under packages/ that are published and declare test artifacts. */
async function defaultPackages() {
  const dirs = [];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    const dir = join(repoRoot, 'packages', entry.name);
    if (!entry.isDirectory() || !existsSync(join(dir, 'test/artifacts.json'))) continue;
    const pkg = await readJson(join(dir, 'package.json'));
    if (!pkg.private) dirs.push(dir);
  }
  return dirs;
}

/** pnpm: the one running us when we run under pnpm, else the one on the PATH. */
function pnpm(args, options) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(basename(execpath)) && /\.c?js$/.test(execpath)) {
    return run(process.execPath, [execpath, ...args], options);
  }
  return run('pnpm', args, options);
}

async function packPackage(dir, previous, log) {
  const pkg = await readJson(join(dir, 'package.json'));
  const needs = await readJson(join(dir, 'test/artifacts.json'));
  // What the tests install is part of the hash: a new extra package needs a new warm-up.
  const hash = createHash('sha256').update(await sourceHash(dir)).update(JSON.stringify(needs.install ?? [])).digest('hex');
  const name = pkg.name;
  if (previous?.hash === hash && existsSync(previous.tarball) && existsSync(previous.warmed)) {
    return { ...previous, runtimes: needs.runtimes ?? [], install: needs.install ?? [] };
  }
  const packs = join(artifactsDir, 'packs');
  await mkdir(packs, { recursive: true });
  log(`Packing ${name} (${relative(repoRoot, dir)}) ...`);
  let stdout;
  try {
    ({ stdout } = await pnpm(['pack', '--pack-destination', packs], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    throw new Error(`pnpm pack of ${name} failed:\n${error.stderr || error.stdout || error.message}`);
  }
  const tarball = resolve(dir, stdout.trim().split('\n').pop().trim());
  // Install it once, online, into a scratch project: that puts every dependency into the cache the
  // tests install from offline. The lock file written here is kept, so the tests resolve the same.
  const warmed = join(artifactsDir, 'warm', name.replace(/^@/, '').replace('/', '-'));
  await rm(warmed, { recursive: true, force: true });
  await mkdir(warmed, { recursive: true });
  await writeFile(join(warmed, 'package.json'), JSON.stringify({ name: 'warm', private: true }) + '\n');
  log(`Caching what installing ${basename(tarball)} needs${needs.install?.length ? ` (and ${needs.install.join(', ')})` : ''} ...`);
  try {
    await run('npm', ['install', '--cache', npmCache, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...(needs.install ?? [])], {
      cwd: warmed,
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`Installing ${basename(tarball)} into ${warmed} failed:\n${error.stderr || error.message}`);
  }
  return { name, version: pkg.version, dir, hash, tarball, warmed, runtimes: needs.runtimes ?? [], install: needs.install ?? [] };
}

/** Prepares the given package directories; resolves with the manifest (also written to disk). */
export async function prepareTestArtifacts(dirs, { log = (line) => console.log(line) } = {}) {
  const previous = await readJson(manifestPath, { packages: {}, runtimes: {} });
  const manifest = { npmCache, packages: { ...previous.packages }, runtimes: { ...previous.runtimes } };
  const wanted = new Set();
  for (const dir of dirs) {
    const entry = await packPackage(resolve(dir), previous.packages[(await readJson(join(dir, 'package.json'))).name], log);
    manifest.packages[entry.name] = entry;
    for (const name of entry.runtimes) wanted.add(name);
  }
  for (const name of wanted) {
    const runtime = await ensureRuntime(name, { log });
    manifest.runtimes[name] = { bin: runtime.bin, version: runtime.version };
  }
  await mkdir(artifactsDir, { recursive: true });
  // Written whole, then renamed: a test never reads half a manifest.
  await writeFile(`${manifestPath}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  await rename(`${manifestPath}.tmp`, manifestPath);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { package: { type: 'string', multiple: true } } });
  try {
    const dirs = values.package?.length ? values.package.map((dir) => resolve(dir)) : await defaultPackages();
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'package.json'))) throw new Error(`--package ${dir}: no package.json there`);
      if (!existsSync(join(dir, 'test/artifacts.json'))) throw new Error(`--package ${dir}: no test/artifacts.json (what its tests need)`);
    }
    const started = Date.now();
    const allPythons = Boolean(process.env.CI) || process.env.VPSORG_ALL_PYTHONS === '1';
    const toolchain = await setupToolchain({ allPythons, log: (line) => console.log(line) });
    const missingTools = Object.entries(toolchain.tools).filter(([, found]) => found.missing).map(([name]) => name);
    console.log(
      `Toolchain: Python ${toolchain.python.map((env) => env.version).join(', ') || 'none'}` +
        (missingTools.length ? `; missing: ${missingTools.join(', ')} (scripts/install-system-deps.sh installs them)` : '; curl, php, chromium found'),
    );
    const manifest = await prepareTestArtifacts(dirs);
    const names = dirs.map((dir) => Object.values(manifest.packages).find((p) => p.dir === dir)?.name);
    console.log(`Test artifacts ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${names.join(', ') || 'no package'}; runtimes: ${Object.entries(manifest.runtimes).map(([n, r]) => `${n} ${r.version.replace(/^deno /, '').split(' ')[0]}`).join(', ') || 'none'}.`);
  } catch (error) {
    console.error(`prepare-test-artifacts: ${error.message}`);
    process.exit(1);
  }
}
