import { REGION_SNAP } from "@contract/regions.ts";
import { bboxOf } from "@geo/bbox.ts";
import { createRegionLocator } from "@geo/locate.ts";
import { pointInGeometry } from "@geo/point-in-polygon.ts";
import type { AreaFeature, AreaGeometry, BBox } from "@geo/types.ts";
import { loadBoundaryFeatures } from "../boundaries.ts";
import type { Random } from "./random.ts";
import { compareText } from "./order.ts";

/**
 * Balangan's kecamatan and desa, read from the same files the regions table is loaded from (migration
 * 0002), and points sampled inside them. A point is kept only when the placing rule intake uses
 * (geo's createRegionLocator over the same polygons) puts it in the intended desa, so the kecamatan and
 * desa the generator writes are the ones intake would have derived.
 */

export interface Kecamatan {
  kode: string;
  nama: string;
  /** Lowercase letters only: `Batu Mandi` → `batumandi` (demo usernames use it). */
  slug: string;
}

export interface Desa {
  kode: string;
  nama: string;
  kecamatanKode: string;
  /** Kelurahan (urban, `63.11.06.1023`) rather than desa: more people, more reports. */
  urban: boolean;
  geometry: AreaGeometry;
  box: BBox;
  /** A point inside (the label point of the source data). */
  label: { lat: number; lng: number };
  /** Relative share of its kecamatan's reports. */
  weight: number;
}

export interface Point {
  lat: number;
  lng: number;
}

export interface Places {
  kecamatan: Kecamatan[];
  desa: Desa[];
  desaOf(kecamatanKode: string): Desa[];
  /** A point inside the desa, uniform over its area. */
  pointIn(desa: Desa, rng: Random): Point;
  /** A point about `sigmaMeters` around `center`, still inside the desa (else uniform inside it). */
  pointNear(center: Point, sigmaMeters: number, desa: Desa, rng: Random): Point;
  /** Whether intake's placing rule puts the point in this desa. */
  placesIn(point: Point, desa: Desa): boolean;
}

const METERS_PER_DEGREE = 111_320;
/** GPS fixes as phones report them: 6 decimals, about 0.1 m. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Approximate area in square degrees (shoelace over outer rings), enough to weigh desa against each other. */
function roughArea(geometry: AreaGeometry): number {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const rings of polygons) {
    const ring = (rings[0] ?? []) as [number, number][];
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
    area += Math.abs(sum) / 2;
  }
  return area;
}

let cached: Places | undefined;

/** The places of Balangan (built once per process: the polygons never change). */
export function balanganPlaces(): Places {
  if (cached) return cached;
  const kecFeatures = loadBoundaryFeatures("kecamatan");
  const desaFeatures = loadBoundaryFeatures("desa");
  const kecamatan = kecFeatures
    .map((f) => ({ kode: f.properties.kode, nama: f.properties.nama, slug: f.properties.nama.toLowerCase().replace(/[^a-z]/g, "") }))
    .sort((a, b) => compareText(a.kode, b.kode));
  const desa: Desa[] = desaFeatures
    .map((f) => {
      const geometry = f.geometry as AreaGeometry;
      const urban = f.properties.kode.split(".")[3]!.startsWith("1");
      // Bigger desa hold more people, but not proportionally (forest and plantation take much of the area).
      const weight = Math.sqrt(roughArea(geometry) * 1e4) * (urban ? 3 : 1);
      return {
        kode: f.properties.kode,
        nama: f.properties.nama,
        kecamatanKode: f.properties.kode.slice(0, 8),
        urban,
        geometry,
        box: bboxOf(geometry),
        label: { lat: f.properties.lat, lng: f.properties.lng },
        weight,
      };
    })
    .sort((a, b) => compareText(a.kode, b.kode));
  const byKecamatan = new Map<string, Desa[]>();
  for (const d of desa) (byKecamatan.get(d.kecamatanKode) ?? byKecamatan.set(d.kecamatanKode, []).get(d.kecamatanKode)!).push(d);

  type P = { kode: string };
  const feature = (f: (typeof kecFeatures)[number]): AreaFeature<P> => ({ geometry: f.geometry as AreaGeometry, properties: { kode: f.properties.kode } });
  const locate = createRegionLocator(kecFeatures.map(feature), desaFeatures.map(feature), REGION_SNAP);

  const placesIn = (p: Point, d: Desa) => {
    if (!pointInGeometry([p.lng, p.lat], d.geometry)) return false;
    const where = locate([p.lng, p.lat]);
    return where !== null && where.outsideMeters === 0 && where.desa?.kode === d.kode;
  };

  const pointIn = (d: Desa, rng: Random): Point => {
    const [west, south, east, north] = d.box;
    for (let attempt = 0; attempt < 500; attempt++) {
      const p = { lng: round6(west + rng.next() * (east - west)), lat: round6(south + rng.next() * (north - south)) };
      if (placesIn(p, d)) return p;
    }
    return d.label;
  };

  cached = {
    kecamatan,
    desa,
    desaOf: (kode) => byKecamatan.get(kode) ?? [],
    pointIn,
    pointNear(center, sigmaMeters, d, rng) {
      const cos = Math.cos((center.lat * Math.PI) / 180);
      for (let attempt = 0; attempt < 40; attempt++) {
        const p = {
          lat: round6(center.lat + (rng.normal() * sigmaMeters) / METERS_PER_DEGREE),
          lng: round6(center.lng + (rng.normal() * sigmaMeters) / (METERS_PER_DEGREE * cos)),
        };
        if (placesIn(p, d)) return p;
      }
      return pointIn(d, rng);
    },
    placesIn,
  };
  return cached;
}

/** Distance in metres between two points (equirectangular: exact enough within a regency). */
export function metersBetween(a: Point, b: Point): number {
  const cos = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dx = (a.lng - b.lng) * METERS_PER_DEGREE * cos;
  const dy = (a.lat - b.lat) * METERS_PER_DEGREE;
  return Math.hypot(dx, dy);
}
