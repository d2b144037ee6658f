// The CPythons this machine has: every `python3` / `python3.N` on the search path, every pyenv
// version and Debian's /usr/bin ones, each asked for its own version, so no shim, alias or PATH
// order can make the set-up and the tests pick different interpreters. The project supports
// CPython >= 3.11 with the venv module (which carries pip).
import { execFile } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isExecutable, searchPath } from './search-path.mjs';

const run = promisify(execFile);
export const MIN_PYTHON = [3, 11];
const NAME = /^python3(\.\d+)?$/;

// Printed by each candidate about itself; `ensurepip` is what `python -m venv` needs for pip
// (Debian ships it separately, in python3-venv).
const PROBE = `
import json, platform, sys
try:
    import venv, ensurepip
    has_venv = True
except Exception:
    has_venv = False
print(json.dumps({"executable": sys.executable, "version": list(sys.version_info[:3]),
                  "implementation": platform.python_implementation(), "venv": has_venv,
                  "gil": getattr(sys, "_is_gil_enabled", lambda: True)()}))
`;

/** Candidate interpreter paths, in a fixed order: the search path, then pyenv, then /usr. */
export function candidatePaths(env = process.env) {
  const found = [];
  const add = (file) => {
    if (isExecutable(file) && !found.includes(file)) found.push(file);
  };
  if (env.VPSORG_PYTHON) return isExecutable(env.VPSORG_PYTHON) ? [env.VPSORG_PYTHON] : [];
  for (const dir of searchPath(env)) {
    let names = [];
    try {
      names = readdirSync(dir).filter((name) => NAME.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) add(join(dir, name));
  }
  const pyenvRoot = env.PYENV_ROOT || join(homedir(), '.pyenv');
  try {
    for (const version of readdirSync(join(pyenvRoot, 'versions')).sort()) add(join(pyenvRoot, 'versions', version, 'bin', 'python3'));
  } catch {
    // no pyenv
  }
  for (const dir of ['/usr/local/bin', '/usr/bin']) {
    try {
      for (const name of readdirSync(dir).filter((n) => NAME.test(n)).sort()) add(join(dir, name));
    } catch {
      // no such folder
    }
  }
  return found;
}

const atLeast = (version, min) => version[0] > min[0] || (version[0] === min[0] && version[1] >= min[1]);
export const minorOf = (python) => `${python.version[0]}.${python.version[1]}`;

/**
 * Every usable CPython, one per minor version (the newest patch release of it; on a tie the first
 * found), lowest minor first. Each: { executable, version: [3, 11, 7], minor: '3.11', found: [paths] }.
 * `rejected` lists the candidates that did not qualify and why.
 */
export async function findPythons(env = process.env) {
  const candidates = candidatePaths(env);
  const probe = async (path) => {
    try {
      // The limit only stops an interpreter that never answers (a broken shim).
      const { stdout } = await run(path, ['-I', '-c', PROBE], { timeout: 120_000, env: { ...env, PYTHONWARNINGS: 'ignore' } });
      return { path, info: JSON.parse(stdout.trim().split('\n').pop() ?? '') };
    } catch (error) {
      if (error.killed) return { path, error: 'no answer within 120 s' };
      return { path, error: (error.stderr || error.message || '').trim().split('\n').pop() };
    }
  };
  // One per core at a time, in order: twenty interpreters started at once on a busy 2-core machine
  // took longer than the 20 s they were given, and every candidate was rejected.
  const atOnce = Math.max(2, availableParallelism());
  const probes = [];
  for (let i = 0; i < candidates.length; i += atOnce) probes.push(...(await Promise.all(candidates.slice(i, i + atOnce).map(probe))));
  const rejected = [];
  const byExecutable = new Map();
  for (const { path, info, error } of probes) {
    if (error) {
      rejected.push({ path, reason: `does not run (${error})` });
      continue;
    }
    const why =
      info.implementation !== 'CPython'
        ? `is ${info.implementation}, not CPython`
        : !atLeast(info.version, MIN_PYTHON)
          ? `is ${info.version.join('.')}, older than ${MIN_PYTHON.join('.')}`
          : !info.gil
            ? 'is a free-threaded build'
            : !info.venv
              ? `${info.version.join('.')} lacks the venv module with ensurepip (Debian: python3-venv)`
              : '';
    if (why) {
      rejected.push({ path, reason: why });
      continue;
    }
    let executable = info.executable;
    try {
      executable = realpathSync(executable);
    } catch {
      // keep what it said
    }
    const known = byExecutable.get(executable);
    if (known) known.found.push(path);
    else byExecutable.set(executable, { executable, version: info.version, found: [path] });
  }
  const byMinor = new Map();
  for (const python of byExecutable.values()) {
    const minor = minorOf(python);
    const best = byMinor.get(minor);
    if (!best || python.version[2] > best.version[2]) byMinor.set(minor, { ...python, minor });
  }
  const pythons = [...byMinor.values()].sort((a, b) => a.version[0] - b.version[0] || a.version[1] - b.version[1]);
  return { pythons, rejected };
}
