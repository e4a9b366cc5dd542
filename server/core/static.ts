import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router, type RequestHandler } from "express";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

/**
 * The built front ends: the officer PWA under /m/, the dashboard everywhere else. Both are single-page
 * apps, so unknown non-API paths get their index.html. Hashed assets are cached forever; the HTML, the
 * manifest and the service worker never, so a deploy reaches phones on their next online start.
 * `publicAccess` is auth's marker of a route anyone may call (the access-matrix walk reads it).
 */
export function frontEndsRouter(publicAccess: RequestHandler, distDir = DIST): Router {
  const router = Router();
  const mount = (prefix: string, dir: string) => {
    const root = path.join(distDir, dir);
    router.use(
      prefix,
      express.static(root, {
        index: "index.html",
        setHeaders(res, file) {
          const immutable = file.includes(`${path.sep}assets${path.sep}`);
          res.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        },
      }),
    );
    router.get(`${prefix === "/" ? "" : prefix}/*path`, publicAccess, (req, res, next) => {
      if (req.path.startsWith("/api/") || req.path.startsWith("/socket.io/")) return next();
      const index = path.join(root, "index.html");
      if (!existsSync(index)) return next();
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(index);
    });
  };
  mount("/m", "mobile");
  mount("/", "dashboard");
  return router;
}
