/**
 * First-load weight of the officer PWA: gzipped JS (and, apart, CSS) that `index.html` makes a phone
 * download before the first paint — entry, modulepreloads and their static imports, no lazy chunks.
 *
 * Baseline: the budget itself, 50 KB gzipped JS (an officer on 3G in a kecamatan should see the app in
 * a few seconds); ratio = budget ÷ project, so ≥ 1 meets it. Built fresh in this run into a temporary
 * directory, together with a minimal Preact hello-world built by the same Vite, reported in the details
 * as the framework's floor (what any Preact app costs before its own code).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { build } from "vite";
import { defineBench } from "./lib/harness.ts";
import { firstLoad, totalJsGzip } from "./lib/first-load.ts";

const BUDGET_BYTES = 50 * 1024;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

export default defineBench({
  name: "mobile-size",
  metric: "first-load JS of the officer PWA, gzipped, vs the 50 KB budget",
  unit: "KB gzip",
  better: "lower",
  target: 1,
  timeoutMs: 5 * 60_000,
  async run(ctx) {
    // Inside the repository (git-ignored) so the hello-world resolves preact from node_modules.
    const cacheDir = path.join(ROOT, "node_modules/.cache");
    mkdirSync(cacheDir, { recursive: true });
    const tmp = mkdtempSync(path.join(cacheDir, "sikanda-size-"));
    ctx.onCleanup(() => rmSync(tmp, { recursive: true, force: true }));

    const appOut = path.join(tmp, "mobile");
    await build({ configFile: path.join(ROOT, "mobile-web/vite.config.ts"), logLevel: "silent", build: { outDir: appOut, emptyOutDir: true } });
    const app = firstLoad(appOut, "/m/");

    const helloOut = await buildHelloWorld(path.join(tmp, "hello"));
    const hello = firstLoad(helloOut, "/");

    const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
    const allFiles = listFiles(appOut);
    return {
      project: kb(app.jsGzipBytes),
      baseline: kb(BUDGET_BYTES),
      details: {
        budget: { what: "first-load JS, gzip level 9", bytes: BUDGET_BYTES },
        project: {
          jsGzipBytes: app.jsGzipBytes,
          jsRawBytes: app.jsRawBytes,
          cssGzipBytes: app.cssGzipBytes,
          firstLoadFiles: app.files,
          lazyJsGzipBytes: totalJsGzip(appOut, allFiles) - app.jsGzipBytes,
          lazyChunks: allFiles.filter((f) => f.endsWith(".js") && !app.js.includes(f) && f !== "sw.js"),
        },
        preactHelloWorld: {
          what: "render(<h1>Halo</h1>) with preact + @preact/preset-vite, same Vite, same target",
          jsGzipBytes: hello.jsGzipBytes,
          cssGzipBytes: hello.cssGzipBytes,
        },
        appCodeOverHelloWorldBytes: app.jsGzipBytes - hello.jsGzipBytes,
      },
    };
  },
});

async function buildHelloWorld(dir: string): Promise<string> {
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>hello</title></head><body><div id="app"></div><script type="module" src="/src/main.tsx"></script></body></html>`,
  );
  writeFileSync(path.join(dir, "src/main.tsx"), `import { render } from "preact";\nrender(<h1>Halo</h1>, document.getElementById("app")!);\n`);
  const outDir = path.join(dir, "dist");
  await build({ configFile: false, root: dir, logLevel: "silent", plugins: [preact()], build: { outDir, emptyOutDir: true, target: "es2020" } });
  return outDir;
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}
