// Builds the docs (English and every locale) once for the whole test run, with the current
// scripts and spec, into .artifacts/test-dist: the tests check what the build produces now,
// never a stale dist/ from an earlier run.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildDocs } from '../../scripts/build.mjs';

export const TEST_DIST = fileURLToPath(new URL('../../.artifacts/test-dist/', import.meta.url));

export default async function setup({ provide }) {
  process.env.REDOCLY_TELEMETRY = 'off';
  await rm(TEST_DIST, { recursive: true, force: true });
  const lines = [];
  const result = await buildDocs({ outDir: TEST_DIST, locales: 'all', log: (line) => lines.push(line) });
  provide('docsDist', TEST_DIST);
  provide('buildLog', lines.join('\n'));
  provide('builtPages', result.pages.map(({ code, htmlLang }) => ({ code, htmlLang })));
}
