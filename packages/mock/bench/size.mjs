#!/usr/bin/env node
// `pnpm bench` (mock part): what the in-process sandbox adds to a front-end app's bundle. A small
// program that starts MSW's worker with createSandboxHandlers() (as a page, a Storybook preview or
// a dev build does), bundled the way a browser build does (esbuild: bundle, minify, ES module,
// browser platform) with `msw` left out: MSW itself is the app's own choice and cost. Gzipped at
// level 9 and held against the aim (40 kB); then where the bytes are, minified bytes per module.
// The package's built dist/ is measured (what users install); it is rebuilt first.
// Usage: node packages/mock/bench/size.mjs
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const AIM_BYTES = 40 * 1024;
const mockDir = fileURLToPath(new URL('..', import.meta.url));

const built = spawnSync(process.execPath, [join(mockDir, 'scripts/build.mjs')], { cwd: mockDir, encoding: 'utf8' });
if (built.status !== 0) {
  console.error(`Building @vpsorg/mock failed:\n${built.stderr || built.stdout}`);
  process.exit(1);
}

const program = `
import { setupWorker } from 'msw/browser';
import { createSandboxHandlers } from '@vpsorg/mock/msw';
const sandbox = createSandboxHandlers();
await setupWorker(...sandbox.handlers).start();
window.sandbox = sandbox;
`;

async function bundle(alias) {
  const result = await build({
    stdin: { contents: program, resolveDir: mockDir, sourcefile: 'app.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['msw', 'msw/*'],
    write: false,
    metafile: true,
    alias,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const dist = await bundle({ '@vpsorg/mock/msw': join(mockDir, 'dist/msw.js') });
console.log('A page starting MSW with createSandboxHandlers(), esbuild minified ESM for the browser, msw left out, gzip -9\n');
console.log(`@vpsorg/mock/msw (dist/msw.js): ${kB(dist.minified)} minified, ${kB(dist.gzipped)} gzipped (aim <= ${kB(AIM_BYTES)}): ${dist.gzipped <= AIM_BYTES ? 'MET' : 'NOT MET'}`);

// Where the bytes are: the same program bundled from the sources, minified bytes per module.
const sources = await bundle({ '@vpsorg/mock/msw': join(mockDir, 'src/msw.js') });
const [output] = Object.values(sources.metafile.outputs);
const groups = [
  [/generated\/spec\.js$/, 'the spec (generated/spec.js)'],
  [/generated\/request-validators\.js$/, 'request checks (generated/request-validators.js)'],
  [/codegen\/src\/model\//, 'the model (@vpsorg/codegen/model)'],
  [/src\/sandbox\//, 'the engine (sandbox/)'],
  [/src\/in-process\//, "the front's and Prism's checks (in-process/)"],
  [/src\/(msw|front-steps|routes|explain)\.js$/, 'the MSW glue, the front\'s steps, routes, explain'],
];
const perGroup = new Map();
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name = groups.find(([re]) => re.test(path))?.[1] ?? relative(mockDir, join(mockDir, path));
  perGroup.set(name, (perGroup.get(name) ?? 0) + bytesInOutput);
}
const total = [...perGroup.values()].reduce((a, b) => a + b, 0);
console.log(`\nminified bytes per part (bundle of src/, ${kB(sources.minified)} minified, ${kB(sources.gzipped)} gzipped):`);
for (const [name, bytes] of [...perGroup].sort((a, b) => b[1] - a[1])) {
  if (bytes === 0) continue;
  console.log(`  ${name.padEnd(52)}${String(bytes).padStart(7)} B ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
}
