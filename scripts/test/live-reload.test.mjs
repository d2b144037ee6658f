// The docs page of `pnpm start` in real Chromium: it reloads by itself after a save, shows the
// problems of a broken save, and requests nothing outside its own origin.
import { join } from 'node:path';
import { launchChromium } from '@vpsorg/toolchain/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev } from '../lib/dev/dev-process.mjs';
import { makeTempDir, writeEditedSpec } from './helpers.mjs';

const setTitle = (title) => (doc) => doc.setIn(['info', 'title'], title);

describe('pnpm start: live reload in Chromium', () => {
  let tmp;
  let spec;
  let dev;
  let docsUrl;
  let browser;
  let page;
  const requests = [];

  beforeAll(async () => {
    tmp = await makeTempDir('live-reload-test-');
    spec = await writeEditedSpec(join(tmp.dir, 'servers.yaml'), setTitle('Live Reload Title One'));
    dev = startDev(['--spec', spec, '--out', join(tmp.dir, 'generated'), '--docs-port', '0', '--mock-port', '0', '--locales', '']);
    [, docsUrl] = await dev.waitFor(/docs {2}(http:\/\/127\.0\.0\.1:\d+)/);
    await dev.waitFor(/^ready in /m, { timeoutMs: 90_000 });
    browser = await launchChromium('pnpm start live reload (browser)');
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${docsUrl}/`);
    await page.getByRole('heading', { name: /Live Reload Title One/ }).first().waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (dev && dev.child.exitCode === null) {
      dev.child.kill('SIGINT');
      await dev.exited;
    }
    await tmp?.remove();
  });

  it('reloads the open page after a save', async () => {
    const from = dev.mark();
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await writeEditedSpec(spec, setTitle('Live Reload Title Two'));
    await dev.waitFor(/^ready in /m, { from });
    await reloaded;
    await page.getByRole('heading', { name: /Live Reload Title Two/ }).first().waitFor({ timeout: 10_000 });
  });

  it('shows the problems of a broken save on the page, which keeps the last good docs', async () => {
    const from = dev.mark();
    await writeEditedSpec(spec, (doc) => doc.deleteIn(['info', 'license']));
    await dev.waitFor(/✖ not updated/, { from });
    const banner = page.locator('#__spec_problems');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/servers\.yaml:\d+:\d+ +error info-license/);
    expect(await page.getByRole('heading', { name: /Live Reload Title Two/ }).count()).toBeGreaterThan(0);
  });

  it('requested nothing outside its own origin', () => {
    const origin = new URL(docsUrl).origin;
    const outside = requests.filter((url) => !url.startsWith('data:') && new URL(url.replace(/^blob:/, '')).origin !== origin);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
