import { describe, expect, it } from "vitest";
import { RegionLevel } from "@contract/regions.ts";
import { rawRequest } from "../test/raw-http.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * GET /api/regions over the wire: made once per level and compressed ahead, with a strong ETag per
 * coding and a cache lifetime for data that changes only with a deploy.
 */
const t = useTestApp();
const get = (query: string, headers: Record<string, string> = {}, method = "GET") => rawRequest(`${t.baseUrl}/api/regions${query}`, { method, headers });

describe("GET /api/regions", () => {
  it("sends each level in brotli, gzip or plain, the same collection every way", async () => {
    for (const level of RegionLevel.options) {
      const plain = await get(`?level=${level}`);
      expect(plain.status).toBe(200);
      expect(plain.headers["content-type"]).toBe("application/json; charset=utf-8");
      const collection = JSON.parse(plain.wire.toString()) as { data: { type: string; features: unknown[] } };
      expect(collection.data.type).toBe("FeatureCollection");
      for (const [accept, coding] of [
        ["gzip, deflate, br", "br"],
        ["gzip", "gzip"],
      ] as const) {
        const res = await get(`?level=${level}`, { "accept-encoding": accept });
        expect(res.headers["content-encoding"]).toBe(coding);
        expect(res.body.equals(plain.wire)).toBe(true);
        expect(Number(res.headers["content-length"])).toBe(res.wire.length);
      }
    }
    // The desa boundaries are the big one the phone and the public map fetch: ~200 KB plain.
    const desaPlain = await get("?level=desa");
    const desaBr = await get("?level=desa", { "accept-encoding": "br" });
    expect(desaBr.wire.length).toBeLessThan(desaPlain.wire.length / 4);
  });

  it("carries a strong ETag per coding, a day's cache, and answers 304 to If-None-Match", async () => {
    const br = await get("?level=kecamatan", { "accept-encoding": "br" });
    const gzip = await get("?level=kecamatan", { "accept-encoding": "gzip" });
    const plain = await get("?level=kecamatan");
    const tags = [br, gzip, plain].map((r) => r.headers.etag!);
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/); // strong: no W/
    expect(new Set(tags).size).toBe(3);
    expect(br.headers["cache-control"]).toBe("public, max-age=86400, stale-while-revalidate=604800");
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const again = await get("?level=kecamatan", { "accept-encoding": "br", "if-none-match": br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.wire.length).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    expect(again.headers["cache-control"]).toBe("public, max-age=86400, stale-while-revalidate=604800");
    // A list, and a weak form of the tag, match too (If-None-Match compares weakly).
    expect((await get("?level=kecamatan", { "if-none-match": `"nope", W/${plain.headers.etag}` })).status).toBe(304);
    // Browsers add `Cache-Control: no-cache` to a page's own revalidation; the tag still decides.
    expect((await get("?level=kecamatan", { "accept-encoding": "br", "cache-control": "no-cache", "if-none-match": br.headers.etag! })).status).toBe(304);
    // Another level, or another coding's tag, is not the same representation.
    expect((await get("?level=desa", { "accept-encoding": "br", "if-none-match": br.headers.etag! })).status).toBe(200);
    expect((await get("?level=kecamatan", { "accept-encoding": "br", "if-none-match": gzip.headers.etag! })).status).toBe(200);
  });

  it("answers HEAD with the headers alone, and still refuses an unknown level", async () => {
    const head = await get("?level=kabupaten", { "accept-encoding": "gzip" }, "HEAD");
    const full = await get("?level=kabupaten", { "accept-encoding": "gzip" });
    expect(head.status).toBe(200);
    expect(head.wire.length).toBe(0);
    expect(head.headers["content-length"]).toBe(full.headers["content-length"]);
    expect(head.headers.etag).toBe(full.headers.etag);

    const bad = await get("?level=provinsi", { "accept-encoding": "br" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ error: { code: expect.any(String) } });
  });
});
