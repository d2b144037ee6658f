#!/usr/bin/env node
// `pnpm test`: pytest on every Python environment the set-up made (one per CPython >= 3.11 under
// CI, the lowest otherwise), through vps-python --each; VPSORG_PYTHON_EACH=0 runs it on the
// default (lowest) one only (.ci/run's later legs, where only the Node version changes). The tests start the mocks with this very
// Node (VPSORG_NODE) and install the built wheel with the pinned uv (VPSORG_UV), offline.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uvBinary } from '@vpsorg/toolchain';
import { vpsPython } from './vps-python.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const result = vpsPython(['-m', 'pytest', ...args], {
  family: 'client-python tests',
  each: process.env.VPSORG_PYTHON_EACH !== '0',
  cwd: packageDir,
  stdio: 'inherit',
  env: { ...process.env, VPSORG_NODE: process.execPath, VPSORG_UV: uvBinary },
});
process.exit(result.status ?? 1);
