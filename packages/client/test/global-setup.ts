// Before the suite (not in a test hook with a timeout): pack this package as published, cache what
// installing it needs, and install the runtimes the tests run it on, so no test reaches a registry.
// `pnpm test` already did this once for every package before turbo started (a pack rebuilds dist/,
// which must not happen under other packages' running tests); here it is a fast no-op then, and
// does the work when this suite runs alone.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import type { TestArtifacts } from './support/artifacts.js';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
// The repository's own tool (scripts/prepare-test-artifacts.mjs), run from the repository root.
const repoRoot = join(clientDir, '../..');

export default async function setup(project: TestProject): Promise<void> {
  try {
    await run(process.execPath, [join(repoRoot, 'scripts/prepare-test-artifacts.mjs'), '--package', clientDir], {
      timeout: 900_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`Preparing the test artifacts failed:\n${e.stderr || e.message}`);
  }
  const dir = process.env.VPSORG_TEST_ARTIFACTS_DIR || join(repoRoot, '.artifacts/test');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const pkg = manifest.packages['@vpsorg/client'];
  const artifacts: TestArtifacts = {
    tarball: pkg.tarball,
    npmCache: manifest.npmCache,
    runtimes: Object.fromEntries(pkg.runtimes.map((name: string) => [name, manifest.runtimes[name]])),
  };
  project.provide('artifacts', artifacts);
}

declare module 'vitest' {
  export interface ProvidedContext {
    artifacts: TestArtifacts;
  }
}
