// Types of @vpsorg/toolchain/chromium (src/chromium.mjs).
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core';

export declare const CHROMIUM_ARGS: readonly string[];
/** The Chromium binary the set-up recorded, noted as used by `family`. */
export declare function chromiumPath(family: string): string;
/** Launches Debian's Chromium for `family`'s tests. */
export declare function launchChromium(family: string, options?: LaunchOptions): Promise<Browser>;
export declare function openRecordedPage(
  browser: Browser,
  origin: string,
  options?: { viewport?: { width: number; height: number } },
): Promise<{
  page: Page;
  context: BrowserContext;
  requests: string[];
  consoleErrors: string[];
  consoleMessages: string[];
  /** The requests that left `origin`. */
  outside: () => string[];
}>;
