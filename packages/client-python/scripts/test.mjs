#!/usr/bin/env node
// `pnpm test`: pytest on every Python environment the set-up made (one per CPython >= 3.11 under
// CI, the lowest otherwise), through vps-python --each. The tests start the mocks with this very
// Node (VPSORG_NODE) and install the built wheel with the pinned uv (VPSORG_UV), offline.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uvBinary } from '@vpsorg/toolchain';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const vpsPython = join(dirname(createRequire(import.meta.url).resolve('@vpsorg/toolchain/package.json')), 'bin/vps-python.mjs');
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const result = spawnSync(process.execPath, [vpsPython, '--family', 'client-python tests', '--each', '-m', 'pytest', ...args], {
  cwd: packageDir,
  stdio: 'inherit',
  env: { ...process.env, VPSORG_NODE: process.execPath, VPSORG_UV: uvBinary },
});
process.exit(result.status ?? 1);
