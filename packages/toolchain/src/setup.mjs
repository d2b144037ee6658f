// `vps-toolchain setup`: finds every tool, makes the Python environments, and records the result
// in .artifacts/toolchain/tools.json, the one place the tests take their programs from.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { manifestPath } from './paths.mjs';
import { ensureEnvs } from './python-env.mjs';
import { findAll } from './tools.mjs';

/** @param {{ allPythons?: boolean, offline?: boolean, log?: (line: string) => void }} [options] */
export async function setup({ allPythons = false, offline = false, log = () => {} } = {}) {
  const tools = await findAll();
  const envs = tools.python.missing ? [] : await ensureEnvs({ all: allPythons, offline, log });
  const manifest = { createdAt: new Date().toISOString(), tools, python: envs };
  mkdirSync(dirname(manifestPath), { recursive: true });
  writeFileSync(`${manifestPath}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(`${manifestPath}.tmp`, manifestPath);
  return manifest;
}
