// The project's Python environments, made from the project's own files: a pinned uv (installed
// by pip from hashed wheels) syncs each environment from uv.lock, for one CPython the machine has.
//   .venv           the lowest supported CPython: what `vps-python`, the docs samples and the
//                   Python package's scripts use
//   .venvs/py3.N    every other CPython >= 3.11 (CI runs the Python suite on each)
// An environment is synced again only when uv.lock, a pyproject.toml or its interpreter changed
// (a stamp file records what it was made from), so a second run costs a few milliseconds.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { withLock } from './lock.mjs';
import { defaultVenv, repoRoot, uvRequirements, uvVenv, venvsDir } from './paths.mjs';
import { findPythons } from './python.mjs';

const run = promisify(execFile);
const STAMP = '.vpsorg-env.json';

export const venvPython = (venvDir) => join(venvDir, 'bin', 'python');
export const uvBinary = join(uvVenv, 'bin', 'uv');

/** The environment folder of a CPython: the default one for the lowest, .venvs/py3.N for the others. */
export function venvFor(python, lowest) {
  return python.minor === lowest.minor ? defaultVenv : join(venvsDir, `py${python.minor}`);
}

/** @param {string} file @param {string[]} args @param {import('node:child_process').ExecFileOptions} [options] */
async function exec(file, args, options = {}) {
  try {
    return await run(file, args, { maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60_000, ...options });
  } catch (error) {
    const detail = (error.stderr || error.stdout || error.message || '').trim();
    throw new Error(`${relative(repoRoot, file) || file} ${args.join(' ')} failed:\n${detail}`);
  }
}

/** The files an environment is made from: uv.lock and every pyproject.toml of the workspace. */
function projectFiles() {
  const files = ['pyproject.toml', 'uv.lock'];
  for (const entry of readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(repoRoot, 'packages', entry.name, 'pyproject.toml'))) files.push(`packages/${entry.name}/pyproject.toml`);
  }
  return files.filter((file) => existsSync(join(repoRoot, file)));
}

function stampOf(python) {
  const hash = createHash('sha256');
  for (const file of projectFiles()) hash.update(`${file}\0`).update(readFileSync(join(repoRoot, file))).update('\0');
  hash.update(readFileSync(uvRequirements));
  return { python: python.executable, version: python.version.join('.'), files: hash.digest('hex') };
}

function readStamp(venvDir) {
  try {
    return JSON.parse(readFileSync(join(venvDir, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

const sameStamp = (a, b) => a && b && a.python === b.python && a.version === b.version && a.files === b.files;

/** The pinned uv, installed once into .venvs/uv by pip (which checks every wheel's hash). */
async function ensureUv(python, { offline, log }) {
  const pinned = /^uv==([\w.]+)/m.exec(readFileSync(uvRequirements, 'utf8'))?.[1];
  if (!pinned) throw new Error(`${uvRequirements} pins no uv version`);
  if (existsSync(uvBinary)) {
    const { stdout } = await exec(uvBinary, ['--version']).catch(() => ({ stdout: '' }));
    if (String(stdout).split(/\s+/)[1] === pinned) return uvBinary;
  }
  if (offline) throw new Error(`uv ${pinned} is not installed in ${relative(repoRoot, uvVenv)}: run the set-up (pnpm test:prepare) first`);
  log(`Installing uv ${pinned} into ${relative(repoRoot, uvVenv)} (pip, hash-checked) ...`);
  rmSync(uvVenv, { recursive: true, force: true });
  mkdirSync(venvsDir, { recursive: true });
  await exec(python.executable, ['-m', 'venv', uvVenv]);
  await exec(venvPython(uvVenv), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--only-binary', ':all:', '--no-deps', '-r', uvRequirements], {
    env: { ...process.env, PIP_FIND_LINKS: '' },
  });
  return uvBinary;
}

/** uv's settings for this project: never download a Python, never look outside uv.lock. */
function uvEnv(venvDir) {
  return {
    ...process.env,
    UV_PROJECT_ENVIRONMENT: venvDir,
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_PROGRESS: '1',
    UV_FROZEN: '1',
    VIRTUAL_ENV: '',
  };
}

/**
 * Makes (or refreshes) the environment of one CPython from uv.lock. `offline`: only from uv's
 * cache (what tests use, so no test reaches a package index).
 */
/** @param {any} python @param {string} venvDir @param {{ offline?: boolean, log?: (line: string) => void }} [options] */
export async function ensureEnv(python, venvDir, { offline = false, log = () => {} } = {}) {
  return withLock(`${venvDir}.lock`, async () => {
    const wanted = stampOf(python);
    if (sameStamp(readStamp(venvDir), wanted) && existsSync(venvPython(venvDir))) return { venvDir, python: venvPython(venvDir), fresh: false };
    const uv = await withLock(`${uvVenv}.lock`, () => ensureUv(python, { offline, log }));
    log(`Syncing ${relative(repoRoot, venvDir)} (Python ${python.version.join('.')}, ${python.executable}) from uv.lock ...`);
    const args = ['sync', '--frozen', '--all-packages', '--python', python.executable, '--no-python-downloads'];
    if (offline) args.push('--offline');
    await exec(uv, args, { cwd: repoRoot, env: uvEnv(venvDir) });
    writeFileSync(join(venvDir, STAMP), JSON.stringify(wanted, null, 2) + '\n');
    return { venvDir, python: venvPython(venvDir), fresh: true };
  });
}

/**
 * The default environment, and with `all` one for every other CPython >= 3.11 too. Resolves with
 * [{ minor, version, base, venvDir, python, default }], lowest first.
 */
/** @param {{ all?: boolean, offline?: boolean, log?: (line: string) => void }} [options] */
export async function ensureEnvs({ all = false, offline = false, log = () => {} } = {}) {
  const { pythons, rejected } = await findPythons();
  if (pythons.length === 0) {
    throw new Error(
      `No CPython >= 3.11 with the venv module on this machine (${rejected.map((r) => `${r.path} ${r.reason}`).join('; ') || 'no python3 found'}). ` +
        "Install one (Debian: apt-get install python3 python3-venv; scripts/install-system-deps.sh does it).",
    );
  }
  const [lowest] = pythons;
  const chosen = all ? pythons : [lowest];
  const envs = [];
  // One at a time: uv is fast, and two syncs at once would only fight for the same 2 cores.
  for (const python of chosen) {
    const venvDir = venvFor(python, lowest);
    const made = await ensureEnv(python, venvDir, { offline, log });
    envs.push({ minor: python.minor, version: python.version.join('.'), base: python.executable, venvDir, python: made.python, default: python === lowest });
  }
  return envs;
}

/** True when an environment the set-up recorded still matches the project's files. */
export function isCurrent(env) {
  const python = { executable: env.base, version: env.version.split('.').map(Number) };
  return existsSync(env.python) && sameStamp(readStamp(env.venvDir), stampOf(python));
}

/** Runs the pinned uv with `args` in the repository (installing it first if needed); resolves with its exit status. */
export async function runUv(args, { log = (line) => console.error(line) } = {}) {
  const { pythons } = await findPythons();
  if (pythons.length === 0) throw new Error('no CPython >= 3.11 with venv to install uv with');
  const uv = await withLock(`${uvVenv}.lock`, () => ensureUv(pythons[0], { offline: false, log }));
  const { UV_FROZEN, ...env } = uvEnv(defaultVenv);
  const result = spawnSync(uv, args, { cwd: repoRoot, stdio: 'inherit', env });
  return result.status ?? 1;
}
