// The benchmarks measure what users get: the built package. This builds it first (the package's
// own tsup, not `pnpm`: pnpm run through npx is not on the PATH of a new machine) when dist/ is
// missing or older than src/, and resolves with the path of its ESM entry.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const clientDir = fileURLToPath(new URL('..', import.meta.url));

function newestSource() {
  return Math.max(
    ...readdirSync(join(clientDir, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

export function builtDist() {
  const dist = join(clientDir, 'dist/index.js');
  if (!existsSync(dist) || statSync(dist).mtimeMs < newestSource()) {
    console.log('Building @vpsorg/client (dist/ is missing or stale)...');
    const build = spawnSync(join(clientDir, 'node_modules/.bin/tsup'), { cwd: clientDir, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error(`Building the client failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`}).`);
      process.exit(1);
    }
  }
  return dist;
}
