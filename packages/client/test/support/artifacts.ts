// What scripts/prepare-test-artifacts.mjs made before the suite (test/global-setup.ts provides it),
// and the one way tests install the packed tarball: offline, from the npm cache prepared then.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestArtifacts {
  /** The packed @vpsorg/client, as `npm publish` would upload it. */
  tarball: string;
  /** An npm cache holding every dependency of the tarball and of the tests' extra installs. */
  npmCache: string;
  /** Runtime name (node-20, ..., bun, deno) -> its binary and version. */
  runtimes: Record<string, { bin: string; version: string }>;
}

/**
 * A new npm project at `dir` with the tarball (and `extra` packages) installed as a user would,
 * `npm install`, but `--offline`: a missing package fails at once instead of reaching a registry.
 */
export async function installTarball(artifacts: TestArtifacts, dir: string, extra: string[] = []): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/package.json`, JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  try {
    await run(
      'npm',
      ['install', '--offline', '--cache', artifacts.npmCache, '--no-audit', '--no-fund', '--loglevel=error', artifacts.tarball, ...extra],
      { cwd: dir, timeout: 120_000 },
    );
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`npm install --offline of the tarball failed (is the prepared cache complete?):\n${e.stderr || e.message}`);
  }
}
