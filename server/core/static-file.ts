import { stat } from "node:fs/promises";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";
import { acceptedCompressions, type Compression } from "./accept-encoding.ts";

/** Suffix of each precompressed sibling, as `vite.precompress.ts` writes them at build time. */
const SIBLING: Record<Compression, string> = { br: ".br", gzip: ".gz" };

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Send one built file: its brotli or gzip sibling when the request accepts that coding and the build
 * wrote one, else the file itself. Content-Type is always the original's. ETag and Last-Modified are
 * the sent file's own (send's weak `size-mtime`), so each coding validates separately, and
 * conditional requests and HEAD are answered by send. A Range request gets the identity bytes: a range
 * of compressed bytes is legal but no client here wants one.
 */
export async function sendBuiltFile(req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): Promise<void> {
  let sent = file;
  let coding: Compression | undefined;
  if (!req.headers.range) {
    for (const candidate of acceptedCompressions(req.headers["accept-encoding"])) {
      if (await isFile(file + SIBLING[candidate])) {
        sent = file + SIBLING[candidate];
        coding = candidate;
        break;
      }
    }
  }
  res.vary("Accept-Encoding");
  res.type(path.extname(file));
  res.setHeader("Cache-Control", cacheControl);
  if (coding) res.setHeader("Content-Encoding", coding);
  // Dot segments of the request were refused already (static.ts); the build itself may sit under one
  // (a benchmark's node_modules/.cache/…), which send's default would refuse.
  res.sendFile(sent, { cacheControl: false, dotfiles: "allow", acceptRanges: !coding }, (err?: Error & { status?: number; code?: string }) => {
    if (!err || res.headersSent || err.code === "ECONNABORTED") return;
    // Gone between the look-up and the read (a deploy replacing dist/): as if it had never been there.
    if (err.status === 404 || err.code === "ENOENT") {
      for (const header of ["Content-Encoding", "Content-Type", "Cache-Control"]) res.removeHeader(header);
      return next();
    }
    next(err);
  });
}
