// Before any test file: pack @vpsorg/cli and @vpsorg/client (and what they depend on) and install
// them with `npm install -g` into a scratch prefix, as a user would; every test runs that `vps`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installGlobally, packArtifacts } from './support/packed-artifacts.js';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const work = await mkdtemp(join(tmpdir(), 'vpsorg-cli-'));
  const { tarballs, all } = await packArtifacts({ packageDirs: [cliDir], dest: work });
  const bin = await installGlobally(all, join(work, 'prefix'));
  project.provide('vpsBin', join(bin, 'vps'));
  project.provide('cliTarball', /** @type {string} */ (tarballs['@vpsorg/cli']));
  project.provide('prefix', join(work, 'prefix'));
  return () => rm(work, { recursive: true, force: true });
}
