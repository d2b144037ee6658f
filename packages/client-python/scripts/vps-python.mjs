// Runs the project's Python through @vpsorg/toolchain's vps-python, which makes or re-syncs the
// environment from uv.lock first when it is missing or stale (so `pnpm build` works on a machine
// where the test set-up never ran).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const bin = join(dirname(createRequire(import.meta.url).resolve('@vpsorg/toolchain/package.json')), 'bin/vps-python.mjs');

/** vps-python [--each] ARGS, synchronously; resolves with spawnSync's result. */
export function vpsPython(args, { family, each = false, ...options } = {}) {
  const flags = [...(family ? ['--family', family] : []), ...(each ? ['--each'] : [])];
  return spawnSync(process.execPath, [bin, ...flags, '--', ...args], options);
}

/** The default environment's interpreter (made first if needed). */
export function pythonPath(family) {
  const result = vpsPython(['-c', 'import sys; print(sys.executable)'], { family, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`vps-python could not provide the project's Python (exit ${result.status})`);
  return result.stdout.trim();
}
