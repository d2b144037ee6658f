#!/usr/bin/env node
// `pnpm bench` (docs part): what the pages weigh, built now from the spec (into a scratch folder).
//  1. Bytes gzipped (-9) of the first page a browser opens and of a second locale after it, now
//     (pages share Redoc's script, its styles and the console as files in assets/) and as the
//     pages were before (everything inlined in each page), as a ratio of the same run.
//     Aim: a browser that has one page needs <= 100 kB (gzipped) more for another.
//  2. The same in Chromium from `pnpm docs:serve` (serveDocs: gzip over http, cache headers):
//     the bytes on the wire for the English page, then for the Japanese page in the same tab.
//  3. What the Try it console adds to a page, gzipped: its script (with the API's model), its
//     stylesheet, the config script and the page's own console words. Aim: <= 30 kB.
// Usage: node packages/docs/bench/size.mjs [--dist DIR] (an existing build instead of building)
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';
import { buildDocs } from '../scripts/build.mjs';
import { serveDocs } from '../scripts/serve.mjs';

const SECOND_PAGE_AIM = 100 * 1024;
const CONSOLE_AIM = 30 * 1024;
const { values } = parseArgs({ strict: false, options: { dist: { type: 'string' } } });

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const met = (value, aim) => (value <= aim ? 'MET' : 'NOT MET');

let dist = values.dist ? path.resolve(values.dist) : undefined;
let scratch;
if (!dist) {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'vpsorg-docs-bench-'));
  dist = path.join(scratch, 'dist');
  const started = performance.now();
  await buildDocs({ outDir: dist, locales: 'all', log: () => {}, warn: () => {}, strict: false });
  console.log(`Built the docs (all locales) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}

try {
  const read = (file) => readFile(path.join(dist, file), 'utf8');
  const pages = { en: await read('index.html'), ja: await read('ja/index.html') };
  const assets = Object.fromEntries(await Promise.all((await readdir(path.join(dist, 'assets'))).map(async (f) => [f, await read(`assets/${f}`)])));
  const config = await read('try-it-config.js');
  const loaded = (html) => [...html.matchAll(/(?:src|href)="(?:\.\.\/)?(assets\/[^"]+|try-it-config\.js)"/g)].map((m) => m[1]);
  const fileText = (file) => (file === 'try-it-config.js' ? config : assets[file.slice('assets/'.length)]);
  const sharedBytes = (html) => loaded(html).reduce((sum, file) => sum + gz(fileText(file)), 0);

  // 1. Static: the first page with what it loads, a second locale on top of it; and inlined.
  const firstNow = gz(pages.en) + sharedBytes(pages.en);
  const secondNow = gz(pages.ja) + loaded(pages.ja).filter((f) => !loaded(pages.en).includes(f)).reduce((sum, f) => sum + gz(fileText(f)), 0);
  const inlined = (html) => html + loaded(html).filter((f) => !f.startsWith('assets/try-it') && f !== 'try-it-config.js').map(fileText).join('\n');
  const firstBefore = gz(inlined(pages.en));
  const secondBefore = gz(inlined(pages.ja));
  console.log('Bytes to open the docs, gzip -9 (static: the files a page loads)\n');
  console.log('                              first page (en)   second locale (ja) after it');
  console.log(`every page inlines Redoc     ${kB(firstBefore).padStart(16)}   ${kB(secondBefore).padStart(16)}`);
  console.log(`pages share assets/ (now)    ${kB(firstNow).padStart(16)}   ${kB(secondNow).padStart(16)}`);
  console.log(`now / inlined                ${(firstNow / firstBefore).toFixed(2).padStart(16)}   ${(secondNow / secondBefore).toFixed(3).padStart(16)}`);
  console.log(`\nsecond locale = ${kB(secondNow)} gzipped (aim <= ${kB(SECOND_PAGE_AIM)}): ${met(secondNow, SECOND_PAGE_AIM)}`);

  // 2. In Chromium, from the docs server: the bytes on the wire (encoded bodies plus headers).
  const server = await serveDocs({ port: 0, root: dist, tryItServers: [] });
  const browser = await launchChromium('docs size bench');
  try {
    const recorded = await openRecordedPage(browser, new URL(server.url).origin);
    const wire = async (pagePath) => {
      const responses = [];
      const onResponse = (response) => responses.push(response);
      recorded.page.on('response', onResponse);
      await recorded.page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load' });
      await recorded.page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
      recorded.page.off('response', onResponse);
      let bytes = 0;
      const files = [];
      for (const response of responses) {
        const sizes = await response.request().sizes();
        // From the memory cache, nothing was transferred (the sizes are reported as negative).
        const body = Math.max(0, sizes.responseBodySize);
        bytes += body + Math.max(0, sizes.responseHeadersSize);
        const name = new URL(response.url()).pathname.split('/').pop().replace(/\.[0-9a-f]{12}\./, '.') || 'index.html';
        const how = response.status() === 304 ? '304' : sizes.responseBodySize <= 0 ? 'from cache' : response.headers()['content-encoding'] ?? 'identity';
        files.push(`${name} ${kB(body)} (${how})`);
      }
      return { bytes, files };
    };
    const first = await wire('/');
    const second = await wire('/ja/');
    console.log('\nIn Chromium from pnpm docs:serve (compressed as the browser accepts, assets cached immutable), bytes on the wire\n');
    console.log(`first page (en)        ${kB(first.bytes).padStart(10)}  ${first.files.join(', ')}`);
    console.log(`second locale (ja)     ${kB(second.bytes).padStart(10)}  ${second.files.join(', ')}`);
    console.log(`second / first         ${(second.bytes / first.bytes).toFixed(3).padStart(10)}`);
    console.log(`\nsecond locale in Chromium = ${kB(second.bytes)} (aim <= ${kB(SECOND_PAGE_AIM)}): ${met(second.bytes, SECOND_PAGE_AIM)}`);
  } finally {
    await browser.close();
    await server.close();
  }

  // 3. The Try it console's share of a page: its files, and its words inside the page.
  const consoleFiles = loaded(pages.en).filter((f) => f.startsWith('assets/try-it') || f === 'try-it-config.js');
  const filesBytes = consoleFiles.reduce((sum, f) => sum + gz(fileText(f)), 0);
  const withoutConsole = (html) =>
    html
      .replace(/<script>globalThis\.__vpsorgTryItPage=[\s\S]*?<\/script>/, '')
      .replace(/,"tryit":\{[^}]*\}/, '')
      .replace(/<link rel="stylesheet" href="(?:\.\.\/)?assets\/try-it[^"]*">/, '')
      .replace(/<script defer src="(?:\.\.\/)?(?:try-it-config\.js|assets\/try-it[^"]*)"><\/script>/g, '');
  console.log('\nWhat the Try it console adds to a page, gzip -9\n');
  for (const [code, html] of Object.entries(pages)) {
    const inPage = gz(html) - gz(withoutConsole(html));
    const total = filesBytes + inPage;
    const parts = consoleFiles.map((f) => `${f.replace(/\.[0-9a-f]{12}\./, '.')} ${kB(gz(fileText(f)))}`).join(', ');
    console.log(`${code}: ${kB(total)} = ${parts}, its words in the page ${kB(inPage)} (aim <= ${kB(CONSOLE_AIM)}): ${met(total, CONSOLE_AIM)}`);
  }
} finally {
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
