import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";
import { openSocket } from "../test/sockets.ts";

let t: TestApp;
let officerCookie: string;
let photo: Buffer;
let sha: string;
let reportId: string;

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function put(cookie: string | undefined, id: string, hash: string, body: Buffer, type = "image/jpeg") {
  const res = await fetch(`${t.baseUrl}/api/reports/${id}/photos/${hash}`, {
    method: "PUT",
    headers: { "content-type": type, ...(cookie ? { cookie } : {}) },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  t = await startTestApp();
  officerCookie = await login(t, await createAccount(t, "officer"));
  // A 2400 px photo carrying EXIF with the officer's GPS position, as a phone camera writes it.
  photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 40, g: 120, b: 60 } } })
    .withExif({ IFD0: { Artist: "Petugas Paringin" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "2/1 19/1 18/1" } })
    .jpeg()
    .toBuffer();
  sha = sha256(photo);
  const res = await api(t, "POST", "/api/reports", { cookie: officerCookie, body: situationReport({ photos: [sha] }) });
  reportId = res.body.data.id;
});
afterAll(async () => {
  await t.close();
});

describe("report photos", () => {
  it("stores a declared photo once; a repeat is a harmless 200; readers are told once", async () => {
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const admin = await login(t, await createAccount(t, "admin"));
    const socket = await openSocket(t, { cookie: admin });
    const updates: any[] = [];
    socket.on("report:updated", (c) => updates.push(c));
    const first = await put(officerCookie, reportId, sha, photo);
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ sha256: sha, created: true });
    const again = await put(officerCookie, reportId, sha, photo);
    expect(again.status).toBe(200);
    expect(again.body.data.created).toBe(false);
    const view = await api(t, "GET", `/api/reports/${reportId}`, { cookie: officerCookie });
    // The whole report (ReportDetail) adds the stored file's facts to the view's fields.
    expect(view.body.data.photos).toEqual([
      { sha256: sha, uploaded: true, mime: "image/jpeg", sizeBytes: expect.any(Number), width: expect.any(Number), height: expect.any(Number) },
    ]);
    expect(view.body.data.version).toBe(2);
    await expect.poll(() => updates.length).toBe(1);
    expect(updates[0]).toMatchObject({ kind: "photo_added", entityId: reportId, data: { version: 2, photos: [{ sha256: sha, uploaded: true }] } });
    socket.close();
  });

  it("serves readers a copy without EXIF (no GPS), at most 1600 px", async () => {
    const verifier = await login(t, await createAccount(t, "verifier"));
    const res = await fetch(`${t.baseUrl}/api/reports/${reportId}/photos/${sha}`, { headers: { cookie: verifier } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const served = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);
    const guest = await login(t, await createAccount(t, "guest"));
    expect((await fetch(`${t.baseUrl}/api/reports/${reportId}/photos/${sha}`, { headers: { cookie: guest } })).status).toBe(403);
  });

  it("refuses damaged, undeclared, non-image and foreign uploads with clear errors", async () => {
    const damaged = await put(officerCookie, reportId, sha, photo.subarray(0, photo.length - 100));
    expect(damaged.status).toBe(400);
    expect(damaged.body.error.message).toMatch(/SHA-256/);

    const other = await sharp({ create: { width: 10, height: 10, channels: 3, background: "red" } }).png().toBuffer();
    const undeclared = await put(officerCookie, reportId, sha256(other), other, "image/png");
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.fields.sha256).toBeDefined();

    const text = Buffer.from("not an image at all, just text pretending");
    const report2 = await api(t, "POST", "/api/reports", { cookie: officerCookie, body: situationReport({ photos: [sha256(text)] }) });
    const notImage = await put(officerCookie, report2.body.data.id, sha256(text), text, "image/jpeg");
    expect(notImage.status).toBe(415);
    expect(notImage.body.error.code).toBe("unsupported_media_type");

    const stranger = await login(t, await createAccount(t, "officer"));
    expect((await put(stranger, reportId, sha, photo)).status).toBe(404);
    expect((await put(undefined, reportId, sha, photo)).status).toBe(401);
  });

  it("refuses photos over 10 MB with 413", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0xff);
    const res = await put(officerCookie, reportId, sha256(big), big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });
});
