// What tests and scripts use: the programs the set-up recorded, each tied to the test family that
// runs it. Nothing here searches the PATH of the moment; `vps-toolchain setup` did, once.
import { existsSync } from 'node:fs';
import { manifestPath } from './paths.mjs';
import { readManifest, TOOLS } from './tools.mjs';
import { recordUse } from './usage.mjs';

export { TOOLS, findAll, debianPackagesFor } from './tools.mjs';
export { findPythons, MIN_PYTHON } from './python.mjs';
export { ensureEnvs, isCurrent, uvBinary } from './python-env.mjs';
export { searchPath, whichAll } from './search-path.mjs';
export { setup } from './setup.mjs';
export { readUses, recordUse } from './usage.mjs';
export { manifestPath, repoRoot, defaultVenv } from './paths.mjs';

/** Thrown when the set-up did not provide a program a test needs. */
export class MissingToolError extends Error {
  /** @override */
  name = 'MissingToolError';
}

function manifest() {
  const found = readManifest(manifestPath);
  if (!found) {
    throw new MissingToolError(
      `No toolchain record at ${manifestPath}: run the set-up first (pnpm test:prepare, or node packages/toolchain/bin/vps-toolchain.mjs setup).`,
    );
  }
  return found;
}

/**
 * The program `name` (curl, php, chromium) as the set-up found it, recorded as used by `family`.
 * Throws a MissingToolError that says how to install it.
 */
export function tool(family, name) {
  const definition = TOOLS[name];
  if (!definition || name === 'python') throw new Error(`unknown tool ${JSON.stringify(name)}; for Python use python(family)`);
  const found = manifest().tools?.[name];
  if (!found || found.missing || !existsSync(found.path)) {
    throw new MissingToolError(
      `${name} (${definition.purpose}) is missing: ${found?.missing ?? `${found?.path} is gone`}. ` +
        `Install it with scripts/install-system-deps.sh (Debian: ${definition.debian.join(' ')}), then run pnpm test:prepare.`,
    );
  }
  recordUse(family, name, found);
  return found.path;
}

/** `find()` (e.g. `() => tool(family, 'php')`), or undefined when the set-up did not provide it. */
export function optional(find) {
  try {
    return find();
  } catch (error) {
    if (error instanceof MissingToolError) return undefined;
    throw error;
  }
}

/**
 * The project's Python environments the set-up made: [{ minor, version, python, venvDir, default }].
 * `python(family)` is the default one's interpreter.
 */
export function pythonEnvs() {
  const envs = manifest().python ?? [];
  const usable = envs.filter((env) => existsSync(env.python));
  if (usable.length === 0) {
    throw new MissingToolError(
      `No Python environment: ${manifest().tools?.python?.missing ?? 'the set-up made none'}. ` +
        'Install CPython >= 3.11 with venv (scripts/install-system-deps.sh), then run pnpm test:prepare.',
    );
  }
  return usable;
}

/** The default environment's python (the project's .venv), recorded as used by `family`. */
export function python(family) {
  const env = pythonEnvs().find((e) => e.default) ?? pythonEnvs()[0];
  recordUse(family, 'python', { path: env.python, version: `Python ${env.version} (${env.base})` });
  return env.python;
}
