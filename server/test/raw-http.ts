import { request, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed when Content-Encoding says so). */
  wire: Buffer;
  /** The body after undoing Content-Encoding (br, gzip), or the wire bytes. */
  body: Buffer;
}

/**
 * One request by node:http, which, unlike fetch, neither adds an Accept-Encoding nor decompresses: the
 * test sees exactly what the server sent and decodes it itself.
 */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const wire = Buffer.concat(chunks);
        try {
          resolve({ status: res.statusCode!, headers: res.headers, wire, body: decode(wire, res.headers["content-encoding"]) });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function decode(wire: Buffer, coding: string | undefined): Buffer {
  if (!coding || wire.length === 0) return wire;
  if (coding === "br") return brotliDecompressSync(wire);
  if (coding === "gzip") return gunzipSync(wire);
  throw new Error(`unexpected Content-Encoding ${coding}`);
}
