import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION_SNAP } from "@contract/regions.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = async (path: string) => {
  const res = await fetch(t.baseUrl + path);
  // Regions answer `{ data: FeatureCollection }`, locate `{ data: { kecamatan, desa } }`, errors `{ error }`.
  const json = (await res.json()) as any;
  return { status: res.status, body: res.ok ? json.data : json };
};

describe("GET /api/regions", () => {
  it("returns the 8 kecamatan of Balangan as a FeatureCollection", async () => {
    const { status, body } = await get("/api/regions?level=kecamatan");
    expect(status).toBe(200);
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(8);
    const names = body.features.map((f: any) => f.properties.nama).sort();
    expect(names).toEqual(
      ["Awayan", "Batu Mandi", "Halong", "Juai", "Lampihong", "Paringin", "Paringin Selatan", "Tebing Tinggi"].sort(),
    );
    for (const f of body.features) {
      expect(f.geometry.type).toBe("MultiPolygon");
      expect(f.properties.parent).toBe("63.11");
    }
  });

  it("returns all 157 desa, each under its own kecamatan", async () => {
    const { body } = await get("/api/regions?level=desa");
    expect(body.features).toHaveLength(157);
    for (const f of body.features) expect(f.properties.kode.slice(0, 8)).toBe(f.properties.parent);
  });

  it("rejects an unknown level with a field message", async () => {
    const { status, body } = await get("/api/regions?level=provinsi");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields.level).toBeTruthy();
  });
});

describe("GET /api/regions/locate", () => {
  it("places the Paringin Kota point in Paringin", async () => {
    const { status, body } = await get("/api/regions/locate?lat=-2.3217&lng=115.4584");
    expect(status).toBe(200);
    expect(body).toEqual({
      kecamatan: { kode: "63.11.06", nama: "Paringin" },
      desa: { kode: "63.11.06.1023", nama: "Paringin Kota" },
    });
  });

  it("places every desa's label point in that desa's kecamatan", async () => {
    const { body } = await get("/api/regions?level=desa");
    for (const f of body.features) {
      const [lng, lat] = f.properties.label;
      const located = await get(`/api/regions/locate?lat=${lat}&lng=${lng}`);
      expect(located.status).toBe(200);
      expect(located.body.kecamatan.kode).toBe(f.properties.parent);
    }
  });

  it("answers 422 outside_region for Jakarta, the status intake gives too", async () => {
    const { status, body } = await get("/api/regions/locate?lat=-6.2&lng=106.8");
    expect(status).toBe(422);
    expect(body.error.code).toBe("outside_region");
    expect(body.error.message).toBeTruthy();
  });

  it.each([
    ["lat=abc&lng=115.4", ["lat"]],
    ["lat=95&lng=115.4", ["lat"]],
    ["lat=-2.3&lng=181", ["lng"]],
    ["", ["lat", "lng"]],
    ["lat=-2.3", ["lng"]],
    ["lat=Infinity&lng=115", ["lat"]],
  ])("answers 400 with a message per bad field for ?%s", async (query, badFields) => {
    const { status, body } = await get(`/api/regions/locate?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields).sort()).toEqual(badFields);
  });
});

describe("locate in memory", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

  it("agrees with PostGIS point by point over Balangan and its surroundings", async () => {
    // Seeded points over a box a little wider than Balangan, so borders, slivers and outsiders all occur.
    const points = Array.from({ length: 400 }, () => ({ lat: -2.62 + rand() * 0.62, lng: 115.28 + rand() * 0.62 }));
    const fast = await t.services.regions.locateMany(points, 2_000);
    const slow = await Promise.all(points.map((p) => t.services.regions.locateInDatabase(p.lat, p.lng, 2_000)));
    // Same kecamatan, desa and metres outside (rounded) as PostGIS on the spheroid.
    expect(fast).toEqual(slow);
    // The sample really covers both cases.
    expect(fast.filter((r) => r && r.outsideMeters === 0).length).toBeGreaterThan(100);
    expect(fast.filter((r) => r === null).length).toBeGreaterThan(10);
  });

  it("agrees with PostGIS along the borders: slivers, just outside, and just too far", async () => {
    // Points within ~3 km of the kecamatan boundaries' vertices: inside, in the gaps between neighbours,
    // within the 2 km tolerance outside Balangan and beyond it.
    const { body } = await get("/api/regions?level=kecamatan");
    const vertices: [number, number][] = body.features.flatMap((f: any) => f.geometry.coordinates.flat(2));
    const points = Array.from({ length: 500 }, () => {
      const [lng, lat] = vertices[Math.floor(rand() * vertices.length)]!;
      return { lat: lat + (rand() - 0.5) * 0.05, lng: lng + (rand() - 0.5) * 0.05 };
    });
    const fast = await t.services.regions.locateMany(points, REPORT_LIMITS.outsideToleranceMeters);
    const slow = await Promise.all(points.map((p) => t.services.regions.locateInDatabase(p.lat, p.lng, REPORT_LIMITS.outsideToleranceMeters)));
    // Same kecamatan, desa and metres outside (rounded) as PostGIS on the spheroid.
    expect(fast).toEqual(slow);
    const snapped = fast.filter((r) => r && r.outsideMeters > 0 && r.outsideMeters <= REGION_SNAP.sliverMeters);
    const near = fast.filter((r) => r && r.outsideMeters > REGION_SNAP.sliverMeters);
    expect(snapped.length).toBeGreaterThan(10);
    expect(near.length).toBeGreaterThan(20);
    expect(fast.filter((r) => r === null).length).toBeGreaterThan(10);
  });
});
