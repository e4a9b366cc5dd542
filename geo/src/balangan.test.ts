import { describe, expect, it } from "vitest";
import { loadBoundaryFeatures } from "../../seeds/boundaries.ts";
import { createAreaIndex } from "./point-in-polygon.ts";
import { toPosition } from "./point.ts";

/** The same files the database is loaded from, so the phone and the server agree. */
const kecamatan = createAreaIndex(loadBoundaryFeatures("kecamatan"));
const desa = createAreaIndex(loadBoundaryFeatures("desa"));

describe("Balangan boundaries", () => {
  it("puts Paringin Kota in Paringin", () => {
    const p = toPosition({ lat: -2.3217, lng: 115.4584 });
    expect(kecamatan.locate(p)?.nama).toBe("Paringin");
    expect(desa.locate(p)?.nama).toBe("Paringin Kota");
  });

  it("puts each kecamatan's own label point inside it", () => {
    for (const f of loadBoundaryFeatures("kecamatan")) {
      expect(kecamatan.locate([f.properties.lng, f.properties.lat])?.kode).toBe(f.properties.kode);
    }
  });

  it("gives a desa whose code belongs to the kecamatan found", () => {
    let checked = 0;
    for (const f of loadBoundaryFeatures("desa")) {
      const p: [number, number] = [f.properties.lng, f.properties.lat];
      const d = desa.locate(p);
      const k = kecamatan.locate(p);
      if (!d || !k) continue; // a label point in a sliver between simplified polygons
      expect(d.kode.startsWith(`${k.kode}.`)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(140);
  });

  it("finds nothing in Banjarmasin", () => {
    expect(kecamatan.locate(toPosition({ lat: -3.3194, lng: 114.5908 }))).toBeNull();
  });
});
