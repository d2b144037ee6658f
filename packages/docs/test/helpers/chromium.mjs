// Debian's Chromium driven by playwright-core (never a downloaded browser), and a page wrapper
// that records every request and every console error.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh page that records requests leaving `origin` and console errors. */
export async function openRecordedPage(browser, origin) {
  // Reduced motion: no smooth scrolling, so screenshots show where the page settled.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Fail a step with the locator it waited for, well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  const requests = [];
  const consoleErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  const outside = () =>
    requests.filter((url) => {
      if (url.startsWith('data:')) return false; // inline, no network
      const target = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
      try {
        return new URL(target).origin !== origin;
      } catch {
        return true;
      }
    });
  return { page, context, requests, consoleErrors, outside };
}
