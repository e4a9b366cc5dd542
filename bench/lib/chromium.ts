import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, never a downloaded one (CHROMIUM_PATH to use another). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium for the page-load benchmarks. Background networking off: nothing but the page
 * under test may use the (emulated) link, and this machine has no internet.
 */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
