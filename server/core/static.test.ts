import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PRECOMPRESS_BYTES, precompressDir } from "../../vite.precompress.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { rawRequest } from "../test/raw-http.ts";

/**
 * The built front ends as the server sends them: a small dist/ made here (hashed names, real sizes of
 * text) and precompressed by the same function the Vite build runs, plus the dashboard's real public
 * files (robots.txt, icons). Requests go over real HTTP to the whole app; node:http shows the bytes as
 * sent.
 */
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const dist = mkdtempSync(path.join(tmpdir(), "sikanda-dist-"));

/** Minified-looking code: repetitive like a real bundle, different per file. */
function code(name: string, lines: number): string {
  return Array.from({ length: lines }, (_, i) => `export function ${name}${i}(a,b){return a.map(x=>x*${i}+b).filter(Boolean).join("${name}-${i % 7}")}`).join(";\n");
}

function write(rel: string, content: string | Buffer) {
  const file = path.join(dist, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function page(title: string, script: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${title}: peta situasi dan laporan Kesbangpol Kabupaten Balangan"><title>${title}</title><script type="module" crossorigin src="${script}"></script></head><body><div id="app"></div><noscript>Aktifkan JavaScript untuk memakai ${title}.</noscript></body></html>`;
}

function makeDist() {
  write("dashboard/index.html", page("SIKANDA", "/assets/index-D4sHb0aR.js"));
  write("dashboard/assets/index-D4sHb0aR.js", code("map", 120));
  write("dashboard/assets/OpsPage-Q9x2LmZ1.js", code("ops", 60));
  write("dashboard/assets/index-C55aBcD1.css", Array.from({ length: 80 }, (_, i) => `.c${i}{margin:${i}px;color:#0d3b66}`).join(""));
  write("dashboard/assets/tiny-T1nyT1ny.js", "export const x=1;");
  write("dashboard/assets/marker-Pn6Ab0Qz.png", readFileSync(path.join(REPO, "dashboard/public/icon-192.png")));
  for (const f of ["robots.txt", "favicon.ico", "favicon.svg"]) {
    mkdirSync(path.join(dist, "dashboard"), { recursive: true });
    copyFileSync(path.join(REPO, "dashboard/public", f), path.join(dist, "dashboard", f));
  }
  write("mobile/index.html", page("SIKANDA Petugas", "/m/assets/index-Mb1LeAp9.js"));
  write("mobile/assets/index-Mb1LeAp9.js", code("phone", 90));
  write("mobile/sw.js", code("sw", 20));
  copyFileSync(path.join(REPO, "mobile-web/public/manifest.webmanifest"), path.join(dist, "mobile/manifest.webmanifest"));
}

/** Every file under assets/ of both apps, as URL paths, with its size. */
function hashedAssets(): { url: string; file: string; bytes: number }[] {
  return [
    ["dashboard", "/"],
    ["mobile", "/m/"],
  ].flatMap(([dir, base]) =>
    readdirSync(path.join(dist, dir!, "assets"))
      .filter((f) => !/\.(br|gz)$/.test(f))
      .map((f) => {
        const file = path.join(dist, dir!, "assets", f);
        return { url: `${base}assets/${f}`, file, bytes: statSync(file).size };
      }),
  );
}

let t: TestApp;
const get = (url: string, headers: Record<string, string> = {}, method = "GET") => rawRequest(t.baseUrl + url, { method, headers });

beforeAll(async () => {
  makeDist();
  await precompressDir(path.join(dist, "dashboard"));
  await precompressDir(path.join(dist, "mobile"));
  t = await startTestApp({}, { distDir: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe("built files", () => {
  it("sends every hashed asset that shrinks in brotli or gzip when asked, and as it is when not", async () => {
    const assets = hashedAssets();
    const compressible = assets.filter((a) => /\.(js|css)$/.test(a.url) && a.bytes >= MIN_PRECOMPRESS_BYTES);
    expect(compressible.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const original = readFileSync(asset.file);
      const shrinks = compressible.includes(asset);
      for (const [accept, coding] of [
        ["gzip, deflate, br, zstd", "br"],
        ["gzip, deflate", "gzip"],
        ["br;q=0, gzip", "gzip"],
        ["*", "br"],
      ] as const) {
        const res = await get(asset.url, { "accept-encoding": accept });
        expect(res.status, `${asset.url} ${accept}`).toBe(200);
        expect(res.headers["content-encoding"], `${asset.url} ${accept}`).toBe(shrinks ? coding : undefined);
        expect(res.body.equals(original), `${asset.url} decodes to the file`).toBe(true);
        if (shrinks) expect(res.wire.length).toBeLessThan(original.length);
        expect(res.headers.vary).toMatch(/accept-encoding/i);
        expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
        expect(res.headers["content-type"]).toMatch(/\.js$/.test(asset.url) ? /^text\/javascript/ : /\.css$/.test(asset.url) ? /^text\/css/ : /^image\/png/);
      }
      for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }] as Record<string, string>[]) {
        const plain = await get(asset.url, headers);
        expect(plain.headers["content-encoding"]).toBeUndefined();
        expect(plain.wire.equals(original)).toBe(true);
      }
    }
  });

  it("gives each coding its own ETag and answers 304 to the one it sent", async () => {
    const url = "/assets/index-D4sHb0aR.js";
    const br = await get(url, { "accept-encoding": "br" });
    const gzip = await get(url, { "accept-encoding": "gzip" });
    const plain = await get(url);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    const again = await get(url, { "accept-encoding": "br", "if-none-match": br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.wire.length).toBe(0);
    // The gzip bytes' tag does not validate the brotli bytes.
    expect((await get(url, { "accept-encoding": "br", "if-none-match": gzip.headers.etag! })).status).toBe(200);
  });

  it("answers HEAD with the headers of the coding it would send, and a range from the plain file", async () => {
    const url = "/m/assets/index-Mb1LeAp9.js";
    const full = await get(url, { "accept-encoding": "br" });
    const head = await get(url, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.wire.length).toBe(0);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBe(full.wire.length);

    const original = readFileSync(path.join(dist, "mobile/assets/index-Mb1LeAp9.js"));
    const range = await get(url, { "accept-encoding": "br", range: "bytes=10-19" });
    expect(range.status).toBe(206);
    expect(range.headers["content-encoding"]).toBeUndefined();
    expect(range.wire.equals(original.subarray(10, 20))).toBe(true);
  });

  it("sends the apps' pages compressed and never cached without a check", async () => {
    for (const [url, file] of [
      ["/", "dashboard/index.html"],
      ["/ops/reports/5f0c", "dashboard/index.html"],
      ["/m/", "mobile/index.html"],
      ["/m/reports", "mobile/index.html"],
    ] as const) {
      const res = await get(url, { "accept-encoding": "gzip, deflate, br" });
      expect(res.status, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body.toString(), url).toBe(readFileSync(path.join(dist, file), "utf8"));
    }
    const bare = await get("/m");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/m/");
  });

  it("serves the manifest and the service worker compressed, revalidated on every start", async () => {
    const sw = await get("/m/sw.js", { "accept-encoding": "gzip" });
    expect(sw.headers["content-encoding"]).toBe("gzip");
    expect(sw.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(sw.headers["cache-control"]).toBe("no-cache");
    const manifest = await get("/m/manifest.webmanifest", { "accept-encoding": "br" });
    expect(manifest.headers["content-type"]).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers["cache-control"]).toBe("no-cache");
    expect(JSON.parse(manifest.body.toString())).toMatchObject({ scope: "/m/" });
  });

  it("serves robots.txt as text and the icons as images, never the app's HTML", async () => {
    const robots = await get("/robots.txt", { "accept-encoding": "br, gzip" });
    expect(robots.status).toBe(200);
    expect(robots.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const text = robots.body.toString();
    expect(text).toMatch(/^User-agent: \*$/m);
    for (const path of ["/api/", "/m/", "/ops", "/admin"]) expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).toMatch(/^Allow: \/\$$/m);

    const ico = await get("/favicon.ico");
    expect(ico.status).toBe(200);
    expect(ico.headers["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    // An ICO header: reserved 0, type 1 (icon).
    expect([...ico.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await get("/favicon.svg");
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
  });

  it("answers a missing file with a plain 404, not the app's HTML", async () => {
    for (const url of ["/favicon.png", "/assets/index-0ld0ld00.js", "/m/assets/gone-Xx00Xx00.js", "/m/robots.txt", "/sitemap.xml", "/ops/report.pdf"]) {
      const res = await get(url, { "accept-encoding": "br, gzip" });
      expect(res.status, url).toBe(404);
      expect(res.headers["content-type"], url).toMatch(/^text\/plain/);
      expect(res.body.toString(), url).not.toContain("<html");
    }
  });

  it("never hands out a precompressed sibling by its own name, a dotfile or a file outside the build", async () => {
    writeFileSync(path.join(dist, "dashboard/.env"), "SESSION_SECRET=nope");
    for (const url of ["/assets/index-D4sHb0aR.js.br", "/assets/index-D4sHb0aR.js.gz", "/.env", "/..%2f..%2fpackage.json", "/m/..%2Findex.html", "/assets/%2e%2e/%2e%2e/mobile/sw.js"]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.toString(), url).not.toMatch(/SESSION_SECRET|"name"|export function/);
    }
  });
});
