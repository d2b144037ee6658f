// The CPythons this machine has: every `python3` / `python3.N` on the search path, every pyenv
// version and Debian's /usr/bin ones, each asked for its own version, so no shim, alias or PATH
// order can make the set-up and the tests pick different interpreters. The project supports
// CPython >= 3.11 with the venv module (which carries pip).
import { execFile } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isExecutable, searchPath } from './search-path.mjs';

const run = promisify(execFile);
export const MIN_PYTHON = [3, 11];
const NAME = /^python3(\.\d+)?$/;
const PROBE_TIMEOUT_MS = 120_000;

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
  const pyenvRoot = env.PYENV_ROOT || join(homedir(), '.pyenv');
  // pyenv's shims are shell scripts that run one of its versions, which are listed below anyway.
  for (const dir of searchPath(env).filter((d) => d !== join(pyenvRoot, 'shims'))) {
    let names = [];
    try {
      names = readdirSync(dir).filter((name) => NAME.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) add(join(dir, name));
  }
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
  // One probe per file (/bin/python3, /usr/bin/python3 and /usr/bin/python3.11 are one file), two
  // at a time: twenty interpreters started at once on a loaded 2-core machine took over 20 s each.
  const groups = new Map();
  for (const path of candidatePaths(env)) {
    let file = path;
    try {
      file = realpathSync(path);
    } catch {
      // probe it as named
    }
    groups.set(file, [...(groups.get(file) ?? []), path]);
  }
  const probeOne = async (path) => {
    try {
      // The limit only catches a hang: a slow start on a busy machine is not a reason to reject.
      const { stdout } = await run(path, ['-I', '-c', PROBE], { timeout: PROBE_TIMEOUT_MS, env: { ...env, PYTHONWARNINGS: 'ignore' } });
      return { info: JSON.parse(stdout.trim().split('\n').pop() ?? '') };
    } catch (error) {
      if (error.killed) return { error: `no answer in ${PROBE_TIMEOUT_MS / 1000} s` };
      return { error: (error.stderr || error.message || '').trim().split('\n').pop() };
    }
  };
  const queue = [...groups.values()];
  const probes = [];
  const worker = async () => {
    for (let paths = queue.shift(); paths; paths = queue.shift()) {
      const result = await probeOne(paths[0]);
      for (const path of paths) probes.push({ path, ...result });
    }
  };
  await Promise.all([worker(), worker()]);
  // The fixed candidate order, whatever order the probes ended in.
  const order = [...groups.values()].flat();
  probes.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
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
