import type { Page } from "playwright-core";

/**
 * Wait until the officer app can work without signal (`<html data-offline-ready="true">`: the service
 * worker holds the shell and, signed in, boundaries and sub-categories are kept) — what an officer waits
 * for, with the line on home, before leaving coverage. A test that drops the network before this races
 * the app's background downloads.
 */
export async function waitOfflineReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('html[data-offline-ready="true"]').waitFor({ state: "attached", timeout });
}
