// One Chromium for all tests of a file: launched before the first, closed after the last.
import type { Browser } from "puppeteer";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../scripts/print/browser.js";

/** Registers the hooks; call the returned function inside a test to get the browser. */
export function sharedBrowser(timeoutMs = 60_000): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(timeoutMs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the shared browser is not running");
    return browser;
  };
}
