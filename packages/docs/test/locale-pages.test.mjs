// Each locale page in real Chromium, read the way a reader does: every tag group opened, every
// operation visited, a response tab switched, the search box used. What the page shows (text and
// the attributes a reader meets: placeholder, aria-label, title) is compared with the English page
// after the same steps: whatever is the same in both, outside code samples, JSON examples and API
// values (field, parameter, enum and type names, paths, formats, quoted example values), is English
// left behind, and fails the test with the texts named. A screenshot of each page, all open, is
// kept in .artifacts/screenshots/<code>-all-open.png. Also: the language switcher keeps your place.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTranslations, LOCALES } from '../scripts/i18n.mjs';
import { serveDocs } from '../scripts/serve.mjs';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = path.join(DOCS_DIR, '.artifacts/screenshots');
const dist = inject('docsDist');
const bundled = JSON.parse(readFileSync(path.join(dist, 'openapi/servers.json'), 'utf8'));

// Words that are the same in every language here: API values of the spec (keys and the values
// of fields that are not text), JSON Schema types and formats, HTTP methods, product and language
// names, units and acronyms.
const TEXT_FIELDS = new Set(['description', 'summary', 'title', 'label', 'x-displayName']);
const API_WORDS = new Set([
  'string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'int64', 'ipv4', 'ipv6', 'date-time', 'get', 'post', 'put',
  'patch', 'delete', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'application', 'json', 'VPS.org', 'VPS', 'API', 'JSON', 'HTTP', 'UTC',
  'RFC', 'URL', 'ID', 'FQDN', 'DNS', 'SSH', 'IPv4', 'IPv6', 'vCPU', 'vCPUs', 'MiB', 'GB', 'Bearer', 'cURL', 'Python', 'JavaScript',
  'PHP', 'TypeScript', 'Redocly', 'MIT', 'Esc', 'Ctrl', 'K', 'https', 'admin.vps.org', 'api', 'v1', 'servers', 'vps.org', 'support',
  'support@vps.org',
]);
// Names the page shows as they are: properties, parameters, headers, schemas, path segments;
// and every value of a field that is not text (enum values, formats, patterns, example values).
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const words = (s) => s.match(/[A-Za-z_][\w.@-]*/g) ?? [];
for (const route of Object.keys(bundled.paths)) words(route).forEach((w) => API_WORDS.add(w));
for (const name of Object.keys(bundled.components.schemas)) API_WORDS.add(name);
for (const name of Object.keys(bundled.components.securitySchemes)) API_WORDS.add(name);
(function collect(node, key) {
  if (Array.isArray(node)) return node.forEach((item) => collect(item, key));
  if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'x-codeSamples') continue;
      if ((key === 'properties' || key === 'headers') && isObj(v)) API_WORDS.add(k);
      if (k === 'name' && typeof v === 'string' && 'in' in node) API_WORDS.add(v); // a parameter
      collect(v, k);
    }
  } else if (typeof node === 'string' && !/\s/.test(node) && !TEXT_FIELDS.has(key) && key !== 'name' && key !== 'tags') {
    // (Only single tokens: an example value that is a sentence is shown quoted or as code.)
    words(node).forEach((w) => API_WORDS.add(w));
  } else if (typeof node === 'boolean') {
    API_WORDS.add(String(node));
  }
})(bundled);

/** Text that carries no language: quoted values, numbers, punctuation, API words only. */
function isApiValue(text) {
  if (/^["'].*["']$/.test(text)) return true;
  if (/^\^/.test(text)) return true; // a pattern
  if (/^[\w.-]+=[\w.-]+$/.test(text)) return true; // an example query (status=active)
  const words = text.match(/[A-Za-z_][\w.@-]*[\w]|[A-Za-z]/g) ?? [];
  return words.every((w) => API_WORDS.has(w) || API_WORDS.has(w.replace(/[.]$/, '')));
}

let server;
let browser;
const opened = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDocs({ port: 0, root: dist });
  browser = await launchChromium('docs locale pages (browser)');
});

afterAll(async () => {
  await Promise.allSettled(opened.map((o) => o.context.close()));
  await browser?.close();
  await server?.close();
});

async function open(pagePath) {
  const recorded = await openRecordedPage(browser, new URL(server.url).origin);
  opened.push(recorded);
  const response = await recorded.page.goto(new URL(pagePath, server.url).href, { waitUntil: 'networkidle' });
  expect(response.status()).toBe(200);
  await recorded.page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
  return recorded;
}

/** Every text node and reader-facing attribute now on the page, outside code, examples and the switcher. */
const snapshot = (page) =>
  page.evaluate(() => {
    const skip = 'pre, code, script, style, textarea, [data-component-name="JsonViewer/JsonViewer"], .vpsorg-languages';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.nodeValue.replace(/\s+/g, ' ').trim();
      if (text && /\p{L}/u.test(text) && !node.parentElement.closest(skip)) out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (el.closest(skip)) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(name)?.trim();
        if (value && /\p{L}/u.test(value)) out.push(`@${name}: ${value}`);
      }
    }
    return out;
  });

/**
 * Read the whole page: open each tag group, visit each operation, switch its first response
 * tab other than the success one, then search. Returns the set of texts seen along the way.
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
    }
  }
  expect(switched, 'response tabs switched').toBeGreaterThan(5);
  expect(expanded, `"${expandAll}" clicked once`).toBe(true);
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
    const left = [...seen].filter((text) => en.has(text) && !isApiValue(text.replace(/^@[\w-]+: /, '')) && !own.has(text.replace(/^@[\w-]+: /, '')));
    expect(left, `${code}: English left on the page`).toEqual([]);
    // And the locale's own words are there: labels through the translate hook and rewritten ones.
    for (const key of ['redoc.request', 'redoc.responses', 'redoc.required']) expect([...seen], `${code} ${key}`).toContain(labels[key].text.trim());
    expect([...seen].some((t) => t === `@placeholder: ${labels['dom.searchPlaceholder'].text}`), `${code}: search placeholder`).toBe(true);
    expect([...seen], `${code}: tag name`).toContain(translations['tags.Servers.name'].text);
    expect(recorded.outside(), 'requests outside the page origin').toEqual([]);
    expect(recorded.consoleErrors, 'console errors').toEqual([]);
  });
});

describe('the check itself', () => {
  it('would catch an English label or sentence: the English page read the same way has them', async () => {
    const en = await englishSeen();
    for (const text of ['Request', 'Responses', 'required', 'Collapse all', '@placeholder: Search docs...', 'Servers', 'Server actions', 'Authentication']) {
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
