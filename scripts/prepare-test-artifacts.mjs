#!/usr/bin/env node
// `pnpm test:prepare` (and the first step of `pnpm test`): everything the tests need, made BEFORE
// any suite runs, so that no test reaches a package registry while it runs:
//   - the toolchain (@vpsorg/toolchain): finds curl, php and Chromium, makes the project's Python
//     environments from uv.lock (.venv; under CI also one per other CPython >= 3.11 the machine
//     has; VPSORG_ALL_PYTHONS=1 asks for them too) and records it all for the tests;
//   - the packed packages the tests install, with an npm cache to install them offline, and the
//     runtimes the tests run them on (@vpsorg/toolchain/artifacts: each publishable package with a
//     test/artifacts.json), recorded in .artifacts/test/manifest.json.
// Fast when nothing changed.
//
// Usage: node scripts/prepare-test-artifacts.mjs [--package DIR]...
//   (default: every package under packages/ that is not private and has a test/artifacts.json;
//   with --package, only the artifacts of those packages, not the toolchain)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setup as setupToolchain } from '@vpsorg/toolchain';
import { packagesWithArtifacts, prepareArtifacts } from '@vpsorg/toolchain/artifacts';

const { values } = parseArgs({ options: { package: { type: 'string', multiple: true } } });
try {
  const started = Date.now();
  if (!values.package?.length) {
    const allPythons = Boolean(process.env.CI) || process.env.VPSORG_ALL_PYTHONS === '1';
    const toolchain = await setupToolchain({ allPythons, log: (line) => console.log(line) });
    const missingTools = Object.entries(toolchain.tools).filter(([, found]) => 'missing' in found).map(([name]) => name);
    console.log(
      `Toolchain: Python ${toolchain.python.map((env) => env.version).join(', ') || 'none'}` +
        (missingTools.length ? `; missing: ${missingTools.join(', ')} (scripts/install-system-deps.sh installs them)` : '; curl, php, chromium found'),
    );
  }
  const dirs = values.package?.length ? values.package.map((dir) => resolve(dir)) : await packagesWithArtifacts();
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'package.json'))) throw new Error(`--package ${dir}: no package.json there`);
    if (!existsSync(join(dir, 'test/artifacts.json'))) throw new Error(`--package ${dir}: no test/artifacts.json (what its tests need)`);
  }
  const manifest = await prepareArtifacts(dirs);
  const names = dirs.map((dir) => Object.values(manifest.packages).find((p) => p.dir === dir)?.name);
  console.log(
    `Test artifacts ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${names.join(', ') || 'no package'}; runtimes: ${
      Object.entries(manifest.runtimes).map(([n, r]) => `${n} ${r.version.replace(/^deno /, '').split(' ')[0]}`).join(', ') || 'none'
    }.`,
  );
} catch (error) {
  console.error(`prepare-test-artifacts: ${error.message}`);
  process.exit(1);
}
