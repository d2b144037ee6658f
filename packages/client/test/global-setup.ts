// Before the suite (not in a test hook with a timeout): the packed client as published, an npm
// cache to install it offline, and the runtimes the tests run it on (@vpsorg/toolchain/artifacts,
// from test/artifacts.json), so no test reaches a registry. `pnpm test` already prepared them for
// every package before turbo started (a pack rebuilds dist/, which must not happen under other
// packages' running tests); here it is a fast no-op then, and does the work when this suite runs alone.
import { fileURLToPath } from 'node:url';
import { testArtifacts, type TestArtifacts } from '@vpsorg/toolchain/artifacts';
import type { TestProject } from 'vitest/node';

const clientDir = fileURLToPath(new URL('..', import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  project.provide('artifacts', await testArtifacts('@vpsorg/client', { dir: clientDir }));
}

declare module 'vitest' {
  export interface ProvidedContext {
    artifacts: TestArtifacts;
  }
}
