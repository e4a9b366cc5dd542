import { describe, expect, it } from "vitest";
import type { RegionProperties } from "@contract/regions.ts";
import type { AreaCollection } from "@geo/types.ts";
import { loadBoundaryFeatures, type BoundaryLevel } from "../../../seeds/boundaries.ts";
import { createLocator } from "./where.ts";

/** The seed files shaped like GET /api/regions answers (same kode / nama). */
const collection = (level: BoundaryLevel): AreaCollection<RegionProperties> => ({
  type: "FeatureCollection",
  features: loadBoundaryFeatures(level).map((f) => ({
    type: "Feature",
    geometry: f.geometry as never,
    properties: { kode: f.properties.kode, nama: f.properties.nama, level: f.properties.level as never, parent: null, label: [f.properties.lng, f.properties.lat] },
  })),
});

const locate = createLocator(collection("kecamatan"), collection("desa"));

describe("createLocator", () => {
  it("names the kecamatan and desa of a point in Balangan", () => {
    expect(locate({ lat: -2.3217, lng: 115.4584 })).toEqual({
      kind: "inside",
      kecamatan: { kode: "63.11.06", nama: "Paringin" },
      desa: expect.objectContaining({ nama: "Paringin Kota" }),
    });
  });

  it("flags a point just outside Balangan as near, with the nearest kecamatan", () => {
    // ~1 km west of Balangan's westernmost vertex.
    const rings = collection("kecamatan").features.map((f) => (f.geometry as { coordinates: number[][][] }).coordinates[0]!);
    const west = rings.flat().reduce((a, b) => (b[0]! < a[0]! ? b : a));
    const result = locate({ lat: west[1]!, lng: west[0]! - 0.009 });
    expect(result.kind).toBe("near");
    if (result.kind === "near") {
      expect(result.meters).toBeGreaterThan(150);
      expect(result.meters).toBeLessThanOrEqual(2_000);
    }
  });

  it("says outside for Banjarmasin, with the distance", () => {
    const result = locate({ lat: -3.3194, lng: 114.5908 });
    expect(result.kind).toBe("outside");
    if (result.kind === "outside") expect(result.meters).toBeGreaterThan(100_000);
  });

  it("knows nothing without boundaries", () => {
    expect(createLocator(null, null)({ lat: -2.3217, lng: 115.4584 })).toEqual({ kind: "unknown" });
  });
});
