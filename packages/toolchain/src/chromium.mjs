// The one way tests start a browser: Debian's Chromium, as the set-up found it, driven by
// playwright-core, with the flags a machine with a closed network needs (never a downloaded
// browser). `openRecordedPage` gives a page that records every request and console error.
import { chromium } from 'playwright-core';
import { tool } from './index.mjs';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** The Chromium binary for `family`'s tests. */
export function chromiumPath(family) {
  return tool(family, 'chromium');
}

/** Launches Chromium for `family`'s tests (a fresh profile each time). */
export function launchChromium(family, options = {}) {
  if (typeof family !== 'string' || !family) throw new Error('launchChromium(family): name the test family that uses the browser');
  return chromium.launch({ executablePath: chromiumPath(family), args: [...CHROMIUM_ARGS], ...options });
}

/** A fresh page that records requests leaving `origin` and console errors. */
export async function openRecordedPage(browser, origin, { viewport = { width: 1400, height: 900 } } = {}) {
  // Reduced motion: no smooth scrolling, so screenshots show where the page settled.
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Fail a step with the locator it waited for, well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  const requests = [];
  const consoleErrors = [];
  const consoleMessages = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    consoleMessages.push(message.text());
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
  return { page, context, requests, consoleErrors, consoleMessages, outside };
}
