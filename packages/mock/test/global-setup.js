// Before any test file, and always undone after:
//   - the test artifacts (@vpsorg/toolchain/artifacts, from test/artifacts.json): this package and
//     @vpsorg/client packed as published, and an npm cache holding what installing them (and msw,
//     vitest, esbuild) needs, so package.test.js installs them offline as a user would. `pnpm test`
//     made them already (a fast no-op here); run alone, this makes them;
//   - the suite's two mocks: the static one (the spec's examples) and the stateful sandbox.
// Files that need a mock of their own start and stop it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testArtifacts } from '@vpsorg/toolchain/artifacts';
import { startMock } from '../src/index.js';

const mockDir = fileURLToPath(new URL('..', import.meta.url));

/** What package.test.js installs: this package and the client, packed, and the cache to install them offline. */
async function prepareArtifacts() {
  const mock = await testArtifacts('@vpsorg/mock', { dir: mockDir });
  const client = await testArtifacts('@vpsorg/client', { dir: join(mockDir, '../client') });
  const { install } = JSON.parse(await readFile(join(mockDir, 'test/artifacts.json'), 'utf8'));
  return { mockTarball: mock.tarball, tarballs: [...mock.tarballs, ...client.tarballs], install, npmCache: mock.npmCache };
}

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  project.provide('artifacts', await prepareArtifacts());
  // One after the other: two Prism start-ups at once double each on a 2-core machine.
  const mock = await startMock();
  const sandbox = await startMock({ stateful: true }).catch(async (error) => {
    await mock.stop();
    throw error;
  });
  project.provide('mockUrl', mock.url);
  project.provide('mockPid', mock.pid);
  project.provide('sandboxUrl', sandbox.url);
  return async () => {
    await Promise.all([mock.stop(), sandbox.stop()]);
  };
}
