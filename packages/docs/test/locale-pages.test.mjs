// Each locale page in real Chromium, read the way a reader does: every tag group opened, every
// operation visited, a response tab switched, its Try it console opened and used against a local
// sandbox (a body that breaks the schema, then a real request; the clock and the copy buttons on
// the first), the search box used. What the page shows (text and the attributes a reader meets:
// placeholder, aria-label, title) is compared with the English page after the same steps: whatever
// is the same in both, outside code samples, JSON examples and API values (field, parameter, enum
// and type names, paths, formats, quoted example values), is English left behind, and fails the
// test with the texts named. A screenshot of each page, all open, is kept in
// .artifacts/screenshots/<code>-all-open.png. Also: the language switcher keeps your place.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMock } from '@vpsorg/mock';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';
import { operationsOf } from '../scripts/code-samples.mjs';
import { loadTranslations, LOCALES } from '../scripts/i18n.mjs';
import { serveDocs } from '../scripts/serve.mjs';
import { apiWordsOf, englishLeft, snapshot } from './support/page-text.mjs';
import { openConsole, pageErrors, send, tryItLabels } from './support/try-it-page.mjs';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = path.join(DOCS_DIR, '.artifacts/screenshots');
const dist = inject('docsDist');
const bundled = JSON.parse(readFileSync(path.join(dist, 'openapi/servers.json'), 'utf8'));

const { isApiValue } = apiWordsOf(bundled);
const OPERATIONS = operationsOf(bundled).map(([, , op]) => op);
// The consoles used on every page, in page order: the list (a choice and a text parameter),
// create (a body broken first, then sent; the sandbox clock, both copies), delete (no body
// back) and start (of the server just deleted: an error body). The first is the one used first.
const CONSOLES_USED = ['listServers', 'createServer', 'deleteServer', 'startServer'];

let server;
let browser;
let sandbox;
const opened = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The consoles call a sandbox on another origin, as under pnpm start --stateful.
  sandbox = await startMock({ stateful: true });
  server = await serveDocs({ port: 0, root: dist, tryItServers: [{ url: sandbox.url, sandbox: true }] });
  browser = await launchChromium('docs locale pages (browser)');
});

afterAll(async () => {
  await Promise.allSettled(opened.map((o) => o.context.close()));
  await browser?.close();
  await server?.close();
  await sandbox?.stop();
});

async function open(pagePath) {
  const recorded = await openRecordedPage(browser, new URL(server.url).origin);
  await recorded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  recorded.errors = pageErrors(recorded, sandbox.url);
  opened.push(recorded);
  const response = await recorded.page.goto(new URL(pagePath, server.url).href, { waitUntil: 'networkidle' });
  expect(response.status()).toBe(200);
  await recorded.page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
  return recorded;
}

/**
 * Use an operation's Try it console: a body that breaks the schema first (its problems listed),
 * then the example, sent to the sandbox (its answer shown); the token typed in the first one.
 * On the create console also the sandbox clock and both copy buttons.
 */
async function useConsole(page, operation, { code, first, take }) {
  const clockAndCopies = operation.operationId === 'createServer';
  const labels = tryItLabels(code);
  const panel = await openConsole(page, operation);
  if (first) await panel.getByTestId('try-it-token').fill(`locale-pages-${code}`);
  const body = panel.getByTestId('try-it-body');
  if (await body.count()) {
    await body.fill('{"name": 7, "not_a_field": true}');
    await panel.getByTestId('try-it-send').click();
    await panel.getByRole('alert').waitFor();
    await take();
    await panel.getByRole('button', { name: labels.resetBody, exact: true }).click();
  }
  await send(panel, labels);
  if (clockAndCopies) {
    await panel.getByRole('button', { name: labels.advance, exact: true }).click();
    await expect.poll(() => panel.getByRole('status').filter({ hasText: /\d{4}-\d{2}-\d{2}T/ }).count()).toBe(1);
    await panel.getByTestId('try-it-copy-curl').click();
    await panel.getByTestId('try-it-copy-cli').click();
    await panel.getByText(labels.copied, { exact: true }).waitFor();
  }
  await take();
  // Closed again, so the next operations lay out as a reader who does not use Try it sees them.
  await panel.getByRole('button', { name: labels.close, exact: true }).click();
  await panel.waitFor({ state: 'hidden' });
}

/**
 * Read the whole page: open each tag group, visit each operation, switch its first response
 * tab other than the success one, use its Try it console, then search. Returns the set of texts
 * seen along the way.
 */
async function readWholePage(page, { code, searchFor, placeholder, expandAll, collapseAll }) {
  const seen = new Set();
  const take = async () => (await snapshot(page)).forEach((t) => seen.add(t));
  await take();
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  const hrefs = () => menu.locator('a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const groups = (await hrefs()).filter((h) => /^#\/(?!section\/)[^/]+$/.test(h));
  expect(groups, 'tag groups').toHaveLength(bundled.tags.length);
  let switched = 0;
  let consoles = 0;
  let tryItButtons = 0;
  let expanded = false;
  for (const group of groups) {
    await menu.locator(`a[href="${group}"]`).first().click();
    await page.waitForURL((url) => url.hash === group);
    // The group's entries appear once Redoc has re-rendered the menu.
    await expect.poll(async () => (await hrefs()).filter((h) => h.startsWith(`${group}/`)).length, { message: `operations under ${group}` }).toBeGreaterThan(0);
    const operations = [...new Set((await hrefs()).filter((h) => h.startsWith(`${group}/`)))];
    for (const href of operations) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, href);
      await page.waitForURL((url) => url.hash === href);
      const section = page.locator(`[id="${href.slice(2)}"]`);
      await section.waitFor();
      // Switch a response tab: the first error status the operation has.
      const tab = section.getByRole('button', { name: /^4\d\d$/ }).first();
      if (await tab.count()) {
        await tab.click();
        switched++;
      }
      await take();
      // Expand every field once, so that the toggle shows its other label ("Collapse all").
      const toggle = section.getByText(expandAll, { exact: true }).first();
      if (!expanded && (await toggle.count())) {
        await toggle.click();
        await section.getByText(collapseAll, { exact: true }).first().waitFor();
        expanded = true;
        await take();
      }
      // Every operation has its Try it button; a few of them, which between them show every kind
      // of text a console has, are used (the console makes the section taller: what it pushes out
      // of view Redoc may stop rendering, so the section was read first).
      const operation = OPERATIONS.find((op) => op.operationId.toLowerCase() === href.split('/').at(-1));
      await section.getByTestId('try-it-open').waitFor();
      tryItButtons++;
      if (CONSOLES_USED.includes(operation.operationId)) await useConsole(page, operation, { code, first: consoles++ === 0, take });
    }
  }
  expect(switched, 'response tabs switched').toBeGreaterThan(5);
  expect(expanded, `"${expandAll}" clicked once`).toBe(true);
  expect(tryItButtons, 'operations with their Try it button').toBe(OPERATIONS.length);
  expect(consoles, 'Try it consoles used').toBe(CONSOLES_USED.length);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${code}-all-open.png`), fullPage: false });
  // The search box: open it, type, look at the results and the key hints.
  await page.getByText('Ctrl+K').first().click();
  const input = page.getByPlaceholder(placeholder);
  await input.waitFor();
  await take();
  await input.fill(searchFor);
  await page.locator('[data-component-name="Search/SearchItem"]').first().waitFor();
  await take();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${code}-search.png`) });
  await page.keyboard.press('Escape');
  return seen;
}

let english;
const englishSeen = async () => {
  if (!english) {
    const recorded = await open('/');
    english = await readWholePage(recorded.page, { code: 'en', searchFor: 'reboot', placeholder: 'Search docs...', expandAll: 'Expand all', collapseAll: 'Collapse all' });
  }
  return english;
};

describe.each(LOCALES.map((l) => [l.code, l]))('the %s page, read with every group open', (code, locale) => {
  const { translations, labels } = loadTranslations(code);
  // The locale's own choices that happen to be spelled as in English (loanwords such as tl "Default").
  const own = new Set([...Object.values(labels).map((l) => l.text.trim()), ...Object.values(translations).map((t) => t.text.trim())]);

  it('shows no English outside code samples and API values', async () => {
    const en = await englishSeen();
    const recorded = await open(`/${code}/`);
    const { page } = recorded;
    expect(await page.locator('html').getAttribute('lang')).toBe(locale.htmlLang);
    const search = translations['operations.rebootServer.summary'].text.split(/\s+/).at(-1);
    const seen = await readWholePage(page, {
      code,
      searchFor: search,
      placeholder: labels['dom.searchPlaceholder'].text,
      expandAll: labels['redoc.openapi.expandAll'].text,
      collapseAll: labels['redoc.openapi.collapseAll'].text,
    });
    const left = englishLeft(seen, en, { isApiValue, own });
    expect(left, `${code}: English left on the page`).toEqual([]);
    // The consoles' own words are there, and the sandbox's answers were shown with their meaning.
    const tryit = tryItLabels(code);
    for (const key of ['open', 'send', 'copyCurl', 'copyCli', 'conforms', 'notSent', 'advance', 'noBody', 'unset']) expect([...seen], `${code} tryit.${key}`).toContain(tryit[key]);
    expect([...seen].some((t) => t.startsWith(`${tryit['field.body']}`) || t.includes(tryit['error.required'])), `${code}: a problem of the broken body`).toBe(true);
    // And the locale's own words are there: labels through the translate hook and rewritten ones.
    for (const key of ['redoc.request', 'redoc.responses', 'redoc.required']) expect([...seen], `${code} ${key}`).toContain(labels[key].text.trim());
    expect([...seen].some((t) => t === `@placeholder: ${labels['dom.searchPlaceholder'].text}`), `${code}: search placeholder`).toBe(true);
    expect([...seen], `${code}: tag name`).toContain(translations['tags.Servers.name'].text);
    // Outside its origin, the page called the sandbox the reader chose, and nothing else.
    expect(recorded.outside().filter((url) => !url.startsWith(`${sandbox.url}/`)), 'requests outside the page origin and the sandbox').toEqual([]);
    expect(recorded.outside().length, 'requests the consoles sent').toBeGreaterThanOrEqual(CONSOLES_USED.length);
    expect(recorded.errors(), 'console errors').toEqual([]);
    // A guard against a hang, not a time asserted: a whole page read with four consoles used takes
    // about 20 s alone and went past vitest's 60 s on a loaded 2-core machine.
  }, 300_000);
});

describe('the check itself', () => {
  it('would catch an English label or sentence: the English page read the same way has them', async () => {
    const en = await englishSeen();
    const consoleWords = ['Try it', 'Send', 'Copy as cURL', 'The response matches the documented schema for this status.', 'Nothing was sent. Fix these first:'];
    // (Redoc's schema button says both, as it was clicked once while reading.)
    for (const text of ['Request', 'Responses', 'required', 'Expand all', 'Collapse all', '@placeholder: Search docs...', 'Servers', 'Server actions', 'Authentication', ...consoleWords]) {
      expect(en.has(text), text).toBe(true);
      expect(isApiValue(text.replace(/^@[\w-]+: /, '')), text).toBe(false);
    }
    expect(isApiValue('backups_enabled')).toBe(true);
    expect(isApiValue('string or null, (ipv4)')).toBe(false);
    expect(isApiValue('"web-server-01"')).toBe(true);
  });
});

describe('the language switcher keeps your place', () => {
  it('lands on the same operation in the other language', async () => {
    const recorded = await open('/fr/#/servers/getserver');
    const { page } = recorded;
    await page.locator('[id="servers/getserver"]').waitFor();
    await page.getByRole('navigation', { name: loadTranslations('fr').labels['page.languages'].text }).locator('a[hreflang="ja"]').click();
    await page.waitForURL((url) => url.pathname === '/ja/index.html' && url.hash === '#/servers/getserver');
    const title = loadTranslations('ja').translations['operations.getServer.summary'].text;
    await expect.poll(() => page.locator('[id="servers/getserver"]').getByRole('heading', { name: title }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(recorded.consoleErrors).toEqual([]);
  });

  it('lands on the same section, whose route is made of its translated heading', async () => {
    const recorded = await open('/#/section/errors');
    const { page } = recorded;
    await page.getByRole('navigation', { name: 'Language' }).locator('a[hreflang="fr"]').click();
    await page.waitForURL((url) => url.pathname === '/fr/index.html' && url.hash === '#/section/erreurs');
    await expect.poll(() => page.locator('[id="section/erreurs"]').innerText()).toMatch(/^Erreurs/);
    // And on to Italian from there, then back to English.
    await page.getByRole('navigation', { name: 'Langue' }).locator('a[hreflang="it"]').click();
    await page.waitForURL((url) => url.pathname === '/it/index.html' && url.hash === '#/section/errori');
    await page.getByRole('navigation', { name: 'Lingua' }).locator('a[hreflang="en"]').click();
    await page.waitForURL((url) => url.pathname === '/index.html' && url.hash === '#/section/errors');
    expect(recorded.consoleErrors).toEqual([]);
  });

  it('keeps a deeper place (a response of an operation) and falls back to the page top for an unknown route', async () => {
    const recorded = await open('/sv/#/server-actions/rebootserver/responses');
    const { page } = recorded;
    await page.getByRole('navigation', { name: 'Språk' }).locator('a[hreflang="tl"]').click();
    await page.waitForURL((url) => url.pathname === '/tl/index.html' && url.hash === '#/server-actions/rebootserver/responses');
    const other = await open('/it/#/nowhere');
    await other.page.getByRole('navigation', { name: 'Lingua' }).locator('a[hreflang="fr"]').click();
    await other.page.waitForURL((url) => url.pathname === '/fr/index.html');
    expect(new URL(other.page.url()).hash).toBe('#/nowhere');
  });
});
