#!/usr/bin/env node
// `pnpm bench` (client part): what the client costs in a front-end app's bundle. Two small
// programs doing the same thing (list servers, get one, tell a 404 apart), one through
// @vpsorg/client (its built dist, as users get it), one through bare openapi-fetch, each bundled
// the way a browser build does (esbuild: bundle, minify, ES module, browser platform), then
// gzipped (level 9). Reported as sizes and a ratio of the same run; then which of the SDK's
// modules the extra bytes are, from a bundle of its sources (minified bytes per module).
// Usage: node packages/client/bench/size.mjs
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { builtDist, clientDir } from './built-dist.mjs';

const AIM_BYTES = 8 * 1024;
const dist = builtDist();
const { version } = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8'));

const programs = {
  'openapi-fetch': `
import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://admin.vps.org/api/v1', headers: { Authorization: 'Bearer ' + window.TOKEN } });
const list = await client.GET('/servers/', { params: { query: { status: 'active' } } });
const one = await client.GET('/servers/{server_id}/', { params: { path: { server_id: list.data.results[0].id } } });
if (one.response.status === 404) console.log('gone');
else console.log(one.data.name);
`,
  '@vpsorg/client': `
import { createVpsClient, NotFoundError } from '@vpsorg/client';
const client = createVpsClient({ token: window.TOKEN });
const list = await client.servers.list({ status: 'active' });
try {
  console.log((await client.servers.get(list.results[0].id)).name);
} catch (error) {
  if (error instanceof NotFoundError) console.log('gone');
  else throw error;
}
`,
};

async function bundle(contents, alias) {
  const result = await build({
    stdin: { contents, resolveDir: clientDir, sourcefile: 'app.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    alias,
    define: { __VPS_CLIENT_VERSION__: JSON.stringify(version) },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const sizes = {};
for (const [name, contents] of Object.entries(programs)) {
  sizes[name] = await bundle(contents, { '@vpsorg/client': dist });
}
const bare = sizes['openapi-fetch'];
const sdk = sizes['@vpsorg/client'];

console.log(`Bundle of a small program (list, get, 404), esbuild minified ESM for the browser, gzip -9\n`);
console.log('program through      minified     gzipped   gzipped vs openapi-fetch');
for (const [name, size] of Object.entries(sizes)) {
  console.log(`${name.padEnd(17)}${kB(size.minified).padStart(12)}${kB(size.gzipped).padStart(12)}${(size.gzipped / bare.gzipped).toFixed(2).padStart(19)}x`);
}
console.log(
  `\n@vpsorg/client bundle = ${kB(sdk.gzipped)} gzipped (aim <= ${kB(AIM_BYTES)}): ${sdk.gzipped <= AIM_BYTES ? 'MET' : 'NOT MET'}; ` +
    `the SDK's layers over openapi-fetch: +${kB(sdk.gzipped - bare.gzipped)} gzipped (+${kB(sdk.minified - bare.minified)} minified), ` +
    `ratio ${(sdk.gzipped / bare.gzipped).toFixed(2)}`,
);

// Where the bytes are: the same program bundled from the SDK's sources, minified bytes per module.
const fromSources = await bundle(programs['@vpsorg/client'], { '@vpsorg/client': join(clientDir, 'src/index.ts') });
const [output] = Object.values(fromSources.metafile.outputs);
const perModule = new Map();
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name = path.includes('node_modules/openapi-fetch') ? 'openapi-fetch (runtime)' : path.startsWith('<stdin>') || path === 'app.mjs' ? 'the program itself' : relative(clientDir, join(clientDir, path)).replace(/^src\//, '');
  perModule.set(name, (perModule.get(name) ?? 0) + bytesInOutput);
}
const total = [...perModule.values()].reduce((a, b) => a + b, 0);
console.log(`\nminified bytes per module (bundle of src/, ${kB(fromSources.minified)} minified, ${kB(fromSources.gzipped)} gzipped):`);
for (const [name, bytes] of [...perModule].sort((a, b) => b[1] - a[1])) {
  if (bytes === 0) continue;
  console.log(`  ${name.padEnd(28)}${String(bytes).padStart(7)} B ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
}
