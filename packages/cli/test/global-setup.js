// Before any test file: @vpsorg/cli packed as published, with the @vpsorg/client it depends on
// (@vpsorg/toolchain/artifacts, prepared by `pnpm test` before the suites; a no-op here then),
// installed with `npm install -g --offline` into a scratch prefix, as a user would; every test
// runs that `vps`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPacked, testArtifacts } from '@vpsorg/toolchain/artifacts';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  const work = await mkdtemp(join(tmpdir(), 'vpsorg-cli-'));
  const artifacts = await testArtifacts('@vpsorg/cli', { dir: cliDir });
  const bin = await installPacked(artifacts, join(work, 'prefix'), { global: true });
  project.provide('vpsBin', join(bin, 'vps'));
  project.provide('cliTarball', artifacts.tarball);
  project.provide('prefix', join(work, 'prefix'));
  return () => rm(work, { recursive: true, force: true });
}
