import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  /** Files (relative to the dist dir) a browser fetches for the first paint, JS and CSS apart. */
  js: string[];
  css: string[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  jsRawBytes: number;
  /** gzip size of each file, for the details. */
  files: Record<string, number>;
}

/**
 * What `index.html` makes the browser load before anything lazy: its module scripts and modulepreloads,
 * every chunk they import statically (transitively), and its stylesheets. Dynamic `import()`s are left
 * out — they are the lazy views. Sizes are gzip level 9, what a compressing server or CDN sends.
 */
export function firstLoad(distDir: string, base: string): FirstLoad {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const local = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, ""));
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const entryJs = tags.filter((t) => /<script\b/.test(t) && /type="module"/.test(t) && attr(t, "src")).map((t) => local(attr(t, "src")!));
  const preloads = tags.filter((t) => /rel="modulepreload"/.test(t)).map((t) => local(attr(t, "href")!));
  const css = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => local(attr(t, "href")!));

  const js = new Set<string>();
  const visit = (file: string) => {
    if (js.has(file)) return;
    js.add(file);
    const code = readFileSync(path.join(distDir, file), "utf8");
    // Static imports only: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`.
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
    }
  };
  [...entryJs, ...preloads].forEach(visit);

  const files: Record<string, number> = {};
  const gz = (f: string) => (files[f] = gzipSync(readFileSync(path.join(distDir, f)), { level: 9 }).length);
  const jsList = [...js].sort();
  return {
    js: jsList,
    css,
    jsGzipBytes: jsList.reduce((n, f) => n + gz(f), 0),
    cssGzipBytes: css.reduce((n, f) => n + gz(f), 0),
    jsRawBytes: jsList.reduce((n, f) => n + readFileSync(path.join(distDir, f)).length, 0),
    files,
  };
}

/** Sum of gzip sizes of every JS file in the build (the whole app, lazy chunks included). */
export function totalJsGzip(distDir: string, files: string[]): number {
  return files.filter((f) => f.endsWith(".js")).reduce((n, f) => n + gzipSync(readFileSync(path.join(distDir, f)), { level: 9 }).length, 0);
}
