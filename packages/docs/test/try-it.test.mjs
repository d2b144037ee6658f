// The Try it console in real Chromium, on every page (English and the five locales), with the
// docs on one origin and the stateful sandbox on another (CORS), as `pnpm start --stateful` serves
// them: create a server, advance the sandbox clock, find it active in the list; a body that breaks
// the schema is refused field by field in the page's language and nothing is sent; a 404 shows
// its error body and request id; "copy as cURL" and "copy as vps", run by bash with the recorded
// curl and the CLI of this repository, get the status the console got; the token is in no URL,
// no localStorage, no console message and no request to another origin. Then the console with
// the keyboard alone, its labels, and `pnpm docs:serve` finding a mock beside it.
// One browser and one page for all six pages: the shared assets come from the browser's cache.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApiModel } from '@vpsorg/codegen';
import { startMock } from '@vpsorg/mock';
import { tool } from '@vpsorg/toolchain';
import { launchChromium, openRecordedPage } from '@vpsorg/toolchain/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGLISH } from '../scripts/build.mjs';
import { operationsOf } from '../scripts/code-samples.mjs';
import { LOCALES } from '../scripts/i18n.mjs';
import { serveDocs } from '../scripts/serve.mjs';
import { tryItPageData } from '../scripts/try-it-model.mjs';
import { fill } from '../try-it/messages.js';
import { openConsole, pageErrors, requestsTo, send, tryItLabels } from './support/try-it-page.mjs';

const FAMILY = 'docs try-it (browser)';
const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const dist = inject('docsDist');
const bundled = JSON.parse(readFileSync(path.join(dist, 'openapi/servers.json'), 'utf8'));
const OPERATIONS = Object.fromEntries(operationsOf(bundled).map(([, , op]) => [op.operationId, op]));
const VPS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vpsorg/cli/package.json')), 'bin/vps.js');
const ALL = [ENGLISH, ...LOCALES];
const pagePath = (code) => (code === 'en' ? '/' : `/${code}/`);
const specOf = (code) => JSON.parse(readFileSync(path.join(dist, 'openapi', code === 'en' ? 'servers.json' : `servers.${code}.json`), 'utf8'));

let sandbox;
let faults;
let docs;
let browser;
let recorded;
let errors;
let home;
const leaks = [];

/**
 * A server that breaks the contract on purpose, on loopback, answering CORS like the mock: a list
 * whose body breaks the schema, a 429 with Retry-After, an undocumented status.
 */
async function startFaultServer() {
  const server = http.createServer((req, res) => {
    const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-expose-headers': '*' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*' });
      return res.end();
    }
    const json = (status, body, headers = {}) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json', 'x-request-id': 'req_fault_1', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/servers/') return json(200, { count: 'two', results: [{ id: 1, colour: 'red' }] });
    if (req.method === 'GET' && req.url === '/servers/1/') return json(429, { code: 'rate_limited', message: 'Slow down.' }, { 'retry-after': '30' });
    return json(418, { code: 'teapot', message: 'Not in the spec.' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

beforeAll(async () => {
  sandbox = await startMock({ stateful: true });
  faults = await startFaultServer();
  docs = await serveDocs({ port: 0, root: dist, tryItServers: [{ url: sandbox.url, sandbox: true }, { url: faults.url }] });
  browser = await launchChromium(FAMILY);
  recorded = await openRecordedPage(browser, new URL(docs.url).origin);
  await recorded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(docs.url).origin });
  errors = pageErrors(recorded, sandbox.url);
  // Any request carrying a token to an origin that is not a server the reader can choose.
  recorded.page.on('request', (request) => {
    const chosen = [sandbox.url, faults.url].some((url) => request.url().startsWith(`${url}/`));
    if (!chosen && /bearer/i.test(JSON.stringify(request.headers()))) leaks.push(request.url());
  });
  home = mkdtempSync(path.join(os.tmpdir(), 'vps-home-'));
});

afterAll(async () => {
  await recorded?.context.close();
  await browser?.close();
  await docs?.close();
  await faults?.close();
  await sandbox?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** Run a copied command line with bash, `curl` and `vps` being this machine's curl and this repository's CLI. */
function runCopied(text, token) {
  const script = `curl() { "$TRY_IT_CURL" -sS -o /dev/null -w '%{http_code}' "$@"; }\nvps() { "$TRY_IT_NODE" "$TRY_IT_VPS" "$@"; }\n${text}\n`;
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    VPS_API_TOKEN: token,
    TRY_IT_CURL: tool(FAMILY, 'curl'),
    TRY_IT_NODE: process.execPath,
    TRY_IT_VPS: VPS,
  };
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { env, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** What the copy button put on the clipboard; the console shows the same text too. */
async function copy(panel, which) {
  await panel.locator('.vpsorg-try-it__copied').evaluate((box) => box.replaceChildren()); // the last copy's
  await panel.getByTestId(which).click();
  const shown = panel.locator('.vpsorg-try-it__copied textarea');
  await shown.waitFor();
  const clipboard = await recorded.page.evaluate(() => navigator.clipboard.readText());
  expect(await shown.inputValue()).toBe(clipboard);
  return clipboard;
}

const responseJson = async (panel) => JSON.parse(await panel.getByTestId('try-it-response').innerText());

describe.each(ALL.map((l) => [l.code, l]))('the %s page', (code) => {
  const labels = tryItLabels(code);
  const meanings = tryItPageData(specOf(code)).meanings;
  const token = `tryit-${code}-${randomUUID()}`;
  const name = `try-${code}-${process.pid}`;
  let page;
  let createdId;

  beforeAll(async () => {
    page = recorded.page;
    await page.goto(new URL(pagePath(code), docs.url).href, { waitUntil: 'load' });
    await page.locator('img[alt="redocly logo"]').first().waitFor({ state: 'attached' });
  });

  it('creates a server from the console, advances the sandbox clock, and finds it active in the list', async () => {
    const create = await openConsole(page, OPERATIONS.createServer);
    expect(await create.getByTestId('try-it-server').inputValue(), 'the local sandbox is offered first').toBe(sandbox.url);
    await create.getByTestId('try-it-token').fill(token);
    const body = JSON.parse(await create.getByTestId('try-it-body').inputValue());
    expect(body).toEqual(OPERATIONS.createServer.requestBody.content['application/json'].examples.webServer.value);
    await create.getByTestId('try-it-body').fill(JSON.stringify({ ...body, name }, null, 2));
    const created = await send(create, labels);
    expect(created).toEqual({ status: 201, text: `201 ${meanings.createServer['201']}` });
    const server = await responseJson(create);
    expect(server).toMatchObject({ name, status: 'provisioning' });
    createdId = server.id;
    await expect.poll(() => create.locator('dd code').innerText()).toMatch(/^req_\w+/);
    await create.getByText(labels.requestId, { exact: true }).waitFor();
    await create.getByText(labels.conforms, { exact: true }).waitFor();

    await create.getByRole('button', { name: labels.advance, exact: true }).click();
    const clock = fill(labels.clockNow, 'TIME').split('TIME')[0];
    await expect.poll(() => create.getByRole('status').filter({ hasText: clock }).count()).toBe(1);

    const list = await openConsole(page, OPERATIONS.listServers);
    expect(await list.getByTestId('try-it-token').inputValue(), 'one token for every console of the tab').toBe(token);
    expect(await list.getByTestId('try-it-param-status').evaluate((el) => el.tagName)).toBe('SELECT'); // an enum is a choice
    const listed = await send(list, labels);
    expect(listed).toEqual({ status: 200, text: `200 ${meanings.listServers['200']}` });
    const { results, count } = await responseJson(list);
    expect(count).toBe(3); // the two seeds and ours
    expect(results.find((s) => s.id === createdId)).toMatchObject({ name, status: 'active' });
    await list.getByText(labels.conforms, { exact: true }).waitFor();

    await list.getByTestId('try-it-param-status').selectOption('stopped');
    expect((await send(list, labels)).status).toBe(200);
    expect((await responseJson(list)).results).toEqual([]);
  });

  it('refuses a body that breaks the schema, field by field in the page\'s language, and sends nothing', async () => {
    const create = await openConsole(page, OPERATIONS.createServer);
    await create.getByTestId('try-it-body').fill('{"name": "bad name!", "plan_id": "one", "os_id": 5, "location": "us-west", "colour": 1}');
    const before = requestsTo(recorded, sandbox.url).length;
    await create.getByTestId('try-it-send').click();
    const problems = create.getByRole('alert');
    await problems.waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      fill(labels['error.at'], 'name', fill(labels['error.pattern'], '^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$')),
      fill(labels['error.at'], 'plan_id', fill(labels['error.type'], 'integer')),
      fill(labels['error.at'], 'colour', labels['error.additionalProperties']),
    ]);
    expect(await problems.locator('p').innerText()).toBe(labels.notSent);
    expect(await create.getByTestId('try-it-body').getAttribute('aria-invalid')).toBe('true');
    expect(await create.getByTestId('try-it-status').isVisible(), 'no answer shown for a request not sent').toBe(false);
    const notJson = '{\n  "name": "web-01"\n  "plan_id": 1\n}';
    const position = (() => {
      try {
        JSON.parse(notJson);
      } catch (error) {
        return Number(/position (\d+)/.exec(error.message)?.[1]);
      }
    })();
    expect(notJson.slice(0, position).split('\n')).toHaveLength(3); // the mistake is on line 3: no comma before it
    await create.getByTestId('try-it-body').fill(notJson);
    await create.getByTestId('try-it-send').click();
    await expect.poll(() => problems.locator('li').allInnerTexts()).toEqual([fill(labels['error.at'], labels['field.body'], fill(labels['error.json'], 3, 3))]);
    expect(requestsTo(recorded, sandbox.url).length, 'requests sent').toBe(before);
    await create.getByRole('button', { name: labels.resetBody, exact: true }).click();
  });

  it('deletes the server (no body back), then shows the 404 for it with its documented meaning, the error body and the request id', async () => {
    const remove = await openConsole(page, OPERATIONS.deleteServer);
    await remove.getByTestId('try-it-param-server_id').fill(String(createdId));
    expect(await send(remove, labels)).toEqual({ status: 204, text: `204 ${meanings.deleteServer['204']}` });
    expect(await remove.getByTestId('try-it-response').innerText()).toBe(labels.noBody);
    await remove.getByText(labels.conforms, { exact: true }).waitFor();
    const get = await openConsole(page, OPERATIONS.getServer);
    await get.getByTestId('try-it-param-server_id').fill(String(createdId));
    expect(await send(get, labels)).toEqual({ status: 404, text: `404 ${meanings.getServer['404']}` });
    expect(await responseJson(get)).toEqual({ code: 'not_found', message: expect.any(String) });
    await expect.poll(() => get.locator('dd code').innerText()).toMatch(/^req_\w+/);
    await get.getByText(labels.conforms, { exact: true }).waitFor();
    await get.getByTestId('try-it-param-server_id').fill('0');
    await get.getByTestId('try-it-send').click();
    await expect.poll(() => get.getByRole('alert').locator('li').allInnerTexts()).toEqual([fill(labels['error.at'], 'server_id', fill(labels['error.minimum'], 1))]);
    await get.getByTestId('try-it-param-server_id').fill(String(createdId));
  });

  it('copies the request as cURL and as vps, and each, run, gets the status the console got', async () => {
    const create = await openConsole(page, OPERATIONS.createServer);
    await create.getByTestId('try-it-body').fill(JSON.stringify({ name: `${name}-copy`, plan_id: 2, os_id: 3, location: 'us-east', backups_enabled: false }));
    expect((await send(create, labels)).status).toBe(201);
    const curl = await copy(create, 'try-it-copy-curl');
    expect(curl.split(' \\\n')).toEqual([
      `curl -X POST "${sandbox.url}/servers/"`,
      '  -H "Authorization: Bearer $VPS_API_TOKEN"',
      '  -H "Content-Type: application/json"',
      `  -d '{\n    "name": "${name}-copy",\n    "plan_id": 2,\n    "os_id": 3,\n    "location": "us-east",\n    "backups_enabled": false\n  }'`,
    ]);
    await create.getByText(labels.copied, { exact: true }).waitFor();
    expect(await runCopied(curl, token)).toMatchObject({ code: 0, stdout: '201' });
    const cli = await copy(create, 'try-it-copy-cli');
    expect(cli).toBe(`vps --base-url ${sandbox.url} servers create --name ${name}-copy --plan-id 2 --os-id 3 --location us-east --no-backups-enabled`);
    const made = await runCopied(cli, token);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(made.stdout)).toMatchObject({ name: `${name}-copy`, status: 'provisioning' }); // a 201's body

    const get = await openConsole(page, OPERATIONS.getServer);
    await get.getByTestId('try-it-param-server_id').fill('987654');
    expect((await send(get, labels)).status).toBe(404);
    expect(await runCopied(await copy(get, 'try-it-copy-curl'), token)).toMatchObject({ code: 0, stdout: '404' });
    const missing = await runCopied(await copy(get, 'try-it-copy-cli'), token);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vps: error: 404 Not Found\b/);
  });

  it('keeps the token in sessionStorage only: in no URL, no localStorage, no console message, no request to another origin', async () => {
    const page_ = recorded.page;
    expect(await page_.evaluate(() => sessionStorage.getItem('vpsorg.tryIt.token'))).toBe(token);
    expect(await page_.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token);
    expect(recorded.requests.filter((url) => url.includes(token)), 'URLs with the token').toEqual([]);
    expect(page_.url()).not.toContain(token);
    expect(recorded.consoleMessages.filter((text) => text.includes(token)), 'console messages with the token').toEqual([]);
    expect(leaks, 'a token sent elsewhere than the sandbox').toEqual([]);
    expect(recorded.outside().filter((url) => !url.startsWith(`${sandbox.url}/`)), 'requests outside the page origin and the sandbox').toEqual([]);
    expect(errors(), 'console errors').toEqual([]);
  });
});

describe('the docs server\'s policy for the pages', () => {
  it.each(ALL.map((l) => [l.code]))('%s: no string evaluated as code; connections only to the page\'s origin, the spec\'s servers and the sandbox', async (code) => {
    const response = await fetch(new URL(pagePath(code), docs.url));
    const policy = response.headers.get('content-security-policy');
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain(`connect-src 'self' https://admin.vps.org ${sandbox.url} ${faults.url};`);
  });

  it('is enforced: a connection elsewhere and a script the page did not ship are refused', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('/ja/#/servers/getserver', docs.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid="try-it-open"]').first().waitFor();
      const refused = await page.evaluate(async (elsewhere) => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
        const fetched = await fetch(elsewhere).then(() => 'sent', (error) => error.name);
        const script = document.createElement('script');
        script.textContent = 'window.__vpsorgInjected = true;';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 0));
        return { fetched, injected: Boolean(window.__vpsorgInjected), violations };
      }, 'http://127.0.0.1:9/elsewhere');
      expect(refused).toEqual({ fetched: 'TypeError', injected: false, violations: ['connect-src', 'script-src-elem'] });
    } finally {
      await context.close();
    }
  });
});

describe('answers that break the contract', () => {
  it('lists how a body breaks the documented schema, shows Retry-After, and says a status is undocumented', async () => {
    const page = recorded.page;
    const labels = tryItLabels('fr');
    await page.goto(new URL('/fr/', docs.url).href, { waitUntil: 'load' });
    const list = await openConsole(page, OPERATIONS.listServers);
    await list.getByTestId('try-it-server').selectOption(faults.url);
    expect(await list.getByTestId('try-it-server').locator('option:checked').innerText()).toBe(labels.serverMock);
    expect(await send(list, labels)).toMatchObject({ status: 200 });
    expect(await list.getByText(labels.mismatch, { exact: true }).count()).toBe(1);
    const mismatches = await list.locator('.vpsorg-try-it__conformance li').allInnerTexts();
    expect(mismatches).toEqual(expect.arrayContaining([
      fill(labels['error.at'], 'count', fill(labels['error.type'], 'integer')),
      fill(labels['error.at'], 'results[0].name', labels['error.required']),
    ]));
    expect(mismatches.every((line) => line.includes(' : ')), 'in French').toBe(true);

    const get = await openConsole(page, OPERATIONS.getServer);
    await get.getByTestId('try-it-param-server_id').fill('1');
    expect(await send(get, labels)).toEqual({ status: 429, text: `429 ${tryItPageData(specOf('fr')).meanings.getServer['429']}` });
    const facts = await get.locator('.vpsorg-try-it__facts').innerText();
    expect(facts).toContain(labels.retryAfter);
    expect(facts).toContain(fill(labels.seconds, 30));
    expect(facts).toContain('req_fault_1');
    await get.getByText(labels.conforms, { exact: true }).waitFor(); // the Error schema, as documented

    const create = await openConsole(page, OPERATIONS.createServer);
    expect(await send(create, labels)).toEqual({ status: 418, text: `418 ${labels.undocumented}` });
    expect(await create.locator('.vpsorg-try-it__conformance li').allInnerTexts()).toEqual([fill(labels['error.at'], labels['field.response'], fill(labels['error.undocumented'], 418))]);
    await list.getByTestId('try-it-server').selectOption(sandbox.url); // back, for what follows
  });
});

describe('with the keyboard alone', () => {
  it('reaches the Try it button, sends a request, copies it and closes the console, every control labelled', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const labels = tryItLabels('ja');
      await page.goto(new URL(`/ja/${'#/servers/getserver'}`, docs.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid="try-it-open"][data-operation-id="getServer"]').waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          const name = el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.innerText;
          return { testid: el.getAttribute('data-testid'), operation: el.getAttribute('data-operation-id'), tag: el.tagName, name: name?.trim() };
        });
      // Tab from the top of the page until the operation's Try it button has the focus.
      let presses = 0;
      for (; presses < 400; presses++) {
        const at = await focused();
        if (at.testid === 'try-it-open' && at.operation === 'getServer') break;
        await page.keyboard.press('Tab');
      }
      expect(presses, 'Tab presses to reach the Try it button').toBeLessThan(400);
      expect(await focused()).toMatchObject({ name: labels.open });
      await page.keyboard.press('Enter');
      const panel = page.locator('[data-testid="try-it-console"][data-operation-id="getServer"]');
      await panel.waitFor();
      expect(await focused()).toMatchObject({ testid: 'try-it-server', name: labels.server });

      // Every control in order, each with its label; the token and the id typed in.
      const seen = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const at = await focused();
        seen.push(at);
        expect(at.name, `control ${JSON.stringify(at)} has a name`).toBeTruthy();
        if (at.testid === 'try-it-token') await page.keyboard.type('keyboard-token');
        if (at.testid === 'try-it-param-server_id') {
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type('12346');
        }
        if (at.testid === 'try-it-send') break;
      }
      expect(seen.map((s) => s.testid ?? s.name)).toEqual([labels.advanceBy, labels.advance, 'try-it-token', 'try-it-param-server_id', 'try-it-send']);
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.getByTestId('try-it-status').innerText()).toMatch(/^200\b/);
      expect(JSON.parse(await panel.getByTestId('try-it-response').innerText())).toMatchObject({ id: 12346 });

      // Copy with the keyboard, send again with Ctrl+Enter from a field, close with Escape.
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ testid: 'try-it-copy-curl' });
      await page.keyboard.press('Enter');
      await panel.locator('.vpsorg-try-it__copied textarea').waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toMatchObject({ testid: 'try-it-param-server_id' });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('987654');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => panel.getByTestId('try-it-status').innerText()).toMatch(/^404\b/);
      await page.keyboard.press('Escape');
      expect(await panel.isVisible()).toBe(false);
      expect(await focused()).toMatchObject({ testid: 'try-it-open', operation: 'getServer' });
      expect(await page.locator('[data-testid="try-it-open"][data-operation-id="getServer"]').getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  });

  it('labels every input, choice and text box of every console', async () => {
    const page = recorded.page;
    await page.goto(new URL('/fr/', docs.url).href, { waitUntil: 'load' });
    const model = buildApiModel(bundled);
    for (const operation of Object.values(OPERATIONS)) {
      const panel = await openConsole(page, operation);
      const unlabelled = await panel.evaluate((root) =>
        [...root.querySelectorAll('input, select, textarea')]
          .filter((el) => !el.closest('.vpsorg-try-it__copied'))
          .filter((el) => !(el.labels?.length && el.labels[0].innerText.trim()))
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unlabelled, operation.operationId).toEqual([]);
      const { pathParams, queryParams } = model.operation(operation.operationId);
      for (const { name } of [...pathParams, ...queryParams]) expect(await panel.getByTestId(`try-it-param-${name}`).count(), `${operation.operationId} ${name}`).toBe(1);
      expect(await panel.getByTestId('try-it-body').count(), `${operation.operationId} body`).toBe(operation.requestBody ? 1 : 0);
    }
  });
});

describe('pnpm docs:serve beside a mock', () => {
  /** Start scripts/serve.mjs as `pnpm docs:serve` does; resolves with its URL and a stop(). */
  function docsServe(args, env) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(DOCS_DIR, 'scripts/serve.mjs'), '--port', '0', '--root', dist, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const url = /Docs at (\S+)/.exec(output)?.[1];
        if (url) resolve({ url, output: () => output, stop: () => new Promise((done) => (child.once('close', done), child.kill('SIGTERM'))) });
      });
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('close', (code) => reject(new Error(`docs:serve exited ${code}: ${output}`)));
    });
  }

  it('offers the sandbox answering on $MOCK_PORT, the one --mock names, or none with --no-mock', async () => {
    const port = new URL(sandbox.url).port;
    const config = async (url) => (await fetch(new URL('try-it-config.js', url))).text();
    const found = await docsServe([], { MOCK_PORT: port });
    try {
      expect(await config(found.url)).toContain(`{"servers":[{"url":"${sandbox.url}","sandbox":true}]}`);
    } finally {
      await found.stop();
    }
    const named = await docsServe(['--mock', sandbox.url], {});
    try {
      expect(await config(named.url)).toContain(`{"servers":[{"url":"${sandbox.url}","sandbox":true}]}`);
    } finally {
      await named.stop();
    }
    const none = await docsServe(['--no-mock'], { MOCK_PORT: port });
    try {
      expect(await config(none.url)).toContain('{"servers":[]}');
    } finally {
      await none.stop();
    }
  });
});
