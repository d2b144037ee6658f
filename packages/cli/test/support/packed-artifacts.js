// Packed artifacts for a test suite, made before it runs and with no registry: each workspace
// package is packed with `pnpm pack` (which rewrites `workspace:*` to the version), and every
// third-party package its published code needs (the production-dependency closure) is packed
// from the copy already installed in node_modules. Installing all the tarballs together with
// `npm install --offline` then resolves every dependency from them, with an empty npm cache.
// Parameterized by the packages to pack, so other suites can share it.
import { execFile } from 'node:child_process';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Newest modification time of the files under `dir`, in ms (0 when it does not exist). */
async function newest(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const times = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs));
  return Math.max(0, ...times);
}

/** The folder of `name` as Node resolves it from `fromDir` (walking up node_modules), real path. */
async function resolvePackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    const found = await realpath(candidate).catch(() => null);
    if (found) return found;
    if (dirname(dir) === dir) throw new Error(`cannot resolve ${name} from ${fromDir}`);
  }
}

const readManifest = async (dir) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
const lastLine = (text) => text.trim().split('\n').pop()?.trim() ?? '';

/**
 * Pack `packageDirs` (workspace packages) and their production-dependency closure into `dest`.
 * A workspace package with a `build` script is built first only when its dist/ is older than its
 * src/ (under turbo, `build` already ran; rebuilding would empty dist/ under other suites).
 * @param {{ packageDirs: string[], dest: string }} options
 * @returns {Promise<{ tarballs: Record<string, string>, all: string[] }>} tarball path by package name
 */
export async function packArtifacts({ packageDirs, dest }) {
  /** @type {Record<string, string>} */
  const tarballs = {};
  const queue = await Promise.all(packageDirs.map((dir) => realpath(dir)));
  while (queue.length) {
    const dir = /** @type {string} */ (queue.shift());
    const manifest = await readManifest(dir);
    if (tarballs[manifest.name]) continue;
    const thirdParty = dir.split(sep).includes('node_modules');
    if (thirdParty) {
      // Already built, as published; its own scripts must not run.
      const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dest, dir]);
      tarballs[manifest.name] = join(dest, lastLine(stdout));
    } else {
      if (manifest.scripts?.build && (await newest(join(dir, 'dist'))) < (await newest(join(dir, 'src')))) {
        await run('pnpm', ['run', 'build'], { cwd: dir });
      }
      const { stdout } = await run('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', dest], { cwd: dir });
      tarballs[manifest.name] = lastLine(stdout);
    }
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (!tarballs[name]) queue.push(await resolvePackageDir(name, dir));
    }
  }
  return { tarballs, all: Object.values(tarballs) };
}

/**
 * `npm install -g` of the tarballs into `prefix`, offline and with an empty cache of its own, so
 * that nothing can come from a registry. Returns the prefix's bin folder.
 * @param {string[]} tarballs @param {string} prefix
 */
export async function installGlobally(tarballs, prefix) {
  await run(
    'npm',
    ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(prefix, '.npm-cache'), '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
    { env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' } },
  );
  return join(prefix, 'bin');
}
