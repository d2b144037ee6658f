// @vpsorg/mock/msw in Chromium with MSW's service worker: a page bundled with esbuild for the
// browser, the client calling the production base URL, the sandbox answering in the page. No
// request leaves the page: the worker answers every API call (and the network sees none).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_STEPS, PAGE_DIR, runPageFlow, servePage } from './support/browser-page.js';

const mockDir = fileURLToPath(new URL('..', import.meta.url));
let page;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('page.js', PAGE_DIR))],
    absWorkingDir: mockDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // The package's own entry, as a user's bundler resolves @vpsorg/mock/msw.
    alias: { '@vpsorg/mock/msw': fileURLToPath(new URL('../src/msw.js', import.meta.url)) },
    logLevel: 'silent',
  });
  page = await servePage({
    script: bundled.outputFiles[0].text,
    workerFile: createRequire(`${mockDir}/package.json`).resolve('msw/mockServiceWorker.js'),
  });
});

afterAll(async () => {
  await page?.close();
});

describe('the sandbox in the browser, under MSW’s service worker', () => {
  it('runs create -> advance -> active -> stop -> stopped -> refused stop, with no request leaving the page', async () => {
    const { steps, leaked, outside, answered, consoleErrors } = await runPageFlow(page.url, 'mock msw (browser)');
    expect(steps).toEqual(EXPECTED_STEPS);
    expect(leaked, 'requests that reached the network outside the page').toEqual([]);
    // The client did call the production API, and the service worker answered each call.
    expect(outside.filter((u) => u.startsWith('https://admin.vps.org/api/v1/servers/')).length).toBeGreaterThanOrEqual(5);
    expect(answered.length).toBe(outside.length);
    expect(answered.filter((a) => !a.fromServiceWorker)).toEqual([]);
    // The one error the console shows is the browser logging the refused stop's 400.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 ()']);
  }, 60_000);
});
