import { mkdirSync } from "node:fs";
import path from "node:path";

/** Screenshots and traces go here (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "../artifacts");

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export const DEMO_PASSWORD = "Demo-Sikanda-2026";

/**
 * A full-page screenshot taken from the top: scrolled down, a sticky header would be drawn at the scroll
 * offset with blank space above it, which is not what the page looks like.
 */
export async function fullPageShot(page: import("playwright-core").Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifactPath(name), fullPage: true });
}
