import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";
import { createPhotoStore, type PhotoStore } from "./photo-store.ts";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
/** One colour compresses to almost nothing, however many pixels: the shape of a decompression bomb. */
const plain = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 40, g: 120, b: 60, alpha: 1 } }, limitInputPixels: false });

let dataDir: string;
const stores: PhotoStore[] = [];
const newStore = (decoding: Parameters<typeof createPhotoStore>[1] = {}) => {
  const store = createPhotoStore(dataDir, decoding);
  stores.push(store);
  return store;
};

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-photo-store-"));
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("photo upload limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses a 1 MB PNG of 100 megapixels with 413, naming its size and the limit", async () => {
    const bomb = await plain(10_000, 10_000).png().toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const officer = await login(t, await createAccount(t, "officer"));
    const report = await api(t, "POST", "/api/reports", { cookie: officer, body: situationReport({ photos: [sha256(bomb)] }) });
    const res = await fetch(`${t.baseUrl}/api/reports/${report.body.data.id}/photos/${sha256(bomb)}`, {
      method: "PUT",
      headers: { "content-type": "image/png", cookie: officer },
      body: new Uint8Array(bomb),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toBe("Photo is too large to process: 10000 × 10000 px (100 MP); at most 52 MP");
  });
});

describe("photo store decoding", () => {
  it("refuses a bomb from its header, without starting a decoder", async () => {
    const store = newStore();
    const bomb = await plain(10_000, 10_000).png().toBuffer();
    await expect(store.save("r-bomb", sha256(bomb), bomb)).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
    expect(store.decodeStats().processesStarted).toBe(0);
  });

  it("refuses an interlaced 16-bit PNG that would have to be decoded whole into 240 MB", async () => {
    const store = newStore();
    const png = await plain(6000, 5000, 4).toColourspace("rgb16").png({ progressive: true }).toBuffer();
    await expect(store.save("r-interlaced", sha256(png), png)).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/^Interlaced PNG of 6000 × 5000 px \(30 MP\) needs 240 MB to decode; at most 156 MB/),
    });
  });

  it("keeps a 50 megapixel phone photo, shrunk to 1600 px", async () => {
    const store = newStore();
    const photo = await plain(8160, 6120).jpeg().toBuffer();
    const stored = await store.save("r-50mp", sha256(photo), photo);
    expect([stored.width, stored.height]).toEqual([1600, 1200]);
  });

  it("decodes no more photos at once than it is allowed, however many arrive together", async () => {
    const store = newStore({ maxConcurrent: 2 });
    const photos = await Promise.all(
      Array.from({ length: 8 }, (_, i) => plain(2400 + i, 1600).jpeg().toBuffer()),
    );
    const stored = await Promise.all(photos.map((p, i) => store.save(`r-burst-${i}`, sha256(p), p)));
    expect(stored.map((s) => s.width)).toEqual(Array(8).fill(1600));
    // Counted inside the decoding process as each photo starts, not by the queue that limits them.
    expect(store.decodeStats().peakConcurrent).toBeGreaterThanOrEqual(1);
    expect(store.decodeStats().peakConcurrent).toBeLessThanOrEqual(2);
    expect(store.decodeStats().processesStarted).toBe(1);
  });

  it("lets its decoding process go when idle and starts another for the next photo", async () => {
    const store = newStore({ idleMs: 50 });
    const first = await plain(900, 600).jpeg().toBuffer();
    await store.save("r-idle", sha256(first), first);
    const pid = store.decodeStats().pid!;
    await expect.poll(() => isRunning(pid), { timeout: 10_000 }).toBe(false);
    const second = await plain(901, 600).jpeg().toBuffer();
    await store.save("r-idle", sha256(second), second);
    expect(store.decodeStats().processesStarted).toBe(2);
  });

  it("fails only the photo in flight with 503 when the decoder dies, says so, and recovers", async () => {
    const crashes: { signal: string | null; photosLost: number }[] = [];
    const store = newStore({ onCrash: ({ signal, photosLost }) => crashes.push({ signal, photosLost }) });
    const photo = await plain(8160, 6120).jpeg().toBuffer();
    const saving = store.save("r-crash", sha256(photo), photo);
    await expect.poll(() => store.decodeStats().pid, { timeout: 10_000 }).not.toBeNull();
    process.kill(store.decodeStats().pid!, "SIGKILL");
    await expect(saving).rejects.toMatchObject({ status: 503, code: "not_ready" });
    expect(crashes).toEqual([{ signal: "SIGKILL", photosLost: 1 }]);
    const again = await store.save("r-crash", sha256(photo), photo);
    expect(again.width).toBe(1600);
    expect(store.decodeStats().processesStarted).toBe(2);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
