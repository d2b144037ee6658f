#!/usr/bin/env node
// pyright (strict: [tool.pyright] in pyproject.toml) on the package and on the consumer program in
// tests/typing, resolving imports in the project's Python environment (the toolchain's .venv).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonPath } from './vps-python.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const pyright = join(dirname(createRequire(import.meta.url).resolve('pyright/package.json')), 'index.js');
const result = spawnSync(process.execPath, [pyright, '--pythonpath', pythonPath('client-python typecheck'), ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
