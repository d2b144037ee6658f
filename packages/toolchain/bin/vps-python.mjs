#!/usr/bin/env node
// vps-python [--family NAME] [--each] [--] ARGS...: runs the project's Python (.venv, made from
// uv.lock by the set-up) with ARGS, whatever PATH the caller has. --each runs ARGS on every
// environment the set-up made (one per CPython minor version; CI makes all) and fails if one fails.
// A missing or stale environment is synced first (the only moment it may reach the package index).
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { manifestPath, recordUse, setup } from '../src/index.mjs';
import { isCurrent } from '../src/python-env.mjs';
import { readManifest } from '../src/tools.mjs';

function parse(argv) {
  const options = { family: undefined, each: false, args: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '--each') options.each = true;
    else if (arg === '--family') options.family = argv[++i];
    else if (arg.startsWith('--family=')) options.family = arg.slice('--family='.length);
    else break;
  }
  options.args = argv.slice(i);
  return options;
}

async function envs() {
  let recorded = readManifest(manifestPath)?.python ?? [];
  if (recorded.length === 0 || !recorded.every(isCurrent)) {
    const all = recorded.length > 1;
    recorded = (await setup({ allPythons: all, log: (line) => console.error(line) })).python;
  }
  if (recorded.length === 0) throw new Error('no Python environment: install CPython >= 3.11 with venv (scripts/install-system-deps.sh)');
  return recorded;
}

async function main() {
  const { family = process.env.npm_package_name ?? basename(process.cwd()), each, args } = parse(process.argv.slice(2));
  const available = await envs();
  const chosen = each ? available : [available.find((env) => env.default) ?? available[0]];
  let failed = [];
  for (const env of chosen) {
    if (each) console.log(`\n=== Python ${env.version} (${env.python}) ===`);
    recordUse(family, 'python', { path: env.python, version: `Python ${env.version} (${env.base})` });
    const result = spawnSync(env.python, args, { stdio: 'inherit', env: { ...process.env, VIRTUAL_ENV: env.venvDir, PATH: `${env.venvDir}/bin:${process.env.PATH}` } });
    if (result.error) throw result.error;
    if (result.status !== 0) {
      if (!each) process.exit(result.status ?? 1);
      failed.push(`Python ${env.version} (exit ${result.status ?? result.signal})`);
    }
  }
  if (failed.length) {
    console.error(`\nvps-python: failed on ${failed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`vps-python: ${error.message}`);
  process.exit(2);
});
