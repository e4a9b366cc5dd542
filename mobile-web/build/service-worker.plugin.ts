import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** The literal in sw.ts that the build replaces with `{ version, urls }`. */
export const PRECACHE_PLACEHOLDER = "__SIKANDA_PRECACHE__";
const SW_FILE = "sw.js";

/**
 * Builds the service worker as its own entry at `<base>sw.js` and, once every file is written, replaces
 * the placeholder in it with the app shell's file list and a version hashed from their contents. A new
 * build with any changed byte gets a new cache (and old caches are dropped on activate); an unchanged
 * build keeps the same version, so phones download nothing.
 */
export function serviceWorker(opts: { entry: string }): Plugin {
  let base = "/";
  let publicDir = "";
  return {
    name: "sikanda-service-worker",
    apply: "build",
    configResolved(config) {
      base = config.base;
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: "chunk", id: opts.entry, fileName: SW_FILE });
    },
    writeBundle(output, bundle) {
      const outDir = output.dir!;
      const files = [...Object.keys(bundle), ...listFiles(publicDir)];
      const manifest = precacheManifest(files, (f) => readFileSync(path.join(outDir, f)), base);
      const swPath = path.join(outDir, SW_FILE);
      const code = readFileSync(swPath, "utf8");
      const replaced = code.replace(new RegExp(`(["'\`])${PRECACHE_PLACEHOLDER}\\1`), JSON.stringify(manifest));
      if (replaced === code) throw new Error(`${SW_FILE}: precache placeholder not found (minifier changed it?)`);
      writeFileSync(swPath, replaced);
    },
  };
}

/**
 * Which files the service worker precaches, as URLs under `base`: everything built except the worker
 * itself and source maps. Lazy chunks are included on purpose: the map picker must open offline too.
 */
export function precacheManifest(files: string[], read: (file: string) => Buffer | string, base: string): { version: string; urls: string[] } {
  const kept = [...new Set(files)].filter((f) => f !== SW_FILE && !f.endsWith(".map")).sort();
  const hash = createHash("sha256");
  for (const f of kept) hash.update(f).update("\0").update(read(f)).update("\0");
  return { version: hash.digest("hex").slice(0, 12), urls: kept.map((f) => base + f.split(path.sep).join("/")) };
}

/** Files under a directory, relative to it (the public dir, copied as is). */
function listFiles(dir: string, prefix = ""): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}
