// Driving the Try it console of a docs page in Chromium, as a reader does, through the hooks the
// issue names (data-testid try-it-*) and the labels of the page's language.
import { expect } from 'vitest';
import { loadTranslations } from '../../scripts/i18n.mjs';
import { englishLabel, UI_LABELS } from '../../scripts/ui-labels.mjs';

/** The console's labels in a locale ('en' for English), without the `tryit.` prefix. */
export function tryItLabels(code) {
  const keys = Object.keys(UI_LABELS).filter((key) => key.startsWith('tryit.'));
  const labels = code === 'en' ? {} : loadTranslations(code).labels;
  return Object.fromEntries(keys.map((key) => [key.slice('tryit.'.length), labels[key]?.text ?? englishLabel(key)]));
}

/** The route of an operation on every page: #/<tag>/<operationid>, as Redoc makes it. */
export function routeOf(operation) {
  const tag = operation.tags[0].toLowerCase().replace(/\s+/g, '-');
  return `#/${tag}/${operation.operationId.toLowerCase()}`;
}

/** Go to an operation and open its console (once Redoc has rendered it). Returns the console. */
export async function openConsole(page, operation) {
  const route = routeOf(operation);
  if (new URL(page.url()).hash !== route) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, route);
    await page.waitForURL((url) => url.hash === route);
  }
  const open = page.locator(`[data-testid="try-it-open"][data-operation-id="${operation.operationId}"]`);
  const panel = page.locator(`[data-testid="try-it-console"][data-operation-id="${operation.operationId}"]`);
  await open.waitFor();
  if (!(await panel.isVisible())) {
    await open.click();
    await panel.waitFor();
  }
  return panel;
}

/**
 * Press Send and wait for the answer to show: resolves with the status shown (a number) and the
 * text of the status line. The status line says "Sending…" from the click on, so the first
 * number after it is this request's.
 */
export async function send(panel, labels) {
  const status = panel.getByTestId('try-it-status');
  await panel.getByTestId('try-it-send').click();
  await expect.poll(async () => ((await status.isVisible()) ? await status.innerText() : ''), { timeout: 20_000 }).toMatch(/^\d{3}\b/);
  const text = await status.innerText();
  expect(text).not.toBe(labels.sending);
  return { status: Number(text.slice(0, 3)), text };
}

/** The page's requests that went to `origin` (what the sandbox was sent), from a recorded page. */
export const requestsTo = (recorded, origin) => recorded.requests.filter((url) => url.startsWith(`${origin}/`));

/**
 * The console errors of a recorded page, less the browser's own network log of answers with an
 * error status from `origin` ("Failed to load resource: … 404"): Chromium writes one for every
 * such answer to a fetch, and a 404 from the sandbox is an answer the console shows, not a fault.
 * Call it when the page is opened; it returns a function giving the errors so far.
 */
export function pageErrors(recorded, origin) {
  const network = [];
  recorded.page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url?.startsWith(`${origin}/`) && /^Failed to load resource: the server responded with a status of [45]\d\d\b/.test(message.text())) {
      network.push(message.text());
    }
  });
  return () => {
    const left = [...network];
    return recorded.consoleErrors.filter((text) => {
      const i = left.indexOf(text);
      if (i === -1) return true;
      left.splice(i, 1);
      return false;
    });
  };
}
