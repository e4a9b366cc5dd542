import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer, type E2eServer } from "./server.ts";

export interface ServerAndBrowser {
  server: E2eServer;
  browser: Browser;
}

/**
 * The demo server and a browser for the enclosing describe block, started together before its first test
 * and closed after its last. `ready` receives them once both are up. Register the block's own hooks after
 * this call: its beforeAll then runs with both started, and its afterAll (closing contexts, say) before
 * the browser and the server go.
 */
export function useServerAndBrowser(ready: (started: ServerAndBrowser) => void): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ready({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
