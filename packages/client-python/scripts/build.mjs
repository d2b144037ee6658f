#!/usr/bin/env node
// `pnpm build`: the wheel and the sdist of vpsorg into dist/, built offline from the project's
// environment (hatchling and build are in its dev group): `python -m build --no-isolation`,
// which builds the sdist and then the wheel from the sdist (so the sdist is proven complete).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vpsPython } from './vps-python.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageDir, 'dist');
rmSync(dist, { recursive: true, force: true });
const result = vpsPython(['-m', 'build', '--no-isolation', '--outdir', dist, packageDir], {
  family: 'client-python build',
  cwd: packageDir,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
});
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  console.error(`client-python build: python -m build failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}
console.log(`Built ${readdirSync(dist).sort().join(' and ')} into dist/.`);
