// The built pages in real Chromium (Debian's, driven by playwright-core), served on 127.0.0.1:
// no request leaves the page's origin, no console error, all operations in the navigation, an
// operation's parameters, responses, examples and every code-sample language, search, and each
// locale page with its translated summaries and <html lang>.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { operationsOf, SAMPLE_LANGUAGES } from '../scripts/code-samples.mjs';
import { loadTranslations, LOCALES } from '../scripts/i18n.mjs';
import { serveDocs } from '../scripts/serve.mjs';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = path.join(DOCS_DIR, '.artifacts/screenshots');
const dist = inject('docsDist');
const bundled = JSON.parse(readFileSync(path.join(dist, 'openapi/servers.json'), 'utf8'));
const OPERATIONS = operationsOf(bundled).map(([route, method, op]) => ({ route, method, ...op }));

let server;
let browser;
let origin;
const opened = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDocs({ port: 0, root: dist });
  origin = new URL(server.url).origin;
  browser = await launchChromium('docs pages (browser)');
});

afterAll(async () => {
  await Promise.allSettled(opened.map((o) => o.context.close()));
  await browser?.close();
  await server?.close();
});

async function open(pagePath) {
  const recorded = await openRecordedPage(browser, origin);
  opened.push(recorded);
  const response = await recorded.page.goto(new URL(pagePath, server.url).href, { waitUntil: 'networkidle' });
  expect(response.status()).toBe(200);
  // Hydrated: the attribution logo is only added once the page's script has taken over.
  await recorded.page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
  return recorded;
}

/** The page made no request outside its origin and logged no error (checked after each test's actions). */
function expectClean({ outside, consoleErrors, requests }) {
  expect(requests.length, 'the page was requested').toBeGreaterThan(0);
  expect(outside(), 'requests outside the page origin').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
}

/**
 * Open each tag group of the sidebar in turn and collect the operation entries it shows:
 * [{ href, label }]. Each entry must be visible while its group is open.
 */
async function navigationOperations(page) {
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  const links = () =>
    menu.locator('a[href^="#/"]').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href'), label: a.querySelector('[data-text]')?.getAttribute('data-text') ?? a.textContent.trim() })),
    );
  const groups = (await links()).map((e) => e.href).filter((href) => /^#\/(?!section$)[^/]+$/.test(href));
  expect(groups.length, 'tag groups in the navigation').toBeGreaterThan(0);
  const found = new Map();
  for (const group of groups) {
    // A click toggles the group and Redoc renders its entries a moment later: in one full CI run
    // none were there yet when read. Wait for the first entry; click again if it does not show
    // (the click may have closed a group that was already open), at most three times.
    const firstEntry = menu.locator(`a[href^="${group}/"]`).first();
    for (let attempt = 1; ; attempt++) {
      await menu.locator(`a[href="${group}"]`).first().click();
      await page.waitForURL((url) => url.hash === group);
      const shown = await firstEntry.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      if (shown || attempt === 3) break;
    }
    const inGroup = (await links()).filter((e) => e.href.startsWith(`${group}/`));
    expect(inGroup.length, `operations under ${group}`).toBeGreaterThan(0);
    for (const entry of inGroup) {
      await menu.locator(`a[href="${entry.href}"]`).first().waitFor({ state: 'visible' });
      found.set(entry.href, entry);
    }
  }
  return [...found.values()];
}

const normalize = (text) => text.replace(/\s+/g, ' ').trim();

describe('the English page', () => {
  it('loads with no console error, no outside request, and lists all 9 operations in the navigation', async () => {
    const recorded = await open('/');
    const { page } = recorded;
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-overview.png') });
    const nav = await navigationOperations(page);
    expect(nav.map((e) => e.label).sort()).toEqual(OPERATIONS.map((op) => op.summary).sort());
    expect(nav.map((e) => e.href.split('/').at(-1)).sort()).toEqual(OPERATIONS.map((op) => op.operationId.toLowerCase()).sort());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-navigation.png') });
    expectClean(recorded);
  });

  it('shows an operation with its parameters, responses, examples and every code-sample language', async () => {
    const recorded = await open('/');
    const { page } = recorded;
    const op = OPERATIONS.find((o) => o.operationId === 'updateServer');
    const nav = await navigationOperations(page);
    const entry = nav.find((e) => e.label === op.summary);
    expect(entry, `${op.summary} in the navigation`).toBeDefined();
    // Follow the navigation entry's link (the sidebar re-renders while groups open, so a click
    // can land on a detached node; the route is what matters).
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, entry.href);
    await page.waitForURL((url) => url.hash === `#/servers/${op.operationId.toLowerCase()}`);
    const section = page.locator(`[id="servers/${op.operationId.toLowerCase()}"]`);
    await expect.poll(() => section.getByRole('heading', { name: op.summary }).count()).toBe(1);
    const text = async () => normalize(await section.innerText());

    // Parameters: the path parameter and every request body field.
    const deref = (node) => (node?.$ref ? node.$ref.slice(2).split('/').reduce((o, k) => o[k], bundled) : node);
    const body = deref(op.requestBody.content['application/json'].schema);
    const afterParams = await text();
    for (const name of ['server_id', ...Object.keys(body.properties)]) expect(afterParams).toContain(name);
    expect(afterParams).toContain(normalize(op.description));

    // Responses: one tab per documented status.
    for (const code of Object.keys(op.responses)) {
      expect(await section.getByRole('button', { name: code, exact: true }).count(), `response tab ${code}`).toBeGreaterThan(0);
    }
    // Examples: the 200 response example's values.
    const example = deref(Object.values(op.responses['200'].content['application/json'].examples)[0]).value;
    expect(afterParams).toContain(`"${example.name}"`);
    expect(afterParams).toContain(`"${example.hostname}"`);

    // Code samples: the language menu lists every one (SAMPLE_LANGUAGES); picking each shows its sample.
    const samples = Object.fromEntries(op['x-codeSamples'].map((s) => [s.label, s.source]));
    const labels = SAMPLE_LANGUAGES.map((l) => l.label);
    const languageButton = () => section.locator('button[aria-haspopup="menu"]').filter({ hasText: new RegExp(`^(${labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`) }).first();
    await languageButton().click();
    expect(await page.getByRole('menuitem').allTextContents()).toEqual(labels);
    for (const label of labels) {
      // The sample's most telling line: its longest line found in no other language's sample.
      const others = Object.entries(samples).filter(([l]) => l !== label).map(([, s]) => s);
      const telling = samples[label].split('\n').filter((line) => !others.some((o) => o.includes(line))).sort((a, b) => b.length - a.length)[0];
      const item = page.getByRole('menuitem', { name: label, exact: true });
      if (!(await item.isVisible())) await languageButton().click();
      await item.click();
      await expect.poll(async () => text(), { message: `${label} sample shown` }).toContain(normalize(telling));
      await page.screenshot({ path: path.join(SCREENSHOTS, `en-${op.operationId}-${label.toLowerCase().replaceAll(' ', '-')}.png`) });
    }
    expectClean(recorded);
  });

  it('search finds "reboot" and opens the reboot operation', async () => {
    const recorded = await open('/');
    const { page } = recorded;
    await page.getByText('Search Ctrl+K').first().click();
    const input = page.getByPlaceholder('Search docs...');
    await input.fill('reboot');
    const reboot = OPERATIONS.find((o) => o.operationId === 'rebootServer');
    const hit = page.locator('[data-component-name="Search/SearchItem"]').filter({ hasText: reboot.summary }).first();
    await hit.waitFor();
    expect(normalize(await hit.innerText())).toMatch(new RegExp(`POST ?${reboot.route.replace(/[{}]/g, '\\$&')}`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-search-reboot.png') });
    await hit.click();
    await page.waitForURL((url) => url.hash === `#/server-actions/${reboot.operationId.toLowerCase()}`);
    await expect.poll(() => page.getByRole('heading', { name: reboot.summary }).count()).toBeGreaterThan(0);
    expectClean(recorded);
  });
});

describe('opened from the file system (no server at all)', () => {
  it('renders, routes and switches language with no request outside dist/ (the page and its shared files) and no console error', async () => {
    const recorded = await openRecordedPage(browser, 'null');
    opened.push(recorded);
    const { page, requests, consoleErrors } = recorded;
    const file = pathToFileURL(path.join(dist, 'ja/index.html')).href;
    await page.goto(file, { waitUntil: 'load' });
    await page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
    const nav = await navigationOperations(page);
    expect(nav).toHaveLength(9);
    // The switcher is named in the page's language (ja 言語).
    await page.getByRole('navigation', { name: loadTranslations('ja').labels['page.languages'].text }).locator('a[hreflang="fr"]').click();
    // The switcher keeps the place: the last group opened.
    const last = nav.at(-1).href.split('/').slice(0, 2).join('/');
    await page.waitForURL(`${pathToFileURL(path.join(dist, 'fr/index.html')).href}${last}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The French page shows its Try it buttons too: the shared scripts load from the file system.
    await page.locator('[data-testid="try-it-open"]').first().waitFor();
    expect(await page.locator('[data-testid="try-it-open"]').first().innerText()).toBe(loadTranslations('fr').labels['tryit.open'].text);
    const fetched = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'));
    const inDist = pathToFileURL(dist).href.replace(/\/?$/, '/');
    expect(fetched.filter((url) => !url.startsWith(inDist)), 'requests outside dist/').toEqual([]);
    expect(fetched.filter((url) => url.endsWith('.html'))).toEqual([file, pathToFileURL(path.join(dist, 'fr/index.html')).href]);
    expect(fetched.some((url) => /\/assets\/redoc\.[0-9a-f]+\.js$/.test(url)), 'the shared Redoc script').toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

describe.each(LOCALES.map((l) => [l.code, l]))('the %s page', (code, locale) => {
  const translations = parseYaml(readFileSync(path.join(DOCS_DIR, 'i18n', `${code}.yaml`), 'utf8')).translations;

  it('has <html lang>, all 9 operations with their translated summaries, no outside request and no console error', async () => {
    const recorded = await open(`/${code}/`);
    const { page } = recorded;
    expect(await page.locator('html').getAttribute('lang')).toBe(locale.htmlLang);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${code}-overview.png`) });
    const nav = await navigationOperations(page);
    expect(nav).toHaveLength(9);
    const labels = nav.map((e) => e.label);
    let documented = 0;
    for (const op of OPERATIONS) {
      const translated = translations[`operations.${op.operationId}.summary`]?.text;
      if (!translated) continue;
      documented++;
      expect(labels, `${code}: summary of ${op.operationId}`).toContain(translated.trim());
    }
    expect(documented, `${code}: translated operation summaries`).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${code}-navigation.png`) });
    expectClean(recorded);
  });

  it('links every other page in its language switcher, and the links work', async () => {
    const recorded = await open(`/${code}/`);
    const { page } = recorded;
    const switcher = page.getByRole('navigation', { name: loadTranslations(code).labels['page.languages'].text });
    const links = await switcher.getByRole('link').evaluateAll((as) => as.map((a) => ({ lang: a.getAttribute('hreflang'), current: a.getAttribute('aria-current') })));
    expect(links.map((l) => l.lang)).toEqual(['en', ...LOCALES.map((l) => l.htmlLang)]);
    expect(links.filter((l) => l.current === 'page').map((l) => l.lang)).toEqual([locale.htmlLang]);
    await switcher.locator('a[hreflang="en"]').click();
    await page.waitForURL(`${server.url}index.html`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expectClean(recorded);
  });
});
