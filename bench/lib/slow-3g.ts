import type { BrowserContext, CDPSession, Page } from "playwright-core";

/**
 * The rural link (issue 12): 300 ms latency, 1.6 Mbit/s down, 750 kbit/s up. CDP takes
 * throughput in bytes per second.
 */
export const SLOW_3G = {
  offline: false,
  latency: 300,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
  connectionType: "cellular3g",
} as const;

/**
 * Put the page, and every service worker it starts, on the slow link with
 * `Network.emulateNetworkConditions`. A service worker is a target of its own that a page's emulation
 * does not cover, and its precache downloads compete with the page for the same link: the page's
 * session auto-attaches to it, paused at start (`waitForDebuggerOnStart`), so the link is slowed before
 * it fetches anything. That attachment speaks the non-flattened protocol
 * (`Target.sendMessageToTarget`), the only one a Playwright CDP session can relay.
 */
export async function emulateSlow3g(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  let id = 0;
  const sendTo = (sessionId: string, method: string, params: object = {}) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on("Target.attachedToTarget", (event) => {
    void (async () => {
      if (event.targetInfo.type === "service_worker") {
        await sendTo(event.sessionId, "Network.enable");
        await sendTo(event.sessionId, "Network.emulateNetworkConditions", SLOW_3G);
      }
      await sendTo(event.sessionId, "Runtime.runIfWaitingForDebugger");
    })().catch(() => undefined); // the target went away first: nothing left to slow
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  return cdp;
}
