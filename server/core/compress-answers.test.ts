import { createHash } from "node:crypto";
import sharp from "sharp";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, login } from "../test/accounts.ts";
import { JSON_ROUTES } from "../test/contract.ts";
import { rawRequest } from "../test/raw-http.ts";
import { situationReport } from "../test/reports.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { COMPRESS_THRESHOLD_BYTES } from "./compress-answers.ts";

/**
 * API answers over the wire: every GET answer of the contract table, as an admin, with each
 * Accept-Encoding. Whatever the route, an answer of 1 KB or more is compressed when asked and decodes to
 * the same bytes; a smaller one, or one to a request that asks for nothing, goes out plain. Photos,
 * Socket.IO and the boundaries' own encoding pass through untouched.
 */
let t: TestApp;
let admin: string;
let officer: string;
let reportId: string;
let photo: { sha: string; bytes: Buffer };
let userId: string;
let officerId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t, await createAccount(t, "admin"));
  const officerAccount = await createAccount(t, "officer");
  officerId = officerAccount.id;
  officer = await login(t, officerAccount);
  // Enough rows that the lists pass 1 KB whatever else the shared test database holds.
  for (let i = 0; i < 4; i++) userId = (await createAccount(t, "guest")).id;
  // Noise does not compress: a photo of a few tens of KB, like a real one.
  const noise = Buffer.from(Array.from({ length: 160 * 120 * 3 }, (_, i) => (i * 2654435761) >>> 24));
  const jpeg = await sharp(noise, { raw: { width: 160, height: 120, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  photo = { sha: createHash("sha256").update(jpeg).digest("hex"), bytes: jpeg };
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${t.baseUrl}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: officer },
      body: JSON.stringify(situationReport(i === 0 ? { photos: [photo.sha] } : {})),
    });
    const body = (await res.json()) as { data: { id: string } };
    if (i === 0) reportId = body.data.id;
  }
  const put = await fetch(`${t.baseUrl}/api/reports/${reportId}/photos/${photo.sha}`, {
    method: "PUT",
    headers: { "content-type": "image/jpeg", cookie: officer },
    body: new Uint8Array(jpeg),
  });
  expect(put.status).toBe(201);
});
afterAll(() => t?.close());

/**
 * A concrete path for a route of the table, parameters filled from the data made above where one fits.
 * Any other parameter gets a placeholder: the answer may then be an error, which is held to the same
 * rule as any answer (compressed from 1 KB up, when asked).
 */
function pathOf(route: string): string {
  const [, pattern] = route.split(" ") as [string, string];
  const filled = pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (name === "id") return pattern.startsWith("/api/users/") ? userId : reportId;
    if (name === "officerId") return officerId;
    if (name === "sha256") return photo.sha;
    return "1";
  });
  return route === "GET /api/regions" ? `${filled}?level=desa` : filled;
}

const GETS = JSON_ROUTES.filter((k) => k.startsWith("GET "));

/** Answer text with its instants masked: some answers carry the time they were made (`asOf`). */
const withoutInstants = (bytes: Buffer) => bytes.toString().replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<instant>");

describe("API answers", () => {
  it("are compressed from 1 KB up when asked — brotli first — and plain otherwise, for every GET of the contract", async () => {
    const large: string[] = [];
    for (const route of GETS) {
      const url = t.baseUrl + pathOf(route);
      const plain = await rawRequest(url, { headers: { cookie: admin } });
      expect(plain.headers["content-encoding"], route).toBeUndefined();
      const isLarge = plain.wire.length >= COMPRESS_THRESHOLD_BYTES;
      if (isLarge) large.push(route);
      for (const [accept, coding] of [
        ["gzip, deflate, br", "br"],
        ["gzip", "gzip"],
      ] as const) {
        const res = await rawRequest(url, { headers: { cookie: admin, "accept-encoding": accept } });
        expect(res.status, route).toBe(plain.status);
        expect(res.headers["content-encoding"], `${route} (${plain.wire.length} bytes) with ${accept}`).toBe(isLarge ? coding : undefined);
        expect(res.headers["content-type"], route).toMatch(/^application\/json/);
        expect(withoutInstants(res.body), route).toBe(withoutInstants(plain.wire));
        if (isLarge) {
          expect(res.headers.vary, route).toMatch(/accept-encoding/i);
          expect(res.wire.length, route).toBeLessThan(plain.wire.length);
        }
      }
      const identity = await rawRequest(url, { headers: { cookie: admin, "accept-encoding": "identity" } });
      expect(identity.headers["content-encoding"], route).toBeUndefined();
    }
    // The test has teeth only if the big answers were among them.
    expect(large).toEqual(expect.arrayContaining(["GET /api/regions", "GET /api/reports", "GET /api/users", "GET /api/reports/:id"]));
  });

  it("sends photos as they are: a JPEG does not shrink", async () => {
    const res = await rawRequest(`${t.baseUrl}/api/reports/${reportId}/photos/${photo.sha}`, {
      headers: { cookie: officer, "accept-encoding": "gzip, deflate, br" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.wire.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(Number(res.headers["content-length"])).toBe(res.wire.length);
    expect([...res.wire.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it("leaves Socket.IO to engine.io: the polling handshake and a polling client work as before", async () => {
    const handshake = await rawRequest(`${t.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(handshake.status).toBe(200);
    expect(handshake.body.toString()).toMatch(/^0\{"sid":/);

    const socket = connect(t.baseUrl, { transports: ["polling"], extraHeaders: { cookie: officer }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      expect(socket.io.engine.transport.name).toBe("polling");
    } finally {
      socket.close();
    }
  });
});
