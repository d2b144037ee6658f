#!/usr/bin/env node
// `pnpm bench`: every benchmark of the toolkit, one after the other (they share 2 cores, so
// never in parallel). Each prints its own medians and ratios against a baseline of the same run.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot } from './lib/paths.mjs';

const benches = [
  ['client: SDK overhead per request', 'packages/client/bench/run.mjs'],
  ['client: size in a browser bundle', 'packages/client/bench/size.mjs'],
  ['Python SDK: servers.get() vs raw httpx, import vpsorg vs httpx + pydantic', 'packages/client-python/bench/run.mjs'],
  ['pipeline: builds and the spec-change loop', 'scripts/bench-pipeline.mjs'],
  ['mock: static mock, stateful sandbox through Prism, engine alone', 'packages/mock/bench/run.mjs'],
  ['mock: the in-process sandbox (@vpsorg/mock/msw) in a browser bundle', 'packages/mock/bench/size.mjs'],
  ['docs: the first page, a second locale, and what the Try it console adds', 'packages/docs/bench/size.mjs'],
];

// `pnpm bench -- --edits 3`: pnpm 10 passes the `--` on; it separates nothing here.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

let failed = 0;
for (const [title, file] of benches) {
  console.log(`\n=== ${title} (${file}) ===`);
  const run = spawnSync(process.execPath, [resolve(repoRoot, file), ...args], {
    stdio: 'inherit',
    cwd: repoRoot,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' },
  });
  if (run.status !== 0) {
    failed += 1;
    console.error(`${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
