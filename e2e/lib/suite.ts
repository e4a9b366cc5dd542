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
 * and closed after its last; read them from the returned rig (`rig.server.baseUrl`) once the block's
 * hooks run. Register the block's own hooks after this call: its beforeAll then runs with both started,
 * and its afterAll (closing contexts, say) before the browser and the server go.
 */
export function useServerAndBrowser(): ServerAndBrowser {
  let started: ServerAndBrowser | undefined;
  const rig = {
    get server() {
      if (!started) throw new Error("the server starts in beforeAll: use it inside hooks and tests");
      return started.server;
    },
    get browser() {
      if (!started) throw new Error("the browser starts in beforeAll: use it inside hooks and tests");
      return started.browser;
    },
  };
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    started = { server, browser };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.stop();
  });
  return rig;
}
