import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fitWithin, preparePhoto, sha256Hex, type Downscale } from "./photos.ts";

describe("photos", () => {
  it("hashes the bytes as lowercase hex SHA-256", async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
    expect(await sha256Hex(new Blob([]))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("hashes the same without Web Crypto, as on a plain-HTTP page", async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 17) % 256);
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await sha256Hex(new Blob([bytes]), null)).toBe(expected);
  });

  it("hashes the shrunken photo that will be uploaded, not the original", async () => {
    const original = new Blob([new Uint8Array(5000)], { type: "image/heic" });
    const shrunk = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: "image/jpeg" });
    let askedMax = 0;
    const downscale: Downscale = async (_file, maxSide) => ((askedMax = maxSide), { blob: shrunk, width: 1600, height: 1200 });
    const prepared = await preparePhoto(original, downscale);
    expect(askedMax).toBe(1600);
    expect(prepared).toEqual({ blob: shrunk, sha256: createHash("sha256").update(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])).digest("hex"), mime: "image/jpeg", width: 1600, height: 1200 });
  });

  it("fits the long side within the limit, keeping the aspect ratio and never enlarging", () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 10, 1600)).toEqual({ width: 1600, height: 2 });
  });
});
