// The MSW page (fixtures/msw-page) in Chromium: served on 127.0.0.1 with the bundle and MSW's
// worker script, opened in Debian's Chromium (@vpsorg/toolchain/chromium), and its flow read back.
// Every request that reaches the network is recorded: a request that leaves the page's origin is
// one the service worker did not answer.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';

export const PAGE_DIR = new URL('../fixtures/msw-page/', import.meta.url);

/**
 * Serve the page: `/` the HTML, `/page.js` the bundle, `/mockServiceWorker.js` MSW's worker.
 * @param {{ script: string, workerFile: string }} files
 */
export async function servePage({ script, workerFile }) {
  const html = await readFile(new URL('index.html', PAGE_DIR), 'utf8');
  const worker = await readFile(workerFile, 'utf8');
  const files = { '/': ['text/html', html], '/page.js': ['text/javascript', script], '/mockServiceWorker.js': ['text/javascript', worker] };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://page').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Open the page in Chromium and wait for its flow. Returns the flow's steps, the requests that
 * reached the network outside the page's origin (none may), the page's requests outside its
 * origin with whether the service worker answered each, and console errors.
 * @param {string} url @param {string} family the test family using the browser
 */
export async function runPageFlow(url, family) {
  const browser = await launchChromium(family);
  try {
    const origin = new URL(url).origin;
    const recorded = await openRecordedPage(browser, origin);
    const { page, context } = recorded;
    /** @type {string[]} */
    const leaked = [];
    // Only requests that reach the network get here; the service worker's answers never do.
    await context.route('**/*', (route) => {
      const target = route.request().url();
      if (new URL(target).origin === origin) return route.continue();
      leaked.push(`${route.request().method()} ${target}`);
      return route.abort('blockedbyclient');
    });
    /** @type {{ url: string, fromServiceWorker: boolean }[]} */
    const answered = [];
    page.on('response', (response) => {
      if (new URL(response.url()).origin !== origin) answered.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
    });
    await page.goto(url);
    const steps = await page.evaluate(() => /** @type {any} */ (window).flow);
    return { steps, leaked, outside: recorded.outside(), answered, consoleErrors: recorded.consoleErrors };
  } finally {
    await browser.close();
  }
}

/** The steps the flow must take (the page's window.flow). */
export const EXPECTED_STEPS = [
  ['base', 'https://admin.vps.org/api/v1'],
  ['create', 12347, 'provisioning'],
  ['advance 300 s', 'active', '203.0.113.1'],
  ['stop', 'stopping'],
  ['advance 10 s', 'stopped'],
  ['stop again', 'BadRequestError', 'invalid_state'],
  ['servers', '12345 active, 12346 active, 12347 stopped'],
];
