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
export function serviceWorker(opts: {
  entry: string;
  /**
   * Built files (relative to the output directory) left out of the precache: icons the browser fetches
   * itself when the app is installed and no page shows. Every phone would download them for nothing.
   */
  skip?: readonly string[];
}): Plugin {
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
      // A service worker registered as a classic script cannot import: code it shares must be inlined.
      const sw = bundle[SW_FILE];
      if (sw?.type === "chunk" && (sw.imports.length > 0 || sw.dynamicImports.length > 0)) {
        throw new Error(`${SW_FILE} imports ${[...sw.imports, ...sw.dynamicImports].join(", ")}: keep its modules out of the app's graph`);
      }
      const files = [...Object.keys(bundle), ...listFiles(publicDir)];
      const manifest = precacheManifest(files, (f) => readFileSync(path.join(outDir, f)), base, opts.skip);
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
 * itself, source maps and the files named in `skip`; index.html as `base` itself. Lazy chunks are included on purpose: the map picker must open offline too.
 */
export function precacheManifest(files: string[], read: (file: string) => Buffer | string, base: string, skip: readonly string[] = []): { version: string; urls: string[] } {
  const posix = (f: string) => f.split(path.sep).join("/");
  const kept = [...new Set(files)].filter((f) => f !== SW_FILE && !f.endsWith(".map") && !skip.includes(posix(f))).sort();
  const hash = createHash("sha256");
  for (const f of kept) hash.update(f).update("\0").update(read(f)).update("\0");
  // The page is opened as `<base>` (the manifest's start_url): precached under that URL, its install
  // revalidates the copy the browser just loaded (a 304) instead of downloading `index.html` again.
  const url = (f: string) => (posix(f) === "index.html" ? base : base + posix(f));
  return { version: hash.digest("hex").slice(0, 12), urls: kept.map(url) };
}

/** Files under a directory, relative to it (the public dir, copied as is). */
function listFiles(dir: string, prefix = ""): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}
