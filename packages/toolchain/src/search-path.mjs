// The PATH a tool is searched on. npm, pnpm and turbo put their own folders in front of the user's
// PATH for scripts: node_modules/.bin folders, npm's node-gyp-bin and the folder of the running
// `node` (for the machine's Node that is /usr/bin, which would then shadow everything the user put
// before it, pyenv's python3 among them). Those leading entries are dropped, so a tool is found the
// same way in a shell, in `pnpm test`, under turbo and in CI.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const PACKAGE_MANAGER_ENTRY = /(^|[\\/])node_modules[\\/]\.bin$|[\\/]node-gyp-bin$/;

/** True when a package manager started this process tree (npm and pnpm set these). */
export function underPackageManager(env = process.env) {
  return Boolean(env.npm_lifecycle_event || env.npm_execpath || env.npm_command || env.PNPM_SCRIPT_SRC_DIR);
}

/** The user's PATH: the package managers' leading entries and every node_modules/.bin removed. */
export function searchPath(env = process.env, nodeDir = dirname(process.execPath)) {
  const entries = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const managed = underPackageManager(env);
  const result = [];
  let leading = true;
  for (const entry of entries) {
    if (PACKAGE_MANAGER_ENTRY.test(entry)) continue;
    if (leading && managed && entry === nodeDir) continue;
    leading = false;
    if (!result.includes(entry)) result.push(entry);
  }
  return result;
}

export function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every executable called `name` on the search path, in order. */
export function whichAll(name, env = process.env) {
  if (name.includes('/')) return isExecutable(name) ? [name] : [];
  return searchPath(env)
    .map((dir) => join(dir, name))
    .filter(isExecutable);
}
