/**
 * First-load weight of the officer PWA as a phone receives it: the JS (and, apart, CSS) that Chromium
 * downloads for the first screen — /m/ on a fresh phone until the login form shows — from the running
 * server, which sends each file in the coding the browser accepts (brotli here, precompressed at build).
 * Counted from Resource Timing's `encodedBodySize`: the body bytes on the wire, after compression,
 * headers aside. Only what the page really fetched counts, lazy chunks it did not need do not.
 *
 * Baseline: the budget itself, 50 KB of JS on the wire (an officer on 3G in a kecamatan should see the
 * app in a few seconds); ratio = budget ÷ project, so ≥ 1 meets it. Built fresh in this run, together
 * with a minimal Preact hello-world built and served the same way, reported in the details as the
 * framework's floor (what any Preact app costs before its own code).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { precompress } from "../vite.precompress.ts";
import { defineBench } from "./lib/harness.ts";
import { buildFrontEnds } from "./lib/front-end-build.ts";
import { launchBenchChromium } from "./lib/chromium.ts";
import { spawnBenchServer } from "./lib/server.ts";
import { serveFrontEnds } from "./lib/static-server.ts";

const BUDGET_BYTES = 50 * 1024;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

export default defineBench({
  name: "mobile-size",
  metric: "first-load JS of the officer PWA as served (encoded bytes on the wire), vs the 50 KB budget",
  unit: "KB on the wire",
  better: "lower",
  target: 1,
  timeoutMs: 5 * 60_000,
  async run(ctx) {
    // Inside the repository (git-ignored) so the hello-world resolves preact from node_modules.
    const cacheDir = path.join(ROOT, "node_modules/.cache");
    mkdirSync(cacheDir, { recursive: true });
    const tmp = mkdtempSync(path.join(cacheDir, "sikanda-size-"));
    ctx.onCleanup(() => rmSync(tmp, { recursive: true, force: true }));

    const appDist = path.join(tmp, "app");
    await buildFrontEnds(appDist, ["mobile"]);
    const helloDist = await buildHelloWorld(path.join(tmp, "hello"));

    const server = await spawnBenchServer({ distDir: appDist });
    ctx.onCleanup(() => server.stop());
    const helloServer = await serveFrontEnds(helloDist);
    ctx.onCleanup(() => helloServer.close());
    const browser = await launchBenchChromium();
    ctx.onCleanup(() => browser.close());

    const app = await firstScreen(browser, `${server.baseUrl}/m/`, "input[name=username]");
    const hello = await firstScreen(browser, `${helloServer.baseUrl}/m/`, "h1");

    const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
    const assets = path.join(appDist, "mobile/assets");
    const loaded = new Set(app.js.map((f) => path.basename(f.path)));
    const lazy = readdirSync(assets).filter((f) => f.endsWith(".js") && !loaded.has(f));
    return {
      project: kb(app.jsBytes),
      baseline: kb(BUDGET_BYTES),
      details: {
        budget: { what: "first-load JS, encoded bytes on the wire", bytes: BUDGET_BYTES },
        project: {
          jsEncodedBytes: app.jsBytes,
          jsDecodedBytes: app.js.reduce((n, f) => n + f.decoded, 0),
          jsTransferBytes: app.js.reduce((n, f) => n + f.transfer, 0),
          cssEncodedBytes: app.cssBytes,
          codings: [...new Set(app.js.map((f) => f.coding))],
          firstLoadFiles: Object.fromEntries([...app.js, ...app.css].map((f) => [f.path, f.encoded])),
          lazyJsServedBytes: lazy.reduce((n, f) => n + servedSize(path.join(assets, f)), 0),
          lazyChunks: lazy,
        },
        preactHelloWorld: {
          what: "render(<h1>Halo</h1>) with preact + @preact/preset-vite, same Vite, same target, served the same way",
          jsEncodedBytes: hello.jsBytes,
          cssEncodedBytes: hello.cssBytes,
        },
        appCodeOverHelloWorldBytes: app.jsBytes - hello.jsBytes,
      },
    };
  },
});

interface Loaded {
  path: string;
  encoded: number;
  decoded: number;
  transfer: number;
  coding: string;
}

/**
 * Open `url` in a fresh context (cold cache, phone-sized) and list the scripts and stylesheets that
 * finished before `selector` showed.
 */
async function firstScreen(browser: Browser, url: string, selector: string): Promise<{ js: Loaded[]; css: Loaded[]; jsBytes: number; cssBytes: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const codings = new Map<string, string>();
    page.on("response", (res) => codings.set(new URL(res.url()).pathname, res.headers()["content-encoding"] ?? "identity"));
    await page.goto(url);
    await page.locator(selector).first().waitFor();
    const shownAt = await page.evaluate(() => performance.now());
    const entries = await page.evaluate(
      (until) =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.responseEnd <= until)
          .map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize })),
      shownAt,
    );
    const withCoding = entries.map((e) => ({ ...e, coding: codings.get(e.path) ?? "identity" }));
    const js = withCoding.filter((e) => e.path.endsWith(".js"));
    const css = withCoding.filter((e) => e.path.endsWith(".css"));
    return { js, css, jsBytes: js.reduce((n, f) => n + f.encoded, 0), cssBytes: css.reduce((n, f) => n + f.encoded, 0) };
  } finally {
    await context.close();
  }
}

/** What the server sends for a file to a browser that accepts brotli: its .br sibling when the build wrote one. */
function servedSize(file: string): number {
  return statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size;
}

/** A Preact hello-world built as the phone app is (base /m/, es2020, precompressed) into `<dir>/dist/mobile`. */
async function buildHelloWorld(dir: string): Promise<string> {
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>hello</title></head><body><div id="app"></div><script type="module" src="/src/main.tsx"></script></body></html>`,
  );
  writeFileSync(path.join(dir, "src/main.tsx"), `import { render } from "preact";\nrender(<h1>Halo</h1>, document.getElementById("app")!);\n`);
  const distDir = path.join(dir, "dist");
  await build({
    configFile: false,
    root: dir,
    base: "/m/",
    logLevel: "silent",
    plugins: [preact(), precompress()],
    build: { outDir: path.join(distDir, "mobile"), emptyOutDir: true, target: "es2020" },
  });
  return distDir;
}
