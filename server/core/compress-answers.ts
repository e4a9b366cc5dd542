import compression from "compression";
import type { RequestHandler } from "express";

/** Smaller answers fit in a packet or two anyway; compressing them saves no round trip on a slow link. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli or gzip (by Accept-Encoding, brotli first) for API answers over 1 KB, made per request at
 * zlib's balanced levels. What it leaves alone, on purpose:
 * - types that do not shrink (photos are JPEG: `compressible` says no) and answers already encoded
 *   (the boundaries, compressed once ahead, see core/encoded-body.ts);
 * - `text/event-stream`: a compressor buffers, and an event held back is a late event;
 * - Socket.IO: engine.io answers its own requests on the HTTP server before Express sees them.
 */
export function compressAnswers(): RequestHandler {
  return compression({
    threshold: COMPRESS_THRESHOLD_BYTES,
    filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") && compression.filter(req, res),
  });
}
