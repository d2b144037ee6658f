// Before any test file, and always undone after:
//   - the test artifacts (scripts/prepare-test-artifacts.mjs): this package and @vpsorg/client
//     packed as published, and an npm cache holding what installing them (and msw, vitest,
//     esbuild) needs, so package.test.js installs them offline as a user would. `pnpm test` made
//     them already (a fast no-op here); run alone, this makes them;
//   - the suite's two mocks: the static one (the spec's examples) and the stateful sandbox.
// Files that need a mock of their own start and stop it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock } from '../src/index.js';

const run = promisify(execFile);
const mockDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(mockDir, '../..');

async function prepareArtifacts() {
  try {
    await run(process.execPath, [join(repoRoot, 'scripts/prepare-test-artifacts.mjs'), '--package', join(repoRoot, 'packages/client'), '--package', mockDir], {
      timeout: 900_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`Preparing the test artifacts failed:\n${error.stderr || error.message}`);
  }
  const dir = process.env.VPSORG_TEST_ARTIFACTS_DIR || join(repoRoot, '.artifacts/test');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return {
    mockTarball: manifest.packages['@vpsorg/mock'].tarball,
    clientTarball: manifest.packages['@vpsorg/client'].tarball,
    install: manifest.packages['@vpsorg/mock'].install,
    npmCache: manifest.npmCache,
  };
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
