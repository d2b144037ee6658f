// Builds the docs (English and every locale) once for the whole test run, with the current
// scripts and spec, into .artifacts/test-dist: the tests check what the build produces now,
// never a stale dist/ from an earlier run.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocs } from '../../scripts/build.mjs';

export const TEST_DIST = fileURLToPath(new URL('../../.artifacts/test-dist/', import.meta.url));

export default async function setup({ provide }) {
  process.env.REDOCLY_TELEMETRY = 'off';
  // The TypeScript samples run against the built SDK (turbo's ^build builds it before the tests).
  const client = path.join(path.dirname(createRequire(import.meta.url).resolve('@vpsorg/client/package.json')), 'dist/index.js');
  if (!existsSync(client)) {
    throw new Error(`${client} is missing: build the SDK first (pnpm --filter @vpsorg/client build), or run the tests through turbo (pnpm test).`);
  }
  await rm(TEST_DIST, { recursive: true, force: true });
  const lines = [];
  const warnings = [];
  // Not strict: an incomplete locale is reported by the tests (build.test.mjs), by name, instead
  // of stopping every suite before it starts.
  await buildDocs({ outDir: TEST_DIST, locales: 'all', log: (line) => lines.push(line), warn: (line) => warnings.push(line), strict: false });
  provide('docsDist', TEST_DIST);
  provide('buildLog', lines.join('\n'));
  provide('buildWarnings', warnings);
}
