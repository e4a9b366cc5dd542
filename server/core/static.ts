import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Router, type Request, type RequestHandler, type Response } from "express";
import { fileURLToPath } from "node:url";
import { sendBuiltFile } from "./static-file.ts";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** HTML, manifest, service worker, robots.txt, icons: revalidated each time (a 304 when unchanged). */
const REVALIDATE = "no-cache";
/** A last path segment with an extension names a file, never a page of the single-page apps. */
const FILE_LIKE = /\/[^/]*\.[a-z0-9]+$/i;

/**
 * The built front ends: the officer PWA under /m/, the wall screen at /wall, the dashboard everywhere
 * else. The PWA and the dashboard are single-page apps, so unknown non-API paths get their index.html — but a missing file (`/favicon.png`, an old
 * chunk) is a plain 404, so a script or an image is never answered with HTML. Files go out in the
 * precompressed coding the request accepts (see static-file.ts). Hashed assets are cached forever; the
 * rest is revalidated, so a deploy reaches phones on their next online start.
 * `publicAccess` is auth's marker of a route anyone may call (the access-matrix walk reads it).
 */
export function frontEndsRouter(publicAccess: RequestHandler, distDir = DIST): Router {
  const router = Router();
  const mount = (prefix: string, dir: string) => {
    const root = path.join(distDir, dir);
    router.use(prefix, builtFiles(root));
    router.get(`${prefix === "/" ? "" : prefix}/*path`, publicAccess, (req, res, next) => {
      if (req.path.startsWith("/api/") || req.path.startsWith("/socket.io/")) return next();
      if (FILE_LIKE.test(req.path)) return fileNotFound(res);
      const index = path.join(root, "index.html");
      if (!existsSync(index)) return next();
      sendBuiltFile(req, res, next, index, REVALIDATE).catch(next);
    });
  };
  mount("/m", "mobile");
  // The wall screen is a page of its own in the dashboard's build (wall.html), not a route of the
  // dashboard's app: /wall answers it, and nothing under /wall/ falls back to the dashboard's page.
  const wallPage = path.join(distDir, "dashboard", "wall.html");
  router.get("/wall", publicAccess, (req, res, next) => {
    if (!existsSync(wallPage)) return fileNotFound(res);
    sendBuiltFile(req, res, next, wallPage, REVALIDATE).catch(next);
  });
  router.get("/wall/*path", publicAccess, (_req, res) => fileNotFound(res));
  mount("/", "dashboard");
  return router;
}

function fileNotFound(res: Response) {
  res.status(404).setHeader("Cache-Control", REVALIDATE);
  res.type("text/plain").send("Not found\n");
}

/** The files under `root` (GET and HEAD), each with its cache policy; anything else passes on. */
function builtFiles(root: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    resolveBuilt(root, req)
      .then((found) => {
        if (!found) return next();
        if ("redirect" in found) return res.redirect(301, found.redirect);
        return sendBuiltFile(req, res, next, found.file, found.rel.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
      })
      .catch(next);
  };
}

type Found = { file: string; rel: string } | { redirect: string };

/**
 * The file a request path names inside `root`, or null: no dotfile or `..` segment, never a
 * precompressed sibling by its own name. A directory with an index.html is its index; asked without the
 * trailing slash (`/m`), it is redirected to it first, as express.static does, so relative URLs and the
 * service worker's scope (/m/) hold.
 */
async function resolveBuilt(root: string, req: Request): Promise<Found | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    return null;
  }
  const segments = decoded.split("/").filter(Boolean);
  if (decoded.includes("\0") || segments.some((s) => s.startsWith("."))) return null;
  if (/\.(?:br|gz)$/i.test(decoded)) return null;
  const rel = segments.join("/");
  const info = await stat(path.join(root, rel)).catch(() => null);
  if (!info) return null;
  if (info.isFile()) return decoded.endsWith("/") ? null : { file: path.join(root, rel), rel };
  const index = path.posix.join(rel, "index.html");
  if (!existsSync(path.join(root, index))) return null;
  const [pathname = "/", ...query] = req.originalUrl.split("?");
  // Leading slashes collapsed: "//host" in a Location header would send the browser to another site.
  if (!pathname.endsWith("/")) return { redirect: `${pathname.replace(/^\/+/, "/")}/${query.length ? `?${query.join("?")}` : ""}` };
  return { file: path.join(root, index), rel: index };
}
