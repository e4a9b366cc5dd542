import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, CDPSession, Page } from "playwright-core";

/**
 * The page side of the wall-live benchmark: a probe installed before any script runs (the wall calls it
 * in the frame that drew new reports, dashboard/src/wall/probe.ts; the baseline page on receipt), a
 * long-task observer, and the JS heap read over CDP after a forced GC.
 *
 * Reports are recognised by their perihal, `wl<side> <index>`: the probe keeps the first time each index
 * was drawn in a preallocated array (the probe must not grow the heap it is measuring) and counts any
 * second drawing as a duplicate.
 */
export interface PageFigures {
  drawnAt: number[];
  duplicates: number;
  longTasks: { start: number; duration: number }[];
}

/**
 * The init script as plain JavaScript text: a function passed to addInitScript would be serialised from
 * the code tsx compiled, helpers (`__name`) included, which do not exist in the page.
 */
function probeScript(side: number, capacity: number): string {
  return `(() => {
  const drawnAt = new Float64Array(${capacity});
  let duplicates = 0;
  const pattern = /^wl${side} (\\d+)$/;
  function mark(reports, at, live) {
    for (const r of reports) {
      const m = pattern.exec(r.perihal);
      if (!m) continue;
      const i = Number(m[1]);
      if (i >= drawnAt.length) continue;
      if (drawnAt[i] === 0) drawnAt[i] = at;
      else if (live) duplicates++;
    }
  }
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__wallProbe = {
    drawn: (reports, at) => mark(reports, at, true),
    redrawn: (reports, at) => mark(reports, at, false),
  };
  window.__wallBench = {
    streamStart: 0,
    figures() {
      return { drawnAt: Array.from(drawnAt), duplicates, longTasks: longTasks.filter((t) => t.start >= this.streamStart) };
    },
  };
})();`;
}

export async function prepareContext(context: BrowserContext, side: number, capacity: number): Promise<void> {
  await context.addInitScript({ content: probeScript(side, capacity) });
}

/** From now on long tasks count: loading the page (parsing, the first render) is not the live stream. */
export async function markStreamStart(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __wallBench: { streamStart: number } }).__wallBench.streamStart = performance.now()));
}

export async function readFigures(page: Page): Promise<PageFigures> {
  return page.evaluate(() => (window as unknown as { __wallBench: { figures(): PageFigures } }).__wallBench.figures());
}

/** Live JS heap after a full GC, in MB. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return Math.round((usedSize / 1_048_576) * 1000) / 1000;
}

/**
 * The baseline: a blank page on the same origin with only a Socket.IO client (the same library the wall
 * bundles) on the same kiosk token, which hands each `wall:report` to the probe as it arrives. Served by
 * intercepting one URL, so the server under test is not changed for it.
 */
export async function openBaselinePage(context: BrowserContext, baseUrl: string, token: string): Promise<Page> {
  // The package's exports do not name its browser bundle: read it from the install itself.
  const client = readFileSync(fileURLToPath(new URL("../../node_modules/socket.io-client/dist/socket.io.min.js", import.meta.url)), "utf8");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body>
<p id="state">connecting</p>
<script>${client}</script>
<script>
  const socket = io({ auth: { kioskToken: ${JSON.stringify(token)} } });
  socket.on("connect", () => (document.getElementById("state").textContent = "online"));
  socket.on("wall:report", (change) => { if (change.report) window.__wallProbe.drawn([change.report], Date.now()); });
</script></body></html>`;
  const url = `${baseUrl}/__wall-live-baseline`;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("#state", { hasText: "online" }).waitFor({ timeout: 30_000 });
  return page;
}

export async function openWallPage(context: BrowserContext, baseUrl: string, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/wall#kiosk=${token}`);
  await page.locator('[data-testid=wall-connection][data-state="online"]').waitFor({ timeout: 60_000 });
  await page.locator("[data-testid=wall-tile]").first().waitFor({ timeout: 60_000 });
  await page.locator("path.wall-kecamatan").first().waitFor({ timeout: 60_000 });
  return page;
}
