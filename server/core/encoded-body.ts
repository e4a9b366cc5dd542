import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Request, Response } from "express";
import { preferredCoding, type ContentCoding } from "./accept-encoding.ts";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** One answer body in each coding, made once, for answers that never change while the server runs. */
export interface EncodedBody {
  bytes: Record<ContentCoding, Buffer>;
  /** Hash of the identity bytes; each coding's strong ETag is derived from it (see `etagOf`). */
  hash: string;
}

/**
 * Compress a fixed body at the highest settings (brotli 11, gzip 9), off the event loop (zlib's thread
 * pool). Costs a few hundred milliseconds once for the largest boundaries; every later answer is a copy.
 */
export async function encodeBody(identity: Buffer): Promise<EncodedBody> {
  const [br, gzip] = await Promise.all([
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gz(identity, { level: 9 }),
  ]);
  return { bytes: { identity, br, gzip }, hash: createHash("sha256").update(identity).digest("base64url").slice(0, 27) };
}

/**
 * A strong ETag per coding: each coding is a representation of its own (RFC 9110 §8.8.3), so a cache
 * holding the gzip bytes never revalidates them against the brotli ones.
 */
export function etagOf(body: EncodedBody, coding: ContentCoding): string {
  return `"${body.hash}${coding === "identity" ? "" : `-${coding}`}"`;
}

/**
 * Answer with the body in the coding the request prefers, a strong ETag and `Vary: Accept-Encoding`;
 * 304 when the request's `If-None-Match` already has it. Handles HEAD (headers only).
 */
export function sendEncoded(req: Request, res: Response, body: EncodedBody, headers: { contentType: string; cacheControl: string }): void {
  const coding = preferredCoding(req.headers["accept-encoding"]);
  res.vary("Accept-Encoding");
  res.setHeader("Content-Type", headers.contentType);
  res.setHeader("Cache-Control", headers.cacheControl);
  res.setHeader("ETag", etagOf(body, coding));
  // Compared directly rather than through `req.fresh`, which ignores If-None-Match whenever the request
  // says `Cache-Control: no-cache` — exactly what browsers send with a page's own conditional requests.
  if (matchesIfNoneMatch(req.headers["if-none-match"], etagOf(body, coding))) {
    res.status(304).end();
    return;
  }
  if (coding !== "identity") res.setHeader("Content-Encoding", coding);
  const bytes = body.bytes[coding];
  res.setHeader("Content-Length", bytes.length);
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** Does an If-None-Match header name this ETag (or `*`)? Weak comparison, as RFC 9110 §13.1.2 asks. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}
